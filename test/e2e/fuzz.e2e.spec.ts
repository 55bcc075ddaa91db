import { NodeAdapters } from '@nrm/application';
import { NODE_ADAPTERS } from '@nrm/application/infrastructure/tokens';
import { ALL_OPERATOR_ROLES, NodeHarness, REGISTRATION } from '../support/node-harness';

/** A small seeded PRNG (mulberry32): a failing run can be replayed from its seed. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ANY_ID = '0b7c5a70-4a8e-4b8e-9a64-3c1f2f6f9d11';

/** A valid body and the role allowed to send it, for every command route; the fuzzer breaks them. */
const COMMANDS: [path: string, role: string, body: Record<string, unknown>][] = [
  ['/api/cases', 'identification_officer', REGISTRATION],
  ['/api/cases/:id/consents', 'identification_officer', { purpose: 'assistance', granted: true }],
  ['/api/cases/:id/identification', 'identification_officer', { decision: 'identified', reasons: 'x' }],
  ['/api/cases/:id/guardian', 'identification_officer', { name: 'N', authority: 'A' }],
  ['/api/cases/:id/age-assessment', 'identification_officer', { presumedMinor: true, method: 'interview' }],
  ['/api/cases/:id/best-interests-determination', 'case_manager', { outcome: 'o', notes: 'n' }],
  ['/api/cases/:id/risk-assessments', 'case_manager', { kind: 'general', level: 'low', notes: 'n' }],
  ['/api/cases/:id/needs-assessments', 'case_manager', { needs: ['medical'] }],
  ['/api/cases/:id/assistance-plan', 'case_manager', { services: [{ kind: 'medical' }] }],
  ['/api/cases/:id/service-referrals', 'case_manager', { kind: 'medical', provider: 'clinic-1' }],
  ['/api/cases/:id/monitoring', 'case_manager', { status: 'on_track' }],
  ['/api/cases/:id/closure', 'case_manager', { reason: 'victim_request' }],
  ['/api/cases/:id/return-request', 'return_officer', { statedBy: 'victim' }],
  ['/api/cases/:id/handovers', 'return_officer', { toCountry: 'MD' }],
  ['/api/cases/:id/reintegration-plan', 'return_officer', { services: [{ kind: 'employment' }] }],
  ['/api/cases/:id/reintegration-progress', 'return_officer', { status: 'on_track' }],
  ['/api/cases/:id/cooperation-decision', 'prosecution_liaison', { willing: true }],
  ['/api/cases/:id/law-enforcement-requests', 'prosecution_liaison', { agency: 'police', kind: 'interview' }],
  [
    '/api/cases/:id/hearings',
    'prosecution_liaison',
    { scheduledFor: '2030-01-01T10:00:00Z', protectiveMeasures: [] },
  ],
  ['/api/cases/:id/compensation-claims', 'prosecution_liaison', { against: 'offender' }],
  ['/api/cases/:id/non-punishment', 'prosecution_liaison', { basis: 'compelled_criminal_offence' }],
  ['/api/users', 'admin', { username: 'fuzzed-user', password: 'a long enough password 1', role: 'auditor' }],
  ['/api/cases/:id/erasure', 'admin', { legalBasis: 'GDPR art. 17' }],
];

const QUERIES: [path: string, role: string][] = [
  ['/api/cases', 'case_manager'],
  ['/api/cases/:id', 'case_manager'],
  ['/api/cases/:id/events', 'auditor'],
  ['/api/audit/verify', 'auditor'],
  ['/api/audit/access-log', 'auditor'],
];

const WEIRD: unknown[] = [
  null,
  true,
  -1,
  1e308,
  '',
  'x'.repeat(5000),
  '../../etc/passwd',
  "'; DROP TABLE events; --",
  '<script>alert(1)</script>',
  '\u0000\uffff',
  '2024-13-45',
  'ZZ',
  [],
  [null],
  {},
  { $gt: '' },
  { __proto__: { polluted: true } },
  Array.from({ length: 200 }, () => 'a'),
];

