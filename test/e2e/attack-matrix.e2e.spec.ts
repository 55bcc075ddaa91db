import { EVENT_STORE, EventStore } from '@nrm/event-store/port';
import { ACCOUNT_REPOSITORY, AccountRepository } from '@nrm/iam/accounts/account-repository.port';
import { OPERATOR_ROLES, ROLES, Role } from '@nrm/iam/roles';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ADMIN,
  ALL_OPERATOR_ROLES,
  NodeHarness,
  PASSWORD,
  REGISTRATION,
  Response,
} from '../support/node-harness';
import {
  BODIES,
  bodyFor,
  OpenApiDocument,
  openApiOfARunningNode,
  Operation,
  operationsOf,
  urlOf as urlOfRoute,
} from '../support/route-inputs';

/**
 * Every route × every way of calling it without the right to: each refused, nothing recorded
 * (issue "Privacy, security and access control", item 6).
 *
 * The routes come from the OpenAPI document of a running node, with the roles each admits
 * (x-nrm-roles, written from the same metadata the auth guard reads): a new route gets its rows
 * without anyone editing this file. Jest needs the rows before any test runs, so a short-lived node
 * in a child process hands over its document while the file loads; every request below goes to one
 * node started once for the whole file, whose own document must list the same routes.
 */

/** Routes that answer without a token, each on purpose. Any other route must refuse (401). */
const PUBLIC: Record<string, string> = {
  'GET /health': 'liveness probe for load balancers; answers only { status: "ok" }',
  'POST /api/auth/login': 'where a token is obtained; per-address rate limit and per-username lockout',
  'POST /api/auth/refresh':
    'the refresh token in the body is the credential (rotated; reuse ends the session)',
  'POST /api/auth/session':
    "the browser's login: the same checks, lockout and rate limit as POST /api/auth/login",
  'POST /api/auth/session/refresh':
    'the HttpOnly nrm_session cookie is the credential (rotated; reuse ends the session)',
  'DELETE /api/auth/session': 'ends the session of the nrm_session cookie it carries, and nothing else',
  'GET /api/auth/providers':
    "what the sign-in page offers: the identity provider's issuer, client id, name and scopes, no secret",
  'POST /api/partners/inbox':
    'partner nodes: the Ed25519 signature over the envelope is the credential (test/e2e/transnational-faults)',
};

/** Served by the node but not described in the OpenAPI document: the document itself and its viewer. */
const PUBLIC_UNDOCUMENTED: { route: RegExp; reason: string; probes: string[] }[] = [
  {
    route: /^GET \/api\/docs([-/].*)?$/,
    reason: 'Swagger UI and the OpenAPI document: the API description, no data',
    probes: ['/api/docs', '/api/docs/swagger-ui-init.js', '/api/docs-json', '/api/docs-yaml'],
  },
  {
    route: /^GET \/(assets\/\*)?$/,
    reason: 'the web console (index.html and its content-hashed assets): static files, no data',
    probes: ['/', '/assets/app-abc123.js'],
  },
];

/** A console build, so that the node serves every route `npm start` serves (the console's too). */
function writeConsoleBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nrm-attack-console-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><script type="module" src="/assets/app-abc123.js"></script>',
  );
  writeFileSync(join(dir, 'assets/app-abc123.js'), 'export {};\n');
  return dir;
}

/** Case routes whose roles are not scoped by agency, so "the wrong agency" does not apply. */
const UNSCOPED_CASE_ROUTES: Record<string, string> = {
  'POST /api/cases/:id/erasure':
    'admin only: an admin reaches no case data and erases any case on a stated legal basis',
  'POST /api/cases/:id/family-members/:memberId/erasure':
    'admin only, as the erasure of the whole case: one family member, on a stated legal basis',
};

/** Roles whose reach is limited to the cases of their agency (libs/application/src/cases/case-scope.ts). */
const SCOPED_ROLES: readonly Role[] = OPERATOR_ROLES;

