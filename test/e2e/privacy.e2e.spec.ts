import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_OPERATOR_ROLES, NodeHarness, REGISTRATION } from '../support/node-harness';

describe('personal data: minimised, logged when read, erasable (HTTP)', () => {
  let node: NodeHarness;
  let caseId: string;
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
  });
  afterAll(() => node.stop());

  const detail = (as: string, query = '') => node.request('GET', `/api/cases/${caseId}${query}`, { as });
  const accessLog = async (query: string) =>
    (await node.request('GET', `/api/audit/access-log?${query}`, { as: 'auditor' })).body.items;

  it('shows the person to case workers and records each such read with its purpose', async () => {
    const res = await detail('case_manager', '?purpose=assistance_planning');
    expect(res.body.person).toEqual({ givenName: 'Ileana', familyName: 'Vrabie', dateOfBirth: '1996-03-02' });
    const entries = await accessLog(`caseId=${caseId}`);
    expect(entries).toEqual([
      expect.objectContaining({
        caseId,
        role: 'case_manager',
        agency: 'national-nrm-office',
        purpose: 'assistance_planning',
      }),
    ]);
    const byUser = await accessLog(`userId=${entries[0].userId}`);
    expect(byUser).toHaveLength(1);
  });

  it('leaves the person out, decrypting and logging nothing, when the caller asks without it', async () => {
    const before = (await accessLog(`caseId=${caseId}`)).length;
    const res = await detail('case_manager', '?includePerson=false');
    expect(res.status).toBe(200);
    expect(res.body.person).toBeUndefined();
    expect(res.body.caseId).toBe(caseId);
    expect(await accessLog(`caseId=${caseId}`)).toHaveLength(before);
    expect((await detail('case_manager', '?includePerson=maybe')).status).toBe(400);
  });

  it('hides the person from auditors and from prosecution liaison without law-enforcement consent, and logs nothing for them', async () => {
    const before = (await accessLog(`caseId=${caseId}`)).length;
    expect((await detail('auditor')).body.person).toBeUndefined();
    expect((await detail('prosecution_liaison')).body.person).toBeUndefined();
    expect(await accessLog(`caseId=${caseId}`)).toHaveLength(before);
    await node.request('POST', `/api/cases/${caseId}/consents`, {
      as: 'identification_officer',
      body: { purpose: 'law_enforcement_cooperation', granted: true },
    });
    expect((await detail('prosecution_liaison')).body.person).toMatchObject({ familyName: 'Vrabie' });
    expect(await accessLog(`caseId=${caseId}`)).toHaveLength(before + 1);
  });

  it('erases by crypto-shredding: the person reads as erased, the log verifies, the case goes on', async () => {
    const erased = await node.request('POST', `/api/cases/${caseId}/erasure`, {
      as: 'admin',
      body: { legalBasis: 'GDPR art. 17(1)(a)' },
    });
    expect(erased.status).toBe(201);
    expect((await detail('case_manager')).body.person).toEqual({ erased: true });
    expect((await node.request('GET', '/api/audit/verify', { as: 'auditor' })).body.valid).toBe(true);
    const next = await node.request('POST', `/api/cases/${caseId}/consents`, {
      as: 'identification_officer',
      body: { purpose: 'assistance', granted: true },
    });
    expect(next.status).toBe(201);
    expect(next.body.revision).toBe(erased.body.revision + 1);
    // Personal data given after the erasure is not kept at all; the facts of the event are.
    const assessed = await node.request('POST', `/api/cases/${caseId}/risk-assessments`, {
      as: 'case_manager',
      body: { kind: 'general', level: 'high', notes: 'Vrabie fears her recruiter' },
    });
    expect(assessed.status).toBe(201);
    for (const file of readdirSync(node.config.dataDir)) {
      expect({ file, clear: readFileSync(join(node.config.dataDir, file)).includes('Vrabie') }).toEqual({
        file,
        clear: false,
      });
    }
  });

  it('refuses an erasure without a legal basis (400) and of an unknown case (404)', async () => {
    expect(
      (await node.request('POST', `/api/cases/${caseId}/erasure`, { as: 'admin', body: {} })).status,
    ).toBe(400);
    expect(
      (
        await node.request('POST', '/api/cases/0b7c5a70-4a8e-4b8e-9a64-3c1f2f6f9d11/erasure', {
          as: 'admin',
          body: { legalBasis: 'court order' },
        })
      ).status,
    ).toBe(404);
  });
});
