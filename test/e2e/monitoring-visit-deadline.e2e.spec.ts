import { ALL_OPERATOR_ROLES, NodeHarness, REGISTRATION, Response } from '../support/node-harness';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The next monitoring visit a visit plans is a deadline the caseload summary lists (kind
 * monitoring_visit, due at the date's midnight UTC) until a later visit replaces it; a visit that plans
 * none leaves the country's interval (90 days by default) after it.
 */
describe('the next monitoring visit as a deadline (HTTP)', () => {
  let node: NodeHarness;
  let caseId: string;

  const ok201 = (res: Response): Response => {
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };
  const post = (path: string, body: object, as = 'case_manager') =>
    node.request('POST', `/api/cases/${caseId}${path}`, { as, body });
  const monitoringDueSoon = async () => {
    const res = await node.request('GET', '/api/cases/summary', { as: 'case_manager' });
    expect(res.status).toBe(200);
    return (res.body.dueSoon as { caseId: string; kind: string }[]).filter(
      (due) => due.caseId === caseId && due.kind === 'monitoring_visit',
    );
  };
  const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

  beforeAll(async () => {
    node = await NodeHarness.start();
    await node.withUsers(ALL_OPERATOR_ROLES);
    caseId = ok201(
      await node.request('POST', '/api/cases', { as: 'identification_officer', body: REGISTRATION }),
    ).body.caseId;
    ok201(await post('/assistance-plan', { services: [{ kind: 'medical' }] }));
  }, 60_000);
  afterAll(() => node.stop());

  it('lists the visit due within 14 days, and moves it to the interval when a later visit plans none', async () => {
    const nextVisitDue = inDays(7);
    ok201(await post('/monitoring', { status: 'on_track', nextVisitDue }));
    expect(await monitoringDueSoon()).toEqual([
      { caseId, kind: 'monitoring_visit', dueAt: `${nextVisitDue}T00:00:00.000Z`, overdue: false },
    ]);
    const detail = await node.request('GET', `/api/cases/${caseId}`, { as: 'case_manager' });
    expect(detail.body.monitoring).toMatchObject({ status: 'on_track', nextVisitDue });

    ok201(await post('/monitoring', { status: 'concerns' }));
    expect(await monitoringDueSoon()).toEqual([]);
    const after = await node.request('GET', `/api/cases/${caseId}`, { as: 'case_manager' });
    const next = (after.body.deadlines as { kind: string; dueAt: string }[]).find(
      (d) => d.kind === 'monitoring_visit',
    );
    expect(Date.parse(next!.dueAt) - Date.now()).toBeGreaterThan(89 * DAY_MS);
  });

  it('refuses a next visit not after this one (422 invalid-request) and a date that is no date (400)', async () => {
    expect(await post('/monitoring', { status: 'on_track', nextVisitDue: inDays(-1) })).toMatchObject({
      status: 422,
      body: { rule: 'invalid-request' },
    });
    expect((await post('/monitoring', { status: 'on_track', nextVisitDue: '2030-02-30' })).status).toBe(400);
  });
});