/** One mutation that makes a valid body invalid (never a valid variant of it). */
function breakBody(body: Record<string, unknown>, pick: <T>(xs: readonly T[]) => T): unknown {
  const keys = Object.keys(body);
  switch (pick(['unknown-field', 'wrong-value', 'missing-required', 'not-an-object', 'nested']) as string) {
    case 'unknown-field':
      return { ...body, [pick(['isAdmin', 'caseId', 'revision', '__proto__x', 'constructor'])]: pick(WEIRD) };
    case 'wrong-value': {
      const key = pick(keys);
      let value = pick(WEIRD);
      // A weird value could happen to be valid for a free-text field: make sure it is not.
      if (typeof value === 'string' && value.length < 5000) value = { nested: value };
      return { ...body, [key]: value };
    }
    case 'missing-required':
      return Object.fromEntries(Object.entries(body).slice(1)).constructor === Object && keys.length
        ? { ...Object.fromEntries(Object.entries(body).filter(([k]) => k !== keys[0])), smuggled: 1 }
        : { smuggled: 1 };
    case 'not-an-object':
      return pick([[], 'text', 42, null, [body]]);
    default:
      return { ...body, person: { ...(REGISTRATION.person as object), sex: pick(WEIRD), extra: 1 } };
  }
}

describe('fuzzing every route with malformed requests', () => {
  jest.setTimeout(300_000);
  let node: NodeHarness;
  let caseId: string;
  const seed = Number(process.env.FUZZ_SEED ?? 20261129);
  const rounds = Number(process.env.FUZZ_ROUNDS ?? 120);

  beforeAll(async () => {
    // Fuzz the routes, not the rate limiter (which has tests of its own).
    node = await NodeHarness.start({ NRM_API_RATE_LIMIT_PER_MINUTE: '1000000' });
    await node.withUsers(ALL_OPERATOR_ROLES);
    caseId = (await node.request('POST', '/api/cases', { as: 'identification_officer', body: REGISTRATION }))
      .body.caseId;
  });
  afterAll(() => node.stop());

  // Read from the store itself: nothing the fuzzer does may move the head of the log.
  const head = () => node.app.get<symbol, NodeAdapters>(NODE_ADAPTERS).eventStore.headPosition();

  it(`gets no 5xx and records nothing (seed ${seed})`, async () => {
    const random = prng(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
    const before = await head();
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    let sent = 0;

    for (let round = 0; round < rounds; round++) {
      for (const [path, role, body] of COMMANDS) {
        const id = pick([caseId, caseId, ANY_ID, 'not-an-id', '%00', '..', 'x'.repeat(300)]);
        const url = path.replace(':id', encodeURIComponent(id));
        const mutated = breakBody(body, pick);
        const raw = pick([JSON.stringify(mutated), JSON.stringify(mutated), '{"a":', '\u0000', 'null', '[]']);
        const res = await node.request('POST', url, {
          as: role,
          rawBody: raw,
          headers: pick<Record<string, string>>([
            {},
            { 'if-match': pick(['"x"', '-5', '"99999999999999999999"']) },
          ]),
        });
        sent++;
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 500 || res.status < 400)
          failures.push(`POST ${url} ${raw.slice(0, 120)} -> ${res.status}`);
      }
      for (const [path, role] of QUERIES) {
        const url = path.replace(':id', encodeURIComponent(pick([caseId, ANY_ID, 'nope'])));
        const query = pick([
          'stage',
          'country',
          'page',
          'pageSize',
          'caseId',
          'userId',
          'knownSize',
          'purpose',
          'bogus',
        ]);
        const value = encodeURIComponent(String(pick(WEIRD)));
        const res = await node.request('GET', `${url}?${query}=${value}&${pick(['x', 'page'])}=${value}`, {
          as: role,
        });
        sent++;
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 500) failures.push(`GET ${url}?${query}=${value} -> ${res.status}`);
      }
    }

    expect(failures.slice(0, 20)).toEqual([]);
    expect(await head()).toBe(before);
    process.stderr.write(
      `fuzz: ${sent} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}\n`,
    );
    expect(sent).toBeGreaterThan(3000);
  });
});
