import { EVENT_STORE, EventStore, StoredEvent } from '@nrm/event-store/port';
import { PersonalDataCipher, PersonalDataIntegrityError } from '@nrm/privacy';
import { ALL_OPERATOR_ROLES, NodeHarness, REGISTRATION } from '../support/node-harness';

const LEGAL_BASIS = { legalBasis: 'GDPR art. 17(1)(a)' };

describe('family members linked to a case: each a data subject of their own (HTTP)', () => {
  let node: NodeHarness;
  let caseId: string;
  let child: string;
  let parent: string;
  beforeAll(async () => {
    node = await NodeHarness.start();
    await node.withUsers(ALL_OPERATOR_ROLES);
    caseId = (await node.request('POST', '/api/cases', { as: 'identification_officer', body: REGISTRATION }))
      .body.caseId;
    // The victim consents to assistance: the case manager's use of their identity.
    await node.request('POST', `/api/cases/${caseId}/consents`, {
      as: 'identification_officer',
      body: { purpose: 'assistance', granted: true },
    });
  }, 60_000);
  afterAll(() => node.stop());

  const post = (path: string, body: object | undefined, as = 'case_manager') =>
    node.request('POST', `/api/cases/${caseId}${path}`, { as, body });
  const detail = async (query = '?purpose=case_work') =>
    (await node.request('GET', `/api/cases/${caseId}${query}`, { as: 'case_manager' })).body;
  const member = async (memberId: string, query?: string) =>
    ((await detail(query)).family.members as { memberId: string }[]).find((m) => m.memberId === memberId);
  const stored = async (type: string, memberId?: string): Promise<StoredEvent> =>
    (await node.app.get<symbol, EventStore>(EVENT_STORE).readStream(`case-${caseId}`)).find(
      (e) => e.type === type && (memberId === undefined || e.data.memberId === memberId),
    ) as StoredEvent;
  const cipher = () => node.app.get(PersonalDataCipher);

  it('links a child born in the destination and an adult dependant; each is encrypted under their own key', async () => {
    const linked = await post('/family-members', {
      relation: 'child',
      bornInDestination: true,
      sex: 'female',
      givenName: 'Daria',
      familyName: 'Vrabie',
      dateOfBirth: '2025-01-10',
    });
    expect(linked.status).toBe(201);
    child = linked.body.memberId;
    parent = (
      await post('/family-members', {
        relation: 'parent',
        sex: 'female',
        ageBand: '48+',
        givenName: 'Elena',
        familyName: 'Munteanu',
      })
    ).body.memberId;

    const childLinked = await stored('FamilyMemberLinked', child);
    expect(childLinked.data).toMatchObject({ relation: 'child', presumedMinor: true, ageBand: '0--8' });
    expect(JSON.stringify(childLinked.data)).not.toMatch(/Daria/);
    expect(childLinked.personal?.subjectId).toBe(`member:${caseId}:${child}`);
    expect((await stored('PresumedVictimRegistered')).personal?.subjectId).toBe(`victim:${caseId}`);
    expect(await cipher().decrypt(childLinked.personal!)).toMatchObject({
      status: 'ok',
      value: { givenName: 'Daria' },
    });
    // The victim's key does not open the child's data (the subject is bound into the ciphertext).
    await expect(
      cipher().decrypt({ ...childLinked.personal!, subjectId: `victim:${caseId}`, keyVersion: 1 }),
    ).rejects.toThrow(PersonalDataIntegrityError);
  });

  it('shows the members on the case under the personal-data policy: names to case workers, none to auditors', async () => {
    expect(await member(child)).toMatchObject({
      relation: 'child',
      bornInDestination: true,
      presumedMinor: true,
      person: { givenName: 'Daria', familyName: 'Vrabie', dateOfBirth: '2025-01-10' },
    });
    const forAuditor = (await node.request('GET', `/api/cases/${caseId}`, { as: 'auditor' })).body;
    expect(forAuditor.family.members[0].person).toBeUndefined();
    expect(JSON.stringify(forAuditor)).not.toMatch(/Daria|ciphertext/);
    expect(
      (
        await post(
          '/family-members',
          { relation: 'child', sex: 'male', givenName: 'A', familyName: 'B' },
          'prosecution_liaison',
        )
      ).status,
    ).toBe(403);
  });

  it('a child member has a guardian and a best-interests determination of their own before reunification', async () => {
    const tracing = await post(`/family-members/${child}/tracings`, { country: 'MD' }, 'return_officer');
    expect(tracing.status).toBe(422);
    expect(tracing.body.rule).toBe('guardian-required');
    expect(
      (
        await post(`/family-members/${child}/guardian`, {
          authority: 'Jugendamt Berlin',
          name: 'Karla Weiss',
        })
      ).status,
    ).toBe(201);
    expect(await member(child)).toMatchObject({
      guardian: { authority: 'Jugendamt Berlin', name: 'Karla Weiss' },
    });
    const tracingId = (await post(`/family-members/${child}/tracings`, { country: 'MD' }, 'return_officer'))
      .body.tracingId;
    expect(
      (await post(`/family-members/tracings/${tracingId}/outcome`, { outcome: 'found' }, 'return_officer'))
        .status,
    ).toBe(201);
    const early = await post(
      `/family-members/tracings/${tracingId}/reunification`,
      undefined,
      'return_officer',
    );
    expect(early.status).toBe(422);
    expect(early.body.rule).toBe('guardian-required');
    expect(
      (
        await post(`/family-members/${child}/best-interests-determination`, {
          outcome: 'reunite',
          reunificationInBestInterests: true,
        })
      ).status,
    ).toBe(201);
    expect(
      (await post(`/family-members/tracings/${tracingId}/reunification`, undefined, 'return_officer')).status,
    ).toBe(201);
    expect((await detail()).family.tracings).toEqual([
      expect.objectContaining({
        tracingId,
        memberId: child,
        outcome: 'found',
        reunification: expect.objectContaining({ status: 'reunified' }),
      }),
    ]);
  });

  it('serves members in the plan and assesses the whole family (unknown or missing members: invalid-request)', async () => {
    const unknown = await post('/assistance-plan', {
      services: [{ kind: 'medical', memberIds: ['0b7c5a70-4a8e-4b8e-9a64-3c1f2f6f9d11'] }],
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.rule).toBe('invalid-request');
    expect(
      (await post('/assistance-plan', { services: [{ kind: 'medical', memberIds: [child] }] })).status,
    ).toBe(201);
    expect((await detail()).assistancePlan.services[0].memberIds).toEqual([child]);
    const partial = await post('/family-members/assessments', { memberIds: [child], needs: ['medical'] });
    expect(partial.status).toBe(422);
    expect(partial.body.rule).toBe('invalid-request');
    expect(
      (await post('/family-members/assessments', { memberIds: [child, parent], needs: ['medical'] })).status,
    ).toBe(201);
  });

  it('tracks the mother’s parentage recognition of the child born in the destination to its outcome', async () => {
    const started = await post(`/family-members/${child}/parentage-recognitions`, {
      authority: 'Standesamt Mitte',
    });
    expect(started.status).toBe(201);
    const path = `/family-members/parentage-recognitions/${started.body.proceedingId}`;
    expect((await post(`${path}/steps`, { step: 'application_filed' })).status).toBe(201);
    expect((await post(`${path}/conclusion`, { outcome: 'recognised' })).status).toBe(201);
    expect((await detail()).family.parentage).toEqual([
      expect.objectContaining({
        memberId: child,
        outcome: 'recognised',
        steps: [expect.objectContaining({ step: 'application_filed' })],
      }),
    ]);
    const adult = await post(`/family-members/${parent}/parentage-recognitions`, {
      authority: 'Standesamt Mitte',
    });
    expect(adult.body.rule).toBe('invalid-request');
  });

  it('never shows a member’s ciphertext in the changes between revisions', async () => {
    const { revision } = await detail();
    const changes = await node.request('GET', `/api/cases/${caseId}/changes?from=0&to=${revision}`, {
      as: 'auditor',
    });
    expect(changes.status).toBe(200);
    expect(JSON.stringify(changes.body)).toMatch(/FamilyMemberLinked/);
    expect(JSON.stringify(changes.body)).not.toMatch(/ciphertext|subjectId/);
  });

  it('exports each member’s personal data opened with the member’s own key', async () => {
    const exported = await node.request('GET', `/api/cases/${caseId}/export?purpose=case_work`, {
      as: 'case_manager',
    });
    const linked = (exported.body.events as { type: string; personal?: { givenName?: string } }[]).filter(
      (e) => e.type === 'FamilyMemberLinked',
    );
    expect(linked.map((e) => e.personal?.givenName)).toEqual(['Daria', 'Elena']);
  });

  it('erases one member alone (admin): the victim and the other member stay readable', async () => {
    expect((await post(`/family-members/${child}/erasure`, LEGAL_BASIS, 'case_manager')).status).toBe(403);
    const erased = await post(`/family-members/${child}/erasure`, LEGAL_BASIS, 'admin');
    expect(erased.status).toBe(201);
    const again = await post(`/family-members/${child}/erasure`, LEGAL_BASIS, 'admin');
    expect(again.body.revision).toBe(erased.body.revision);
    const view = await detail();
    expect(view.person).toMatchObject({ givenName: 'Ileana' });
    const erasedChild = view.family.members.find((m: { memberId: string }) => m.memberId === child);
    expect(erasedChild).toMatchObject({ person: { erased: true }, guardian: { name: { erased: true } } });
    expect(erasedChild.erasedAt).toEqual(expect.any(String));
    expect(await member(parent)).toMatchObject({ person: { givenName: 'Elena' } });
    const unknown = await post(
      '/family-members/0b7c5a70-4a8e-4b8e-9a64-3c1f2f6f9d11/erasure',
      LEGAL_BASIS,
      'admin',
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.rule).toBe('invalid-request');
  });

  it('erasing the victim’s case erases every member with it; the log still verifies', async () => {
    expect((await post('/erasure', LEGAL_BASIS, 'admin')).status).toBe(201);
    const view = await detail();
    expect(view.person).toEqual({ erased: true });
    expect(await member(parent)).toMatchObject({ person: { erased: true }, erasedAt: expect.any(String) });
    expect((await node.request('GET', '/api/audit/verify', { as: 'auditor' })).body.valid).toBe(true);
  });
});

describe('family members: the victim’s key and a member’s are shredded apart, the case’s erasure shreds both', () => {
  let node: NodeHarness;
  beforeAll(async () => {
    node = await NodeHarness.start();
    await node.withUsers(ALL_OPERATOR_ROLES);
  }, 60_000);
  afterAll(() => node.stop());

  it('a member’s data stays readable when only the victim’s key is shredded', async () => {
    const caseId = (
      await node.request('POST', '/api/cases', { as: 'identification_officer', body: REGISTRATION })
    ).body.caseId;
    // The victim consents to assistance: the case manager's use of their identity.
    await node.request('POST', `/api/cases/${caseId}/consents`, {
      as: 'identification_officer',
      body: { purpose: 'assistance', granted: true },
    });
    await node.request('POST', `/api/cases/${caseId}/family-members`, {
      as: 'case_manager',
      body: { relation: 'sibling', sex: 'female', givenName: 'Irina', familyName: 'Vrabie' },
    });
    const cipher = node.app.get(PersonalDataCipher);
    await cipher.shred(`victim:${caseId}`);
    const events = await node.app.get<symbol, EventStore>(EVENT_STORE).readStream(`case-${caseId}`);
    const personalOf = (type: string) => events.find((e) => e.type === type)?.personal;
    expect(await cipher.decrypt(personalOf('PresumedVictimRegistered')!)).toEqual({ status: 'erased' });
    expect(await cipher.decrypt(personalOf('FamilyMemberLinked')!)).toMatchObject({
      status: 'ok',
      value: { givenName: 'Irina' },
    });
  });

  it('erases the victim: a member linked before reads as erased too', async () => {
    const caseId = (
      await node.request('POST', '/api/cases', { as: 'identification_officer', body: REGISTRATION })
    ).body.caseId;
    // The victim consents to assistance: the case manager's use of their identity.
    await node.request('POST', `/api/cases/${caseId}/consents`, {
      as: 'identification_officer',
      body: { purpose: 'assistance', granted: true },
    });
    const memberId = (
      await node.request('POST', `/api/cases/${caseId}/family-members`, {
        as: 'case_manager',
        body: { relation: 'spouse_partner', sex: 'male', givenName: 'Pavel', familyName: 'Vrabie' },
      })
    ).body.memberId;
    await node.request('POST', `/api/cases/${caseId}/erasure`, { as: 'admin', body: LEGAL_BASIS });
    const view = (await node.request('GET', `/api/cases/${caseId}`, { as: 'case_manager' })).body;
    expect(view.person).toEqual({ erased: true });
    expect(view.family.members).toEqual([expect.objectContaining({ memberId, person: { erased: true } })]);
  });
});

describe('family routes: who may call them', () => {
  const ROLES = ['admin', ...ALL_OPERATOR_ROLES, 'analyst'];
  const ID = '0b7c5a70-4a8e-4b8e-9a64-3c1f2f6f9d11';
  const CASE_MANAGER = ['case_manager'];
  const RETURN = ['return_officer', 'case_manager'];
  const MATRIX: [path: string, allowed: string[]][] = [
    ['/family-members', CASE_MANAGER],
    ['/family-members/assessments', CASE_MANAGER],
    [`/family-members/${ID}/guardian`, ['case_manager', 'identification_officer']],
    [`/family-members/${ID}/best-interests-determination`, CASE_MANAGER],
    [`/family-members/${ID}/parentage-recognitions`, CASE_MANAGER],
    [`/family-members/parentage-recognitions/${ID}/steps`, CASE_MANAGER],
    [`/family-members/parentage-recognitions/${ID}/conclusion`, CASE_MANAGER],
    [`/family-members/${ID}/tracings`, RETURN],
    [`/family-members/tracings/${ID}/outcome`, RETURN],
    [`/family-members/tracings/${ID}/reunification`, RETURN],
    [`/family-members/tracings/${ID}/reunification-refusal`, RETURN],
    [`/family-members/${ID}/erasure`, ['admin']],
  ];
  let node: NodeHarness;
  beforeAll(async () => {
    node = await NodeHarness.start();
    await node.withUsers([...ALL_OPERATOR_ROLES, 'analyst']);
  }, 60_000);
  afterAll(() => node.stop());

  it.each(MATRIX)('POST /api/cases/:id%s', async (path, allowed) => {
    for (const role of ROLES) {
      const res = await node.request('POST', `/api/cases/${ID}${path}`, { as: role, body: {} });
      const verdict = res.status === 403 ? 'forbidden' : res.status === 401 ? 'unauthenticated' : 'allowed';
      expect({ role, verdict }).toEqual({ role, verdict: allowed.includes(role) ? 'allowed' : 'forbidden' });
    }
  });
});
