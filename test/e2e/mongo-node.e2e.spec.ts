import { describeIfServer } from '@nrm/common/testing';
import mongoose from 'mongoose';
import { randomBytes } from 'node:crypto';
import { ALL_OPERATOR_ROLES, NodeHarness, REGISTRATION } from '../support/node-harness';

describeIfServer('MONGO_URL', 'a node with MONGO_URL set', (url) => {
  jest.setTimeout(120_000);
  const dbName = `nrm_e2e_${randomBytes(4).toString('hex')}`;
  const parsed = new URL(url || 'mongodb://unused');
  parsed.pathname = `/${dbName}`;
  const dbUrl = parsed.toString();
  let node: NodeHarness;

  beforeAll(async () => {
    node = await NodeHarness.start({ MONGO_URL: dbUrl });
    await node.withUsers(ALL_OPERATOR_ROLES);
  });
  afterAll(async () => {
    await node?.stop();
    const connection = await mongoose.createConnection(dbUrl).asPromise();
    await connection.dropDatabase();
    await connection.close();
  });

  it('answers queries from the MongoDB read models, with no name in clear in the database', async () => {
    const { caseId } = (
      await node.request('POST', '/api/cases', { as: 'identification_officer', body: REGISTRATION })
    ).body;
    const list = await node.request('GET', '/api/cases?stage=registered', { as: 'case_manager' });
    expect(list.body.items.map((i: { caseId: string }) => i.caseId)).toEqual([caseId]);
    // The registering identification officer sees the person they recorded (no consent needed).
    const detail = await node.request('GET', `/api/cases/${caseId}`, { as: 'identification_officer' });
    expect(detail.body.person).toMatchObject({ familyName: 'Vrabie' });
    const history = await node.request('GET', `/api/cases/${caseId}/events`, { as: 'auditor' });
    expect(history.body.items.map((e: { type: string }) => e.type)).toEqual([
      'PresumedVictimRegistered',
      'ReflectionPeriodStarted',
    ]);

    const connection = await mongoose.createConnection(dbUrl).asPromise();
    try {
      for (const name of ['case_detail', 'case_history']) {
        const documents = await connection.collection(name).find().toArray();
        expect(documents.length).toBeGreaterThan(0);
        expect(JSON.stringify(documents)).not.toContain('Vrabie');
      }
    } finally {
      await connection.close();
    }
  });
});
