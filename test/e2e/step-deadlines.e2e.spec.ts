import { systemClock } from '@nrm/config/clock';
import { ALL_OPERATOR_ROLES, NodeHarness, REGISTRATION, Response } from '../support/node-harness';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deadlines for the steps a country times, by that country's settings (NRM_DEADLINE_DAYS): a presumed
 * child's guardian, a law-enforcement request's answer and the monitoring interval, on the case, the
 * overdue filter and the caseload summary. Steps are taken at pinned moments in the past (the node's
 * clock), so some deadlines have passed when queried now.
 */
describe('deadlines of every step, by the country’s settings (HTTP)', () => {
  let node: NodeHarness;
  let child: string;
  let adult: string;
  const now = Date.now();
  const ago = (days: number) => new Date(now - days * DAY_MS);

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
  const post = async (as: string, caseId: string, path: string, body: object) =>
    ok201(await node.request('POST', `/api/cases/${caseId}${path}`, { as, body }));
  const deadlines = async (caseId: string) => {
    const res = await node.request('GET', `/api/cases/${caseId}?includePerson=false`, { as: 'auditor' });
    expect(res.status).toBe(200);
    return res.body.deadlines as { kind: string; ref?: string; dueAt: string; overdue: boolean }[];
  };
  const overdueCases = async () => {
    const res = await node.request('GET', '/api/cases?overdue=true&pageSize=100', { as: 'auditor' });
    expect(res.status).toBe(200);
    return (res.body.items as { caseId: string }[]).map((item) => item.caseId);
  };

  beforeAll(async () => {
    node = await NodeHarness.start({
      NRM_DEADLINE_DAYS: 'guardian_appointment=2,law_enforcement_request_answer=7,monitoring_visit=30',
    });
    await node.withUsers(ALL_OPERATOR_ROLES);
    // A presumed child registered 5 days ago: the guardian was due 3 days ago.
    child = await at(5, async () => {
      const caseId = ok201(
        await node.request('POST', '/api/cases', { as: 'identification_officer', body: REGISTRATION }),
      ).body.caseId as string;
      await post('identification_officer', caseId, '/age-assessment', {
        presumedMinor: true,
        method: 'interview',
      });
      return caseId;
    });
    // An adult whose plan was adopted 40 days ago (monitoring due 10 days ago) and who received a
    // law-enforcement request 3 days ago (answer due in 4 days).
    adult = await at(40, async () => {
      const caseId = ok201(
        await node.request('POST', '/api/cases', { as: 'identification_officer', body: REGISTRATION }),
      ).body.caseId as string;
      await post('case_manager', caseId, '/assistance-plan', { services: [{ kind: 'medical' }] });
      return caseId;
    });
    await at(3, () =>
      post('prosecution_liaison', adult, '/law-enforcement-requests', {
        agency: 'police-de',
        kind: 'interview',
      }),
    );
  }, 60_000);
  afterAll(() => node.stop());

  it('makes a presumed child’s guardian due by the setting, overdue until appointed', async () => {
    expect((await deadlines(child)).filter((d) => d.kind === 'guardian_appointment')).toEqual([
      { kind: 'guardian_appointment', dueAt: ago(3).toISOString(), overdue: true },
    ]);
    expect(await overdueCases()).toContain(child);

    await post('identification_officer', child, '/guardian', { name: 'G', authority: 'Child Protection' });
    expect((await deadlines(child)).map((d) => d.kind)).not.toContain('guardian_appointment');
  });

  it('times a law-enforcement request’s answer and the monitoring interval by the settings', async () => {
    const adultDeadlines = await deadlines(adult);
    expect(adultDeadlines).toContainEqual({
      kind: 'law_enforcement_request_answer',
      ref: expect.any(String),
      dueAt: new Date(ago(3).getTime() + 7 * DAY_MS).toISOString(),
      overdue: false,
    });
    expect(adultDeadlines).toContainEqual({
      kind: 'monitoring_visit',
      dueAt: ago(10).toISOString(),
      overdue: true,
    });
    expect(await overdueCases()).toContain(adult);

    // A visit today without a planned next one: the next falls due the interval (30 days) later.
    await post('case_manager', adult, '/monitoring', { status: 'on_track' });
    const visit = (await deadlines(adult)).find((d) => d.kind === 'monitoring_visit');
    expect(visit?.overdue).toBe(false);
    expect(Date.parse(visit!.dueAt) - Date.now()).toBeGreaterThan(29 * DAY_MS);
    expect(Date.parse(visit!.dueAt) - Date.now()).toBeLessThanOrEqual(30 * DAY_MS);
  });

  it('refuses to start with a setting it cannot read', async () => {
    await expect(NodeHarness.start({ NRM_DEADLINE_DAYS: 'guardian_appointment=0' })).rejects.toThrow(
      'NRM_DEADLINE_DAYS: guardian_appointment: 0 is not a whole number of days from 1 to 3650',
    );
  });
});
