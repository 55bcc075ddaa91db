import { ALL_OPERATOR_ROLES, NodeHarness, REGISTRATION, Response } from '../support/node-harness';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Team meetings and case conferences through HTTP: recorded on the case (If-Match), shown with their
 * decisions only under the personal-data policy (and logged), and the next review as the team_review
 * deadline of the detail, the overdue filter and the caseload summary.
 */
describe('team meetings and case conferences (HTTP)', () => {
  let node: NodeHarness;
  beforeAll(async () => {
    node = await NodeHarness.start();
    await node.withUsers(ALL_OPERATOR_ROLES);
    await node.registerTeam('dmt-chisinau', ['national-nrm-office', 'police-md']);
  }, 60_000);
  afterAll(() => node.stop());

  const ok201 = (res: Response): Response => {
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };
  /** A case whose person consented to assistance: the case manager reads the person under it. */
  const register = async (): Promise<string> => {
    const caseId = ok201(
      await node.request('POST', '/api/cases', { as: 'identification_officer', body: REGISTRATION }),
    ).body.caseId as string;
    const consent = { purpose: 'assistance', granted: true };
    ok201(
      await node.request('POST', `/api/cases/${caseId}/consents`, {
        as: 'identification_officer',
        body: consent,
      }),
    );
    return caseId;
  };
  const meet = (caseId: string, body: object, as = 'case_manager', headers?: Record<string, string>) =>
    node.request('POST', `/api/cases/${caseId}/meetings`, { as, body, headers });
  const detail = async (caseId: string, query = '') =>
    (await node.request('GET', `/api/cases/${caseId}${query}`, { as: 'case_manager' })).body;
  const accessLog = async (caseId: string) =>
    (await node.request('GET', `/api/audit/access-log?caseId=${caseId}`, { as: 'auditor' })).body.items;
  const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();
  const dateIn = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
  const MEETING = {
    kind: 'team_meeting',
    teamId: 'dmt-chisinau',
    agencies: ['national-nrm-office', 'police-md'],
    participantRoles: ['social_worker', 'police_officer'],
    topics: ['risk_assessment', 'assistance_plan'],
  };

  it('records a meeting, shows its decisions only with the person (logged), and its next review as a deadline', async () => {
    const caseId = await register();
    const revision = (await detail(caseId, '?includePerson=false')).revision;
    const stale = await meet(caseId, MEETING, 'case_manager', { 'if-match': `"${revision - 1}"` });
    expect(stale.status).toBe(409);

    const nextReviewOn = dateIn(30);
    const recorded = ok201(
      await meet(
        caseId,
        { ...MEETING, decisions: 'Shelter placement extended', nextReviewOn },
        'case_manager',
        {
          'if-match': `"${revision}"`,
        },
      ),
    );
    expect(recorded.body).toMatchObject({ caseId, revision: revision + 1 });
    expect(recorded.body.meetingId).toMatch(/^[0-9a-f-]{36}$/);
    expect(recorded.headers.etag).toBe(`"${revision + 1}"`);

    const before = (await accessLog(caseId)).length;
    const withoutPerson = await detail(caseId, '?includePerson=false');
    expect(withoutPerson.meetings).toEqual([
      {
        meetingId: recorded.body.meetingId,
        kind: 'team_meeting',
        heldAt: expect.any(String),
        teamId: 'dmt-chisinau',
        agencies: ['national-nrm-office', 'police-md'],
        participantRoles: ['social_worker', 'police_officer'],
        topics: ['risk_assessment', 'assistance_plan'],
        nextReviewOn,
        at: expect.any(String),
      },
    ]);
    expect(JSON.stringify(withoutPerson)).not.toContain('Shelter placement');
    expect(await accessLog(caseId)).toHaveLength(before);
    expect(withoutPerson.deadlines).toContainEqual({
      kind: 'team_review',
      ref: recorded.body.meetingId,
      dueAt: `${nextReviewOn}T00:00:00.000Z`,
      overdue: false,
    });

    const shown = await detail(caseId);
    expect(shown.meetings[0].decisions).toBe('Shelter placement extended');
    expect(await accessLog(caseId)).toHaveLength(before + 1);
    // An auditor reads the case, never the decisions.
    const audited = await node.request('GET', `/api/cases/${caseId}`, { as: 'auditor' });
    expect(audited.body.meetings[0]).not.toHaveProperty('decisions');
    // Prosecution liaison sees the person under the victim's cooperation consent, never the decisions:
    // what assistance decided is withheld from the prosecution side.
    const cooperation = { purpose: 'law_enforcement_cooperation', granted: true };
    ok201(
      await node.request('POST', `/api/cases/${caseId}/consents`, { as: 'case_manager', body: cooperation }),
    );
    const liaison = await node.request('GET', `/api/cases/${caseId}`, { as: 'prosecution_liaison' });
    expect(liaison.body.person).toBeDefined();
    expect(liaison.body.meetings[0]).not.toHaveProperty('decisions');

    // The identification officer records a case conference that reviews the plan and sets no next review.
    ok201(
      await meet(
        caseId,
        { kind: 'case_conference', agencies: ['police-md'], topics: ['plan_review'] },
        'identification_officer',
      ),
    );
    const after = await detail(caseId, '?includePerson=false');
    expect(after.meetings.map((m: { kind: string }) => m.kind)).toEqual(['team_meeting', 'case_conference']);
    expect(after.deadlines.filter((d: { kind: string }) => d.kind === 'team_review')).toEqual([]);
  });

  it('lists an overdue review in the overdue filter and the caseload summary', async () => {
    const caseId = await register();
    ok201(
      await meet(caseId, {
        ...MEETING,
        kind: 'case_conference',
        topics: ['plan_review'],
        heldAt: daysAgo(20),
        nextReviewOn: dateIn(-10),
      }),
    );
    const review = expect.objectContaining({ kind: 'team_review', overdue: true });
    expect((await detail(caseId, '?includePerson=false')).deadlines).toContainEqual(review);
    const overdue = (
      await node.request('GET', '/api/cases?overdue=true&pageSize=100', { as: 'case_manager' })
    ).body.items.find((item: { caseId: string }) => item.caseId === caseId);
    expect(overdue?.deadlines).toContainEqual(review);
    const summary = (await node.request('GET', '/api/cases/summary', { as: 'case_manager' })).body;
    expect(summary.dueSoon).toContainEqual(
      expect.objectContaining({ caseId, kind: 'team_review', overdue: true }),
    );
  });

  it('refuses a review not after the meeting and a meeting in the future (422), no agency or topic (400)', async () => {
    const caseId = await register();
    expect(await meet(caseId, { ...MEETING, nextReviewOn: dateIn(0) })).toMatchObject({
      status: 422,
      body: { rule: 'invalid-request' },
    });
    expect(
      await meet(caseId, { ...MEETING, heldAt: new Date(Date.now() + DAY_MS).toISOString() }),
    ).toMatchObject({ status: 422, body: { rule: 'invalid-request' } });
    expect((await meet(caseId, { ...MEETING, agencies: [] })).status).toBe(400);
    expect((await meet(caseId, { ...MEETING, topics: [] })).status).toBe(400);
    expect((await meet(caseId, { ...MEETING, topics: ['gossip'] })).status).toBe(400);
    expect((await meet(caseId, { ...MEETING, nextReviewOn: '2030-02-30' })).status).toBe(400);
    expect((await meet(caseId, { ...MEETING, participants: ['Ion Rusu'] })).status).toBe(400);
  });

  it('refuses an agency or a team the organisation registry does not hold (422), recording nothing', async () => {
    const caseId = await register();
    const revision = (await detail(caseId, '?includePerson=false')).revision;
    expect(
      await meet(caseId, { ...MEETING, agencies: ['national-nrm-office', 'nobody-knows'] }),
    ).toMatchObject({
      status: 422,
      body: { rule: 'unknown-agency' },
    });
    expect(await meet(caseId, { ...MEETING, teamId: 'dmt-nowhere' })).toMatchObject({
      status: 422,
      body: { rule: 'invalid-request' },
    });
    expect((await detail(caseId, '?includePerson=false')).revision).toBe(revision);
  });

  it('refuses a meeting on a closed case (422 invalid-transition), and lets only the case workers record one', async () => {
    const caseId = await register();
    for (const role of ['return_officer', 'prosecution_liaison', 'auditor']) {
      expect((await meet(caseId, MEETING, role)).status).toBe(403);
    }
    ok201(
      await node.request('POST', `/api/cases/${caseId}/closure`, {
        as: 'case_manager',
        body: { reason: 'victim_request' },
      }),
    );
    expect(await meet(caseId, MEETING)).toMatchObject({ status: 422, body: { rule: 'invalid-transition' } });
  });
});
