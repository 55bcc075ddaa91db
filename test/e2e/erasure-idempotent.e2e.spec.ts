import { caseStreamId } from '@nrm/contracts';
import { EVENT_STORE, EventStore } from '@nrm/event-store/port';
import { NodeHarness, REGISTRATION } from '../support/node-harness';

/** POST /api/cases/:id/erasure may be retried (a lost answer, a double click): one record, one result. */
describe('erasure is idempotent', () => {
  let node: NodeHarness;
  beforeAll(async () => {
    node = await NodeHarness.start();
    await node.withUsers(['identification_officer', 'case_manager']);
  });
  afterAll(() => node.stop());

  const register = async () =>
    (await node.request('POST', '/api/cases', { as: 'identification_officer', body: REGISTRATION })).body
      .caseId as string;
  const erase = (caseId: string, legalBasis = 'GDPR art. 17(1)(a)') =>
    node.request('POST', `/api/cases/${caseId}/erasure`, { as: 'admin', body: { legalBasis } });
  const erasureEvents = async (caseId: string) =>
    (await node.app.get<symbol, EventStore>(EVENT_STORE).readStream(caseStreamId(caseId))).filter(
      (e) => e.type === 'PersonalDataErased',
    );

  it('answers a repeated erasure 201 with the first revision, and records nothing new', async () => {
    const caseId = await register();
    const first = await erase(caseId);
    expect(first.status).toBe(201);
    const consent = await node.request('POST', `/api/cases/${caseId}/consents`, {
      as: 'identification_officer',
      body: { purpose: 'assistance', granted: true },
    });
    expect(consent.status).toBe(201);

    const again = await erase(caseId, 'court order 12/2024');
    expect(again.status).toBe(201);
    expect(again.body).toEqual({ caseId, revision: first.body.revision });
    const recorded = await erasureEvents(caseId);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      revision: first.body.revision,
      data: { legalBasis: 'GDPR art. 17(1)(a)' },
    });
    expect(
      (await node.request('GET', `/api/cases/${caseId}?purpose=assistance_planning`, { as: 'case_manager' }))
        .body.person,
    ).toEqual({ erased: true });
  });

  it('records one erasure when several requests race on the same case', async () => {
    const caseId = await register();
    const answers = await Promise.all([erase(caseId), erase(caseId), erase(caseId), erase(caseId)]);
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.revision)).size).toBe(1);
    expect(await erasureEvents(caseId)).toHaveLength(1);
  });
});
