import { NrmClient, ok, refused, RequestBody, revisionOf } from '@nrm/api-client';
import { ALL_OPERATOR_ROLES, NodeHarness, REGISTRATION } from '../support/node-harness';

/**
 * A case walked from registration in the country of destination to reintegration, through HTTP only,
 * as docs/api-tour.md walks it, with the typed client generated from the node's OpenAPI document
 * (@nrm/api-client): a path, parameter or body the document does not declare does not compile.
 */
describe('a case from registration to reintegration (HTTP, typed client)', () => {
  let node: NodeHarness;
  let as: (role: string) => NrmClient;
  beforeAll(async () => {
    node = await NodeHarness.start();
    await node.withUsers(ALL_OPERATOR_ROLES);
    await node.registerAgencies(['shelter-ngo-1', 'md-jobs']);
    as = (role) => node.api(role);
  });
  afterAll(() => node.stop());

  it('walks every step and ends in reintegration with a verifiable log', async () => {
    const registered = await as('identification_officer').POST('/api/cases', { body: REGISTRATION });
    expect(registered.response.status).toBe(201);
    const { caseId, revision, reflectionPeriodEndsAt } = await ok(registered);
    expect(revision).toBe(1); // PresumedVictimRegistered + ReflectionPeriodStarted
    expect(registered.response.headers.get('etag')).toBe('"1"');
    const endsAt = new Date(reflectionPeriodEndsAt).getTime();
    expect(endsAt - Date.now()).toBeGreaterThan(29 * 86400_000);
    const path = { id: caseId };

    const identification = as('identification_officer');
    await ok(
      identification.POST('/api/cases/{id}/consents', {
        params: { path },
        body: { purpose: 'assistance', granted: true },
      }),
      201,
    );
    await ok(
      identification.POST('/api/cases/{id}/consents', {
        params: { path },
        body: { purpose: 'data_sharing', recipient: 'MD', granted: true },
      }),
      201,
    );
    await ok(
      identification.POST('/api/cases/{id}/identification', {
        params: { path },
        body: { decision: 'identified', reasons: 'indicators confirmed' },
      }),
      201,
    );

    const caseManager = as('case_manager');
    await ok(
      caseManager.POST('/api/cases/{id}/risk-assessments', {
        params: { path },
        body: { kind: 'general', level: 'medium', notes: 'stable shelter' },
      }),
      201,
    );
    const plan = await ok(
      caseManager.POST('/api/cases/{id}/assistance-plan', {
        params: { path },
        body: { services: [{ kind: 'accommodation', provider: 'shelter-ngo-1' }, { kind: 'psychological' }] },
      }),
      201,
    );
    expect(plan.serviceIds).toHaveLength(2);
    const service = { ...path, serviceId: plan.serviceIds[0] };
    await ok(
      // The document declares no body for it: the client sends none.
      caseManager.POST('/api/cases/{id}/service-referrals/{serviceId}/acceptance', {
        params: { path: service },
      }),
      201,
    );
    await ok(
      caseManager.POST('/api/cases/{id}/service-referrals/{serviceId}/delivery', {
        params: { path: service },
        body: {},
      }),
      201,
    );

    const returnOfficer = as('return_officer');
    await ok(
      returnOfficer.POST('/api/cases/{id}/return-request', {
        params: { path },
        body: { statedBy: 'victim', earlyReturnRequested: true },
      }),
      201,
    );
    await ok(
      returnOfficer.POST('/api/cases/{id}/risk-assessments', {
        params: { path },
        body: { kind: 'return', level: 'low', notes: 'family supportive' },
      }),
      201,
    );
    const { handoverId } = await ok(
      returnOfficer.POST('/api/cases/{id}/handovers', { params: { path }, body: { toCountry: 'MD' } }),
      201,
    );
    const handover = { ...path, handoverId };
    await ok(
      returnOfficer.POST('/api/cases/{id}/handovers/{handoverId}/acceptance', {
        params: { path: handover },
        body: { receivingAgency: 'md-nrm' },
      }),
      201,
    );
    // The journey needs a valid travel document: the person's passport, recovered from the exploiter.
    const { documentId } = await ok(
      returnOfficer.POST('/api/cases/{id}/documents', {
        params: { path },
        body: { kind: 'passport', status: 'withheld' },
      }),
      201,
    );
    await ok(
      returnOfficer.POST('/api/cases/{id}/documents/{documentId}/recovery', {
        params: { path: { ...path, documentId } },
        body: { validUntil: '2099-12-31' },
      }),
      201,
    );
    for (const step of ['departure', 'arrival'] as const)
      await ok(
        returnOfficer.POST(`/api/cases/{id}/handovers/{handoverId}/${step}`, {
          params: { path: handover },
          body: {},
        }),
        201,
      );
    await ok(
      returnOfficer.POST('/api/cases/{id}/handovers/{handoverId}/reception', {
        params: { path: handover },
        body: { receivingAgency: 'md-nrm' },
      }),
      201,
    );
    await ok(
      returnOfficer.POST('/api/cases/{id}/reintegration-plan', {
        params: { path },
        body: { services: [{ kind: 'employment', provider: 'md-jobs' }] },
      }),
      201,
    );
    const last = await returnOfficer.POST('/api/cases/{id}/reintegration-progress', {
      params: { path },
      body: { status: 'on_track' },
    });
    expect(last.response.status).toBe(201);
    // The ETag names the revision the answer's body states: what a client sends back as If-Match.
    expect(revisionOf(last.response)).toBe((await ok(last)).revision);

    const detail = await ok(caseManager.GET('/api/cases/{id}', { params: { path } }), 200);
    expect(detail.stage).toBe('reintegration');
    expect(detail.revision).toBe(revisionOf(last.response));
    expect(detail.person).toMatchObject({ givenName: 'Ileana', familyName: 'Vrabie' });

    const list = await ok(
      caseManager.GET('/api/cases', { params: { query: { stage: 'reintegration' } } }),
      200,
    );
    expect(list.items.map((i) => i.caseId)).toContain(caseId);

    const auditor = as('auditor');
    const history = await ok(auditor.GET('/api/cases/{id}/events', { params: { path } }), 200);
    const types = history.items.map((e) => e.type);
    expect(types[0]).toBe('PresumedVictimRegistered');
    expect(types).toEqual(
      expect.arrayContaining(['HandoverProposed', 'ReceptionConfirmed', 'ReintegrationPlanAdopted']),
    );
    // The history never carries personal data in clear.
    expect(JSON.stringify(history)).not.toContain('Vrabie');

    const verify = await ok(auditor.GET('/api/audit/verify'), 200);
    expect(verify).toMatchObject({ valid: true });
    expect(verify.size).toBeGreaterThanOrEqual(history.items.length);
  });

  it('protects a presumed child: no return without a guardian and a best-interests determination', async () => {
    const child: RequestBody<'/api/cases', 'post'> = {
      ...REGISTRATION,
      person: { ...REGISTRATION.person, dateOfBirth: undefined, ageUncertain: true },
    };
    const { caseId } = await ok(as('identification_officer').POST('/api/cases', { body: child }), 201);
    const path = { id: caseId };

    // A refusal is the problem+json the document declares for 422: its rule is typed.
    const early = await refused(
      as('return_officer').POST('/api/cases/{id}/return-request', {
        params: { path },
        body: { statedBy: 'victim' },
      }),
      422,
    );
    expect('rule' in early && early.rule).toBe('guardian-required');
    await ok(
      as('identification_officer').POST('/api/cases/{id}/guardian', {
        params: { path },
        body: { name: 'Maria Ciobanu', authority: 'Child Protection Authority Chisinau' },
      }),
      201,
    );
    await ok(
      as('return_officer').POST('/api/cases/{id}/return-request', {
        params: { path },
        body: { statedBy: 'victim', earlyReturnRequested: true },
      }),
      201,
    );
    await ok(
      as('return_officer').POST('/api/cases/{id}/risk-assessments', {
        params: { path },
        body: { kind: 'return', level: 'low', notes: 'mother supportive' },
      }),
      201,
    );
    await ok(
      as('identification_officer').POST('/api/cases/{id}/consents', {
        params: { path },
        body: { purpose: 'data_sharing', recipient: 'MD', granted: true },
      }),
      201,
    );
    const noBid = await refused(
      as('return_officer').POST('/api/cases/{id}/handovers', { params: { path }, body: { toCountry: 'MD' } }),
      422,
    );
    expect('rule' in noBid && noBid.rule).toBe('guardian-required'); // no BID yet
    await ok(
      as('case_manager').POST('/api/cases/{id}/best-interests-determination', {
        params: { path },
        body: { outcome: 'return to mother', notes: 'heard the child', returnInBestInterests: true },
      }),
      201,
    );
    await ok(
      as('return_officer').POST('/api/cases/{id}/handovers', { params: { path }, body: { toCountry: 'MD' } }),
      201,
    );

    // The guardian consents, for the child, to assistance: the case manager's use of the child's identity.
    await ok(
      as('identification_officer').POST('/api/cases/{id}/consents', {
        params: { path },
        body: { purpose: 'assistance', granted: true },
      }),
      201,
    );
    const detail = await ok(as('case_manager').GET('/api/cases/{id}', { params: { path } }), 200);
    expect(detail).toMatchObject({
      presumedMinor: true,
      guardian: { authority: 'Child Protection Authority Chisinau', name: 'Maria Ciobanu' },
    });
  });

  it('answers a stale If-Match with the 409 problem the document declares, naming the current revision', async () => {
    const { caseId, revision } = await ok(
      as('identification_officer').POST('/api/cases', { body: REGISTRATION }),
      201,
    );
    const consent = (ifMatch: string) =>
      as('identification_officer').POST('/api/cases/{id}/consents', {
        params: { path: { id: caseId }, header: { 'If-Match': ifMatch } },
        body: { purpose: 'assistance', granted: true },
      });
    const accepted = await consent(`"${revision}"`);
    expect(accepted.response.status).toBe(201);
    const conflict = await refused(consent(`"${revision}"`), 409);
    expect(conflict).toMatchObject({ status: 409, currentRevision: revisionOf(accepted.response) });
  });
});
