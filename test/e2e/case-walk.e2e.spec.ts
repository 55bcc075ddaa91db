import { ALL_OPERATOR_ROLES, NodeHarness, REGISTRATION } from '../support/node-harness';

/**
 * A case walked from registration in the country of destination to reintegration, through HTTP only,
 * as docs/api-tour.md walks it.
 */
describe('a case from registration to reintegration (HTTP)', () => {
  let node: NodeHarness;
  beforeAll(async () => {
    node = await NodeHarness.start();
    await node.withUsers(ALL_OPERATOR_ROLES);
  });
  afterAll(() => node.stop());

  it('walks every step and ends in reintegration with a verifiable log', async () => {
    const registered = await node.request('POST', '/api/cases', {
      as: 'identification_officer',
      body: REGISTRATION,
    });
    expect(registered.status).toBe(201);
    const { caseId } = registered.body;
    expect(registered.body.revision).toBe(1); // PresumedVictimRegistered + ReflectionPeriodStarted
    expect(registered.headers.etag).toBe('"1"');
    const endsAt = new Date(registered.body.reflectionPeriodEndsAt).getTime();
    expect(endsAt - Date.now()).toBeGreaterThan(29 * 86400_000);

    const step = async (as: string, path: string, body: unknown, status = 201) => {
      const res = await node.request('POST', `/api/cases/${caseId}${path}`, { as, body });
      expect({ path, status: res.status, body: res.body }).toEqual({ path, status, body: expect.anything() });
      return res.body;
    };

    await step('identification_officer', '/consents', { purpose: 'assistance', granted: true });
    await step('identification_officer', '/consents', {
      purpose: 'data_sharing',
      recipient: 'MD',
      granted: true,
    });
    await step('identification_officer', '/identification', {
      decision: 'identified',
      reasons: 'indicators confirmed',
    });
    await step('case_manager', '/risk-assessments', {
      kind: 'general',
      level: 'medium',
      notes: 'stable shelter',
    });
    const plan = await step('case_manager', '/assistance-plan', {
      services: [{ kind: 'accommodation', provider: 'shelter-ngo-1' }, { kind: 'psychological' }],
    });
    expect(plan.serviceIds).toHaveLength(2);
    await step('case_manager', `/service-referrals/${plan.serviceIds[0]}/acceptance`, {});
    await step('case_manager', `/service-referrals/${plan.serviceIds[0]}/delivery`, {});
    await step('return_officer', '/return-request', { statedBy: 'victim', earlyReturnRequested: true });
    await step('return_officer', '/risk-assessments', {
      kind: 'return',
      level: 'low',
      notes: 'family supportive',
    });
    const proposed = await step('return_officer', '/handovers', { toCountry: 'MD' });
    const h = proposed.handoverId;
    await step('return_officer', `/handovers/${h}/acceptance`, { receivingAgency: 'md-nrm' });
    await step('return_officer', `/handovers/${h}/departure`, {});
    await step('return_officer', `/handovers/${h}/arrival`, {});
    await step('return_officer', `/handovers/${h}/reception`, { receivingAgency: 'md-nrm' });
    await step('return_officer', '/reintegration-plan', {
      services: [{ kind: 'employment', provider: 'md-jobs' }],
    });
    const last = await step('return_officer', '/reintegration-progress', { status: 'on_track' });

    const detail = await node.request('GET', `/api/cases/${caseId}`, { as: 'case_manager' });
    expect(detail.status).toBe(200);
    expect(detail.body.stage).toBe('reintegration');
    expect(detail.body.revision).toBe(last.revision);
    expect(detail.body.person).toMatchObject({ givenName: 'Ileana', familyName: 'Vrabie' });

    const list = await node.request('GET', '/api/cases?stage=reintegration', { as: 'case_manager' });
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { caseId: string }) => i.caseId)).toContain(caseId);

    const history = await node.request('GET', `/api/cases/${caseId}/events`, { as: 'auditor' });
    expect(history.status).toBe(200);
    const types = history.body.items.map((e: { type: string }) => e.type);
    expect(types[0]).toBe('PresumedVictimRegistered');
    expect(types).toEqual(
      expect.arrayContaining(['HandoverProposed', 'ReceptionConfirmed', 'ReintegrationPlanAdopted']),
    );
    // The history never carries personal data in clear.
    expect(JSON.stringify(history.body)).not.toContain('Vrabie');

    const verify = await node.request('GET', '/api/audit/verify', { as: 'auditor' });
    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({ valid: true });
    expect(verify.body.size).toBeGreaterThanOrEqual(history.body.items.length);
  });
  it('protects a presumed child: no return without a guardian and a best-interests determination', async () => {
    const child = {
      ...REGISTRATION,
      person: { ...REGISTRATION.person, dateOfBirth: undefined, ageUncertain: true },
    };
    const { caseId } = (
      await node.request('POST', '/api/cases', { as: 'identification_officer', body: child })
    ).body;
    const post = (as: string, path: string, body: unknown) =>
      node.request('POST', `/api/cases/${caseId}${path}`, { as, body });

    expect((await post('return_officer', '/return-request', { statedBy: 'victim' })).body.rule).toBe(
      'guardian-required',
    );
    expect(
      (
        await post('identification_officer', '/guardian', {
          name: 'Maria Ciobanu',
          authority: 'Child Protection Authority Chisinau',
        })
      ).status,
    ).toBe(201);
    expect(
      (await post('return_officer', '/return-request', { statedBy: 'victim', earlyReturnRequested: true }))
        .status,
    ).toBe(201);
    expect(
      (
        await post('return_officer', '/risk-assessments', {
          kind: 'return',
          level: 'low',
          notes: 'mother supportive',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await post('identification_officer', '/consents', {
          purpose: 'data_sharing',
          recipient: 'MD',
          granted: true,
        })
      ).status,
    ).toBe(201);
    expect((await post('return_officer', '/handovers', { toCountry: 'MD' })).body.rule).toBe(
      'guardian-required',
    ); // no BID yet
    expect(
      (
        await post('case_manager', '/best-interests-determination', {
          outcome: 'return to mother',
          notes: 'heard the child',
          returnInBestInterests: true,
        })
      ).status,
    ).toBe(201);
    const proposed = await post('return_officer', '/handovers', { toCountry: 'MD' });
    expect(proposed.status).toBe(201);

    const detail = await node.request('GET', `/api/cases/${caseId}`, { as: 'case_manager' });
    expect(detail.body).toMatchObject({
      presumedMinor: true,
      guardian: { authority: 'Child Protection Authority Chisinau', name: 'Maria Ciobanu' },
    });
  });
});