const AGENCY = 'national-nrm-office'; // withUsers gives every role-named user this agency
const OUTSIDE_AGENCY = 'outside-agency';
const JWT_SECRET = randomBytes(32).toString('base64url');
const STALE_IF_MATCH = '"999999"';

/** Fastify's route tree as "METHOD /path" (HEAD left out: Fastify adds it to every GET). */
function parseRouteTree(tree: string): string[] {
  const routes: string[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n').filter((l) => l.trim() !== '')) {
    const match = /^((?:│ {3}| {4})*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) throw new Error(`unexpected line in Fastify's route tree: ${JSON.stringify(line)}`);
    const depth = match[1].length / 4;
    stack.length = depth;
    const path = (stack[depth - 1] ?? '') + match[2];
    stack.push(path);
    for (const method of (match[3] ?? '').split(', ').filter(Boolean)) {
      if (method !== 'HEAD') routes.push(`${method} ${path.replace(/:(\w+)/g, '{$1}')}`);
    }
  }
  return routes;
}

const isCaseRoute = (op: Operation) => op.docPath.startsWith('/api/cases/{id}');
const scopedRolesOf = (op: Operation) => op.roles.filter((role) => SCOPED_ROLES.includes(role));
const OPERATIONS = operationsOf(openApiOfARunningNode());
const PROTECTED = OPERATIONS.filter((op) => !(op.label in PUBLIC));

type Attack =
  | 'no token'
  | 'malformed token'
  | 'forged token (another HS256 key)'
  | 'alg:none token'
  | 'expired token'
  | 'wrong role'
  | 'wrong agency';
interface Row {
  op: Operation;
  attack: Attack;
  role?: Role;
}
const TOKEN_ATTACKS: Attack[] = [
  'no token',
  'malformed token',
  'forged token (another HS256 key)',
  'alg:none token',
  'expired token',
];
const ROWS: [name: string, row: Row][] = PROTECTED.flatMap((op) => {
  const rows: Row[] = TOKEN_ATTACKS.map((attack) => ({ op, attack }));
  for (const role of ROLES.filter((r) => !op.roles.includes(r)))
    rows.push({ op, attack: 'wrong role', role });
  if (isCaseRoute(op) && !(op.label in UNSCOPED_CASE_ROUTES)) {
    for (const role of scopedRolesOf(op)) rows.push({ op, attack: 'wrong agency', role });
  }
  return rows.map((row): [string, Row] => [nameOf(row), row]);
});

function nameOf({ op, attack, role }: Row): string {
  const expected = attack === 'wrong role' ? 403 : attack === 'wrong agency' ? 404 : 401;
  const who =
    attack === 'wrong role' ? `: ${role}` : attack === 'wrong agency' ? `: ${role} of another agency` : '';
  return `${op.label} — ${attack}${who} → ${expected}`;
}

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
function signHs256(header: object, claims: object, key: string): string {
  const unsigned = `${b64url(header)}.${b64url(claims)}`;
  return `${unsigned}.${createHmac('sha256', key).update(unsigned).digest('base64url')}`;
}

