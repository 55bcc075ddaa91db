import { systemClock } from '@nrm/config/clock';
import {
  ADMIN,
  ALL_OPERATOR_ROLES,
  NodeHarness,
  PASSWORD,
  REGISTRATION,
  Response,
} from '../support/node-harness';

/** withUsers gives every role-named user this agency ("agency A"). */
const AGENCY_A = 'national-nrm-office';
const AGENCY_B = 'shelter-ngo-2';
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The case list's filters, sorting and paging, and the caseload summary, over HTTP: five cases of two
 * agencies, registered at pinned moments in the past (the node's clock is the one place it reads the
 * time), queried now. Operators see only their agency's cases, in the list as in the counts.
 */
describe('case list filters, sorting and the caseload summary (HTTP)', () => {
  let node: NodeHarness;
  const ids: Record<'a1' | 'a2' | 'a3' | 'b1' | 'b2', string> = { a1: '', a2: '', a3: '', b1: '', b2: '' };
  const now = Date.now();
  const ago = (days: number) => new Date(now - days * DAY_MS);
  const iso = (days: number) => ago(days).toISOString();

  /** Runs `steps` with the node's clock at `days` ago. */
  const at = async <T>(days: number, steps: () => Promise<T>): Promise<T> => {
    const spy = jest.spyOn(systemClock, 'now').mockReturnValue(ago(days));
    try {
      return await steps();
    } finally {
      spy.mockRestore();
    }
  };
  const ok201 = (res: Response): Response => {
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };
  const register = async (as: string): Promise<string> =>
    ok201(await node.request('POST', '/api/cases', { as, body: REGISTRATION })).body.caseId;
  const command = async (as: string, caseId: string, path: string, body: object) =>
    ok201(await node.request('POST', `/api/cases/${caseId}${path}`, { as, body }));

  async function addUser(key: string, role: string, agency?: string): Promise<void> {
    const created = await node.request('POST', '/api/users', {
      token: node.tokens.get('admin') ?? (await node.login(ADMIN.username, ADMIN.password)),
      body: { username: key, password: PASSWORD, role, ...(agency ? { agency } : {}) },
    });
    if (created.status !== 201) throw new Error(`create ${key}: ${created.status}`);
    node.tokens.set(key, await node.login(key, PASSWORD));
  }

  beforeAll(async () => {
    node = await NodeHarness.start();
    await node.withUsers(ALL_OPERATOR_ROLES, AGENCY_A);
    await node.registerAgencies([AGENCY_B]);
    await addUser('b.identification_officer', 'identification_officer', AGENCY_B);
    await addUser('b.case_manager', 'case_manager', AGENCY_B);
    await addUser('no-agency.case_manager', 'case_manager');

    // a1: A's, reflection period over 10 days ago, identification still pending: overdue.
    ids.a1 = await at(40, () => register('identification_officer'));
    // b1: B's, a presumed child, identification due in 5 days.
    ids.b1 = await at(25, async () => {
      const caseId = await register('b.identification_officer');
      const assessment = { presumedMinor: true, method: 'interview' };
      await command('b.identification_officer', caseId, '/age-assessment', assessment);
      // the guardian at once, so only the identification decision falls due here
      await command('b.identification_officer', caseId, '/guardian', {
        name: 'G',
        authority: 'Child Protection',
      });
      return caseId;
    });
    // a2: A's, a presumed child, identification due in 10 days.
    ids.a2 = await at(20, async () => {
      const caseId = await register('identification_officer');
      const assessment = { presumedMinor: true, method: 'interview' };
      await command('identification_officer', caseId, '/age-assessment', assessment);
      // the guardian at once, so only the identification decision falls due here
      await command('identification_officer', caseId, '/guardian', {
        name: 'G',
        authority: 'Child Protection',
      });
      return caseId;
    });
    // a3: A's, identified: nothing falls due.
    ids.a3 = await at(5, async () => {
      const caseId = await register('identification_officer');
      await command('identification_officer', caseId, '/consents', { purpose: 'assistance', granted: true });
      await command('identification_officer', caseId, '/identification', {
        decision: 'identified',
        reasons: 'indicators',
      });
      return caseId;
    });
    // b2: B's, identification due in 28 days.
    ids.b2 = await at(2, () => register('b.identification_officer'));
    // A brings B into a1's team yesterday: a1 is then B's too, and the case changed last.
    // (after the victim's consent to assistance by B, which joining the team needs)
    await at(1, async () => {
      await command('case_manager', ids.a1, '/consents', {
        purpose: 'assistance',
        recipient: AGENCY_B,
        granted: true,
      });
      return command('case_manager', ids.a1, '/team-members', { agency: AGENCY_B });
    });
  }, 60_000);
  afterAll(() => node.stop());

  const name = (caseId: string) => Object.entries(ids).find(([, id]) => id === caseId)?.[0] ?? caseId;
  const get = (as: string, url: string) => node.request('GET', url, { as });
  const list = async (as: string, query = '') => {
    const res = await get(as, `/api/cases${query}`);
    expect(res.status).toBe(200);
    return {
      cases: (res.body.items as { caseId: string }[]).map((i) => name(i.caseId)),
      total: res.body.total,
    };
  };
  const summary = async (as: string, query = '') => {
    const res = await get(as, `/api/cases/summary${query}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const stages = (registered: number, identified: number) => [
    expect.objectContaining({ stage: 'registered', count: registered }),
    expect.objectContaining({ stage: 'identified', count: identified }),
  ];

  it('orders by registration (newest first unless asked otherwise), last change, reflection end or stage', async () => {
    const auditor = (query: string) => list('auditor', query);
    expect(await auditor('')).toEqual({ cases: ['b2', 'a3', 'a2', 'b1', 'a1'], total: 5 });
    expect(await auditor('?sort=registeredAt&order=asc')).toEqual({
      cases: ['a1', 'b1', 'a2', 'a3', 'b2'],
      total: 5,
    });
    expect((await auditor('?sort=updatedAt')).cases).toEqual(['a1', 'b2', 'a3', 'a2', 'b1']);
    expect((await auditor('?sort=updatedAt&order=asc')).cases).toEqual(['b1', 'a2', 'a3', 'b2', 'a1']);
    expect((await auditor('?sort=reflectionPeriodEndsAt&order=asc')).cases).toEqual([
      'a1',
      'b1',
      'a2',
      'a3',
      'b2',
    ]);
    // identified comes after registered in the catalogue's order of stages
    expect((await auditor('?sort=stage')).cases[0]).toBe('a3');
    expect((await auditor('?sort=stage&order=asc')).cases.at(-1)).toBe('a3');
  });

  it('pages a sorted list, with the total of all matches', async () => {
    const page = (n: number) => list('auditor', `?sort=registeredAt&order=asc&pageSize=2&page=${n}`);
    expect(await page(1)).toEqual({ cases: ['a1', 'b1'], total: 5 });
    expect(await page(2)).toEqual({ cases: ['a2', 'a3'], total: 5 });
    expect(await page(3)).toEqual({ cases: ['b2'], total: 5 });
    expect(await page(4)).toEqual({ cases: [], total: 5 });
  });

  it('filters on presumed minors and on an agency, operators only within their own agency', async () => {
    expect(await list('auditor', '?presumedMinor=true')).toEqual({ cases: ['a2', 'b1'], total: 2 });
    expect(await list('auditor', '?presumedMinor=false')).toEqual({ cases: ['b2', 'a3', 'a1'], total: 3 });
    expect(await list('auditor', `?agency=${AGENCY_B}`)).toEqual({ cases: ['b2', 'b1', 'a1'], total: 3 });
    expect(await list('auditor', `?agency=${AGENCY_A}&presumedMinor=true`)).toEqual({
      cases: ['a2'],
      total: 1,
    });
    expect(await list('case_manager')).toEqual({ cases: ['a3', 'a2', 'a1'], total: 3 });
    expect(await list('b.case_manager')).toEqual({ cases: ['b2', 'b1', 'a1'], total: 3 });
    // asking for another agency's cases gives only those both agencies are involved in
    expect(await list('case_manager', `?agency=${AGENCY_B}`)).toEqual({ cases: ['a1'], total: 1 });
    expect(await list('b.case_manager', `?agency=${AGENCY_A}&sort=updatedAt`)).toEqual({
      cases: ['a1'],
      total: 1,
    });
    expect(await list('case_manager', '?agency=police-md')).toEqual({ cases: [], total: 0 });
    expect(await list('no-agency.case_manager', `?agency=${AGENCY_A}`)).toEqual({ cases: [], total: 0 });
  });

  it('summarises the caseload each caller may see, and what falls due', async () => {
    const overdueA1 = { caseId: ids.a1, kind: 'identification_decision', dueAt: iso(10), overdue: true };
    const dueB1 = { caseId: ids.b1, kind: 'identification_decision', dueAt: iso(-5), overdue: false };
    const dueA2 = { caseId: ids.a2, kind: 'identification_decision', dueAt: iso(-10), overdue: false };
    const dueB2 = { caseId: ids.b2, kind: 'identification_decision', dueAt: iso(-28), overdue: false };

    const everything = await summary('auditor');
    expect(everything).toEqual({
      byStage: expect.arrayContaining(stages(4, 1)),
      total: 5,
      overdue: 1,
      presumedMinors: 2,
      peopleAtRisk: 0,
      dueSoon: [overdueA1, dueB1, dueA2],
    });
    expect(everything.byStage.map((s: { stage: string }) => s.stage).slice(0, 3)).toEqual([
      'registered',
      'identified',
      'not_identified',
    ]);
    expect((await summary('auditor', '?dueWithinDays=30')).dueSoon).toEqual([overdueA1, dueB1, dueA2, dueB2]);
    expect((await summary('auditor', '?dueWithinDays=1')).dueSoon).toEqual([overdueA1]);

    // Agency A's operators: a1, a2, a3, never B's own cases.
    expect(await summary('case_manager')).toEqual({
      byStage: expect.arrayContaining(stages(2, 1)),
      total: 3,
      overdue: 1,
      presumedMinors: 1,
      peopleAtRisk: 0,
      dueSoon: [overdueA1, dueA2],
    });
    // Agency B's: b1, b2, and a1 since A brought B into its team.
    expect(await summary('b.case_manager')).toEqual({
      byStage: expect.arrayContaining(stages(3, 0)),
      total: 3,
      overdue: 1,
      presumedMinors: 1,
      peopleAtRisk: 0,
      dueSoon: [overdueA1, dueB1],
    });
    // Narrowed to an agency: for an operator, within their own agency's cases.
    expect(await summary('case_manager', `?agency=${AGENCY_B}`)).toMatchObject({
      total: 1,
      overdue: 1,
      presumedMinors: 0,
      peopleAtRisk: 0,
      dueSoon: [overdueA1],
    });
    expect(await summary('auditor', `?agency=${AGENCY_B}`)).toMatchObject({ total: 3, presumedMinors: 1 });
    const none = await summary('no-agency.case_manager');
    expect(none).toMatchObject({ total: 0, overdue: 0, presumedMinors: 0, dueSoon: [] });
    expect(none.byStage.every((s: { count: number }) => s.count === 0)).toBe(true);
  });

  it("narrows the list and the counts to the caller's own cases (mine=true): those they acted on", async () => {
    // identification_officer (A) registered a1, a2 and a3; case_manager (A) only brought B into a1's
    // team; b.identification_officer registered b1 and b2; b.case_manager sees a1, b1, b2, acted on none.
    expect(await list('identification_officer', '?mine=true')).toEqual({
      cases: ['a3', 'a2', 'a1'],
      total: 3,
    });
    expect(await list('case_manager', '?mine=true')).toEqual({ cases: ['a1'], total: 1 });
    expect(await list('case_manager', '?mine=false')).toEqual({ cases: ['a3', 'a2', 'a1'], total: 3 });
    expect(await list('b.identification_officer', '?mine=true')).toEqual({ cases: ['b2', 'b1'], total: 2 });
    expect(await list('b.case_manager', '?mine=true')).toEqual({ cases: [], total: 0 });
    expect(await list('identification_officer', '?mine=true&presumedMinor=true&sort=updatedAt')).toEqual({
      cases: ['a2'],
      total: 1,
    });
    expect(await list('auditor', '?mine=true')).toEqual({ cases: [], total: 0 });

    const overdueA1 = { caseId: ids.a1, kind: 'identification_decision', dueAt: iso(10), overdue: true };
    const dueB1 = { caseId: ids.b1, kind: 'identification_decision', dueAt: iso(-5), overdue: false };
    const dueA2 = { caseId: ids.a2, kind: 'identification_decision', dueAt: iso(-10), overdue: false };
    expect(await summary('identification_officer', '?mine=true')).toEqual({
      byStage: expect.arrayContaining(stages(2, 1)),
      total: 3,
      overdue: 1,
      presumedMinors: 1,
      peopleAtRisk: 0,
      dueSoon: [overdueA1, dueA2],
    });
    // the agency's caseload beside it: the same three cases, a colleague's one among them
    expect(await summary('case_manager', '?mine=true')).toEqual({
      byStage: expect.arrayContaining(stages(1, 0)),
      total: 1,
      overdue: 1,
      presumedMinors: 0,
      peopleAtRisk: 0,
      dueSoon: [overdueA1],
    });
    expect((await summary('case_manager')).total).toBe(3);
    // b.identification_officer's: b1 and b2, not a1, though B may see it
    expect(await summary('b.identification_officer', '?mine=true')).toMatchObject({
      total: 2,
      overdue: 0,
      presumedMinors: 1,
      peopleAtRisk: 0,
      dueSoon: [dueB1],
    });
    expect(await summary('b.case_manager', '?mine=true')).toMatchObject({ total: 0, dueSoon: [] });
    expect(await summary('case_manager', `?mine=true&agency=${AGENCY_B}`)).toMatchObject({ total: 1 });
  });

  it('answers 400 naming the field for a parameter out of range, and keeps /summary apart from /:id', async () => {
    const fields = async (url: string) => {
      const res = await get('auditor', url);
      expect(res.status).toBe(400);
      // one entry per broken constraint: "soon" is neither an integer nor at least 1
      return [...new Set((res.body.errors as { field: string }[]).map((e) => e.field))];
    };
    expect(await fields('/api/cases?sort=name')).toEqual(['sort']);
    expect(await fields('/api/cases?order=up')).toEqual(['order']);
    expect(await fields('/api/cases?presumedMinor=maybe')).toEqual(['presumedMinor']);
    expect(await fields('/api/cases?agency=not%20a%20code')).toEqual(['agency']);
    expect(await fields('/api/cases?mine=maybe')).toEqual(['mine']);
    expect(await fields('/api/cases/summary?mine=yes')).toEqual(['mine']);
    expect(await fields('/api/cases/summary?dueWithinDays=0')).toEqual(['dueWithinDays']);
    expect(await fields('/api/cases/summary?dueWithinDays=91')).toEqual(['dueWithinDays']);
    expect(await fields('/api/cases/summary?dueWithinDays=soon')).toEqual(['dueWithinDays']);
    expect((await get('auditor', '/api/cases/summary?page=2')).status).toBe(400);
    // A role outside the case routes is refused here too; /summary is no case id.
    expect((await get('admin', '/api/cases/summary')).status).toBe(403);
    expect((await get('case_manager', '/api/cases/summary')).body).toHaveProperty('byStage');
  });
});
