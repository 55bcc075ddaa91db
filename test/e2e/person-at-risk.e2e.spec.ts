import { ALL_OPERATOR_ROLES, NodeHarness, REGISTRATION, Response } from '../support/node-harness';

/**
 * A person at risk of trafficking (potential victim) as a case of their own, through HTTP: registered,
 * assisted without an identification decision, refused presumed-victim steps, then converted into a
 * presumed victim's case with its history kept; the list and the summary tell the kinds apart.
 */
describe('people at risk (HTTP)', () => {
  let node: NodeHarness;
  let caseId: string;
  let victimId: string;

  const ok201 = (res: Response): Response => {
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };
  const post = (path: string, body: object, as = 'case_manager') =>
    node.request('POST', `/api/cases/${caseId}${path}`, { as, body });
  const AT_RISK = {
    referralSource: 'social_services',
    person: {
      givenName: 'Lia',
      familyName: 'Rusu',
      sex: 'female',
      dateOfBirth: '2013-05-01',
      citizenship: 'MD',
    },
    vulnerabilities: ['family_member_of_victim', 'child_left_behind'],
  };
  const CONVERSION = {
    indicators: ['recruited_online'],
    countryOfExploitation: 'RU',
    formsOfExploitation: ['forced_begging'],
  };

  beforeAll(async () => {
    node = await NodeHarness.start();
    await node.withUsers(ALL_OPERATOR_ROLES);
    victimId = ok201(
      await node.request('POST', '/api/cases', { as: 'identification_officer', body: REGISTRATION }),
    ).body.caseId;
    const registered = ok201(
      await node.request('POST', '/api/cases/at-risk', {
        as: 'case_manager',
        body: { ...AT_RISK, linkedCaseId: victimId },
      }),
    );
    caseId = registered.body.caseId;
    expect(registered.headers.location).toBe(`/api/cases/${caseId}`);
  }, 60_000);
  afterAll(() => node.stop());

  it('registers the person at risk: no reflection period, a presumed child, the kind shown', async () => {
    const detail = await node.request('GET', `/api/cases/${caseId}`, { as: 'case_manager' });
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      kind: 'person_at_risk',
      stage: 'registered',
      presumedMinor: true,
      personAtRisk: {
        vulnerabilities: ['family_member_of_victim', 'child_left_behind'],
        linkedCaseId: victimId,
        referralSource: 'social_services',
      },
      identification: { status: 'pending' },
    });
    expect(detail.body.reflectionPeriod).toBeUndefined();
    expect(detail.body.registration).toBeUndefined();
  });

  it('refuses a registration without vulnerabilities (400) and to a role that registers no one (403)', async () => {
    const none = await node.request('POST', '/api/cases/at-risk', {
      as: 'case_manager',
      body: { ...AT_RISK, vulnerabilities: [] },
    });
    expect(none.status).toBe(400);
    const forbidden = await node.request('POST', '/api/cases/at-risk', {
      as: 'return_officer',
      body: AT_RISK,
    });
    expect(forbidden.status).toBe(403);
  });

  it('assists without an identification, and refuses presumed-victim steps (422 not-a-presumed-victim)', async () => {
    ok201(await post('/assistance-plan', { services: [{ kind: 'psychological' }] }));
    ok201(
      await post('/guardian', { name: 'Maria Guardian', authority: 'GUARD-MD' }, 'identification_officer'),
    );
    for (const [path, body, as] of [
      ['/identification', { decision: 'identified', reasons: 'r' }, 'identification_officer'],
      ['/return-request', { statedBy: 'victim' }, 'return_officer'],
      ['/cooperation-decision', { willing: true }, 'prosecution_liaison'],
    ] as const) {
      expect(await post(path, body, as)).toMatchObject({
        status: 422,
        body: { rule: 'not-a-presumed-victim' },
      });
    }
  });

  it('lists the cases by kind, and the summary counts people at risk apart', async () => {
    const list = async (kind: string) =>
      (await node.request('GET', `/api/cases?kind=${kind}`, { as: 'case_manager' })).body as {
        items: { caseId: string; kind: string }[];
      };
    expect((await list('person_at_risk')).items.map((i) => i.caseId)).toEqual([caseId]);
    expect((await list('presumed_victim')).items.map((i) => i.caseId)).not.toContain(caseId);
    expect((await node.request('GET', '/api/cases?kind=nope', { as: 'case_manager' })).status).toBe(400);
    const summary = await node.request('GET', '/api/cases/summary', { as: 'case_manager' });
    expect(summary.body).toMatchObject({ peopleAtRisk: 1 });
  });

  it('converts into a presumed victim’s case, the history kept (422 without indicators, once only)', async () => {
    expect(
      await post('/conversion', { ...CONVERSION, indicators: [] }, 'identification_officer'),
    ).toMatchObject({
      status: 422,
      body: { rule: 'indicators-required' },
    });
    expect((await post('/conversion', CONVERSION, 'case_manager')).status).toBe(403);
    const converted = ok201(await post('/conversion', CONVERSION, 'identification_officer'));
    expect(converted.body).toMatchObject({ caseId, reflectionPeriodEndsAt: expect.any(String) });
    const detail = await node.request('GET', `/api/cases/${caseId}`, { as: 'case_manager' });
    expect(detail.body).toMatchObject({
      kind: 'presumed_victim',
      stage: 'assisted',
      registration: { countryOfExploitation: 'RU', formsOfExploitation: ['forced_begging'] },
      personAtRisk: { convertedAt: expect.any(String) },
      reflectionPeriod: { days: expect.any(Number) },
      assistancePlan: { planId: expect.any(String) },
      guardian: { authority: 'GUARD-MD' },
    });
    const events = await node.request('GET', `/api/cases/${caseId}/events`, { as: 'case_manager' });
    expect((events.body.items as { type: string }[]).map((e) => e.type)).toEqual(
      expect.arrayContaining(['PersonAtRiskRegistered', 'AssistancePlanAdopted', 'PersonAtRiskConverted']),
    );
    expect(await post('/conversion', CONVERSION, 'identification_officer')).toMatchObject({
      status: 422,
      body: { rule: 'invalid-transition' },
    });
    ok201(await post('/return-request', { statedBy: 'victim' }, 'return_officer'));
  });
});