describe('attack matrix: every route × every way in without the right to', () => {
  let node: NodeHarness;
  let caseId: string;
  const now = () => Math.floor(Date.now() / 1000);

  const consoleDir = writeConsoleBuild();

  beforeAll(async () => {
    node = await NodeHarness.start(
      {
        NRM_JWT_SECRET: JWT_SECRET,
        // The matrix sends a few thousand requests from one address: the rate limiter has tests of its own.
        NRM_API_RATE_LIMIT_PER_MINUTE: '1000000',
        NRM_AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
        NRM_CONSOLE_DIR: consoleDir,
      },
      undefined,
      undefined,
      { serveConsole: true },
    );
    // The analyst too: refused (403) on every route but the statistics.
    await node.withUsers([...ALL_OPERATOR_ROLES, 'analyst'], AGENCY);
    // Agencies the bodies name (route-inputs): registered, so that a refusal is about access alone.
    await node.registerAgencies([OUTSIDE_AGENCY, 'legal-aid-ngo', 'police-cid']);
    const admin = node.tokens.get('admin') as string;
    for (const role of SCOPED_ROLES) {
      const username = `outsider-${role.replace(/_/g, '-')}`;
      const created = await node.request('POST', '/api/users', {
        token: admin,
        body: { username, password: PASSWORD, role, agency: OUTSIDE_AGENCY },
      });
      if (created.status !== 201) throw new Error(`create ${username}: ${created.status}`);
      node.tokens.set(`outsider:${role}`, await node.login(username, PASSWORD));
    }
    const registered = await node.request('POST', '/api/cases', {
      as: 'identification_officer',
      body: REGISTRATION,
    });
    if (registered.status !== 201) throw new Error(`register: ${registered.status}`);
    caseId = registered.body.caseId;
  }, 60_000);
  afterAll(async () => {
    await node?.stop();
    rmSync(consoleDir, { recursive: true, force: true });
  });

  const eventStore = () => node.app.get<symbol, EventStore>(EVENT_STORE);
  /** What a refused request must leave as it was: the log, the case's access log, the accounts. */
  const recorded = async () => ({
    head: await eventStore().headPosition(),
    accessLog: (await node.request('GET', `/api/audit/access-log?caseId=${caseId}`, { as: 'auditor' })).body
      .items.length as number,
    attackUserExists:
      node.app.get<AccountRepository>(ACCOUNT_REPOSITORY).findByUsername('attack-matrix-user') !== undefined,
  });

  const urlOf = (op: Operation) => urlOfRoute(op, { id: caseId });
  const send = (op: Operation, headers: Record<string, string>, body: object) =>
    node.request(op.method, urlOf(op), { headers, body: op.method === 'GET' ? undefined : body });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  /** A role the route admits, in the case's agency: its genuine token is what each token attack starts from. */
  const admittedRole = (op: Operation): Role =>
    op.roles.find((r) => SCOPED_ROLES.includes(r)) ?? op.roles[0] ?? 'admin';

  const refusal = (res: Response) => ({
    status: res.status,
    problem: String(res.headers['content-type']).startsWith('application/problem+json'),
  });
  async function expectRefused(status: number, attempts: [what: string, request: () => Promise<Response>][]) {
    const before = await recorded();
    for (const [what, request] of attempts) {
      const res = await request();
      expect({ what, ...refusal(res) }).toEqual({ what, status, problem: true });
      expect({ what, recorded: await recorded() }).toEqual({ what, recorded: before });
    }
  }
  /** The same route with a genuine token gets past authentication (a minimal body: nothing recorded). */
  async function expectAdmitted(op: Operation, token: string) {
    const headers = { ...bearer(token), ...(op.acceptsIfMatch ? { 'if-match': STALE_IF_MATCH } : {}) };
    const res = await send(op, headers, {});
    expect({ route: op.label, refused: [401, 403].includes(res.status) }).toEqual({
      route: op.label,
      refused: false,
    });
  }

  describe('the matrix covers the running node', () => {
    it("was generated from this node's OpenAPI document", async () => {
      const doc = (await node.request('GET', '/api/docs-json')).body as OpenApiDocument;
      expect(operationsOf(doc)).toEqual(OPERATIONS);
      expect(PROTECTED.length).toBeGreaterThan(30);
    });

    it('classifies every route: public with a reason, or admitting named roles, with a valid body', () => {
      const problems: string[] = [];
      for (const op of OPERATIONS) {
        const listed = op.label in PUBLIC;
        if (op.markedPublic !== listed)
          problems.push(
            `${op.label}: ${listed ? 'listed public but needs a token' : 'public but not listed in PUBLIC'}`,
          );
        if (!listed && !op.markedPublic && op.roles.length === 0)
          problems.push(`${op.label}: admits no role (neither @Public nor @Roles)`);
        if (!listed && op.method !== 'GET' && !(op.label in BODIES))
          problems.push(`${op.label}: no valid body in BODIES (a refusal must not be the validator's)`);
        if (
          isCaseRoute(op) &&
          !listed &&
          scopedRolesOf(op).length === 0 &&
          !(op.label in UNSCOPED_CASE_ROUTES)
        )
          problems.push(
            `${op.label}: a case route admitting no agency-scoped role; list it in UNSCOPED_CASE_ROUTES`,
          );
        if (isCaseRoute(op) && scopedRolesOf(op).length > 0 && op.method !== 'GET' && !op.acceptsIfMatch)
          problems.push(
            `${op.label}: no If-Match, so "wrong agency" cannot be told from "invalid" without recording`,
          );
      }
      const labels = OPERATIONS.map((op) => op.label);
      for (const stale of [
        ...Object.keys(PUBLIC),
        ...Object.keys(BODIES),
        ...Object.keys(UNSCOPED_CASE_ROUTES),
      ])
        if (!labels.includes(stale)) problems.push(`${stale}: listed here but not a route of the node`);
      expect(problems).toEqual([]);
    });

    it('serves no route that is missing from the OpenAPI document, but the listed public ones', () => {
      const fastify = node.app.getHttpAdapter().getInstance();
      // find-my-way prints a wildcard below a path that is no route itself as `*` alone: the console's
      // /assets/* reads `/*`. Named by what Fastify really has, so a true catch-all would still show.
      const misprinted = (route: string) =>
        route === 'GET /*' &&
        !fastify.hasRoute({ method: 'GET', url: '/*' }) &&
        fastify.hasRoute({ method: 'GET', url: '/assets/*' });
      const served = parseRouteTree(fastify.printRoutes({ commonPrefix: false })).map((route) =>
        misprinted(route) ? 'GET /assets/*' : route,
      );
      expect(served).toEqual(expect.arrayContaining(['GET /health', 'POST /api/cases/{id}/guardian']));
      const documented = OPERATIONS.map((op) => `${op.method} ${op.docPath}`);
      const unexplained = served.filter(
        (route) => !documented.includes(route) && !PUBLIC_UNDOCUMENTED.some((p) => p.route.test(route)),
      );
      expect(unexplained).toEqual([]);
    });
  });

  describe('public routes', () => {
    /**
     * A live browser session's cookie (`nrm_session=…`): the credential of the browser session's own
     * routes, never a token. Every public route gets one; the others ignore it.
     */
    const sessionCookie = async () => {
      const res = await node.request('POST', '/api/auth/session', {
        body: { username: ADMIN.username, password: ADMIN.password },
      });
      return String([res.headers['set-cookie']].flat()[0]).split(';')[0];
    };

    it.each(Object.entries(PUBLIC))('%s — public (%s) → answers without a token', async (label) => {
      const op = OPERATIONS.find((o) => o.label === label);
      if (!op) throw new Error(`${label} is not a route of the node`);
      const res = await send(op, { cookie: await sessionCookie() }, bodyFor(op));
      expect({ label, refused: [401, 403].includes(res.status) }).toEqual({ label, refused: false });
    });

    it.each(PUBLIC_UNDOCUMENTED.map((p) => [p.probes.join(', '), p.reason, p.probes] as const))(
      'GET %s — public (%s) → answers without a token',
      async (_label, _reason, probes) => {
        for (const url of probes) {
          expect({ url, status: (await node.request('GET', url)).status }).toEqual({ url, status: 200 });
        }
      },
    );
  });

  describe('refusals', () => {
    it.each(ROWS)('%s', async (_name, { op, attack, role }) => {
      const genuineRole = admittedRole(op);
      const genuine = node.tokens.get(genuineRole) as string;
      const body = bodyFor(op, attack === 'wrong role' || attack === 'wrong agency' ? role : genuineRole);
      const claims = claimsOf(genuine);
      const live = { ...claims, iat: now(), exp: now() + 600 };
      const HS256 = { alg: 'HS256', typ: 'JWT' };
      switch (attack) {
        case 'no token':
          await expectRefused(401, [['no Authorization header', () => send(op, {}, body)]]);
          if (op.method === 'GET') {
            const head = await node.app.inject({ method: 'HEAD', url: urlOf(op) });
            expect({ method: 'HEAD', status: head.statusCode }).toEqual({ method: 'HEAD', status: 401 });
          }
          return;
        case 'malformed token':
          return expectRefused(
            401,
            [
              'Bearer',
              'Bearer not-a-token',
              'Bearer a.b.c',
              `Bearer ${genuine.split('.').slice(0, 2).join('.')}`,
              `Bearer ${genuine} ${genuine}`,
              `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}`,
              `Token ${genuine}`,
            ].map((authorization) => [authorization.slice(0, 40), () => send(op, { authorization }, body)]),
          );
        case 'forged token (another HS256 key)': {
          const wrongRole = ROLES.find((r) => !op.roles.includes(r));
          const donor = node.tokens.get(wrongRole ?? 'auditor') as string;
          const raised = { ...claimsOf(donor), role: claims.role, agency: claims.agency };
          return expectRefused(401, [
            [
              'signed with another key',
              () => send(op, bearer(signHs256(HS256, live, randomBytes(32).toString('base64url'))), body),
            ],
            ['signed with the empty key', () => send(op, bearer(signHs256(HS256, live, '')), body)],
            [
              "another user's signature kept, claims raised",
              () => send(op, bearer(`${b64url(HS256)}.${b64url(raised)}.${donor.split('.')[2]}`), body),
            ],
          ]);
        }
        case 'alg:none token':
          return expectRefused(
            401,
            ['none', 'None', 'NONE'].flatMap((alg): [string, () => Promise<Response>][] => {
              const unsigned = `${b64url({ alg, typ: 'JWT' })}.${b64url(live)}`;
              return [
                [`alg ${alg}, no signature`, () => send(op, bearer(`${unsigned}.`), body)],
                [
                  `alg ${alg}, signature kept`,
                  () => send(op, bearer(`${unsigned}.${genuine.split('.')[2]}`), body),
                ],
              ];
            }),
          );
        case 'expired token': {
          const expired = { ...claims, iat: now() - 3600, exp: now() - 60 };
          await expectRefused(401, [
            [
              "signed with the node's own key, expired a minute ago",
              () => send(op, bearer(signHs256(HS256, expired, JWT_SECRET)), body),
            ],
            [
              'no expiry at all',
              () => send(op, bearer(signHs256(HS256, { ...claims, exp: undefined }, JWT_SECRET)), body),
            ],
          ]);
          // The same claims with a future expiry pass: the refusal above was the expiry's.
          return expectAdmitted(op, signHs256(HS256, live, JWT_SECRET));
        }
        case 'wrong role':
          return expectRefused(403, [
            [`as ${role}`, () => send(op, bearer(node.tokens.get(role as Role) as string), body)],
          ]);
        case 'wrong agency': {
          await expectRefused(404, [
            [
              `as ${role} of ${OUTSIDE_AGENCY}`,
              () => send(op, bearer(node.tokens.get(`outsider:${role}`) as string), body),
            ],
          ]);
          // In scope the same request reaches the case (a stale If-Match stops a command before it records).
          const inside = await send(
            op,
            {
              ...bearer(node.tokens.get(role as Role) as string),
              ...(op.method === 'GET' ? {} : { 'if-match': STALE_IF_MATCH }),
            },
            body,
          );
          expect({ as: `${role} of ${AGENCY}`, status: inside.status }).toEqual({
            as: `${role} of ${AGENCY}`,
            status: op.method === 'GET' ? 200 : 409,
          });
          return;
        }
      }
    });
  });
});
