import { EVENT_STORE, EventStore } from '@nrm/event-store/port';
import { PARTNER_REGISTRY_STREAM } from '@nrm/contracts';
import { generateNodeEncryptionKey } from '@nrm/transnational';
import { Ed25519Signer } from '@nrm/event-store/integrity';
import { NodeHarness, REGISTRATION } from '../support/node-harness';

/** Issue "Partner nodes", item 1: the registry, managed by admins through the API, every change an event. */
describe('partner registry through the API', () => {
  let node: NodeHarness;
  beforeAll(async () => {
    node = await NodeHarness.start({ NRM_NODE_COUNTRY: 'DE', NRM_NODE_ID: 'nrm-de' });
    await node.withUsers(['auditor', 'return_officer', 'identification_officer', 'case_manager']);
  });
  afterAll(() => node.stop());

  const partnerKeys = () => ({
    publicKeyPem: Ed25519Signer.generate().publicKeyPem,
    encryptionKeyPem: generateNodeEncryptionKey().publicKeyPem,
  });
  const moldova = () => ({
    nodeId: 'nrm-md',
    country: 'MD',
    ...partnerKeys(),
    endpoint: 'https://nrm.gov.md',
    agreement: {
      reference: 'MoU DE-MD 2026/1',
      fields: { return: ['person.givenName', 'person.familyName', 'return.riskLevel'], reintegration: [] },
    },
  });
  const registryEvents = async () =>
    (await node.app.get<symbol, EventStore>(EVENT_STORE).readStream(PARTNER_REGISTRY_STREAM)).map((e) => ({
      type: e.type,
      actor: e.actor.userId,
    }));

  it('shows this node’s identity (both public keys) to admins, to give to partners', async () => {
    const res = await node.request('GET', '/api/node/identity', { as: 'admin' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ nodeId: 'nrm-de', country: 'DE' });
    expect(res.body.publicKeyPem).toMatch(/BEGIN PUBLIC KEY/);
    expect(res.body.encryptionKeyPem).toMatch(/BEGIN PUBLIC KEY/);
    expect(res.body.encryptionKeyPem).not.toEqual(res.body.publicKeyPem);
    expect(JSON.stringify(res.body)).not.toMatch(/PRIVATE/);
  });

  it('registers, lists, updates, removes — each change an event by the admin who made it', async () => {
    const before = (await registryEvents()).length;
    const created = await node.request('POST', '/api/partners', { as: 'admin', body: moldova() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ nodeId: 'nrm-md', country: 'MD', status: 'active' });

    const listed = await node.request('GET', '/api/partners', { as: 'auditor' });
    expect(listed.body.items.map((p: { nodeId: string }) => p.nodeId)).toContain('nrm-md');

    const updated = await node.request('PATCH', '/api/partners/nrm-md', {
      as: 'admin',
      body: { endpoint: 'https://trm.gov.md' },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ endpoint: 'https://trm.gov.md', status: 'active' });
    expect(updated.body.agreement.reference).toBe('MoU DE-MD 2026/1');

    const removed = await node.request('POST', '/api/partners/nrm-md/removal', {
      as: 'admin',
      body: { reason: 'agreement ended' },
    });
    expect(removed.status).toBe(201);
    expect(removed.body.status).toBe('removed');
    const events = (await registryEvents()).slice(before);
    expect(events.map((e) => e.type)).toEqual(['PartnerRegistered', 'PartnerUpdated', 'PartnerRemoved']);
    expect(new Set(events.map((e) => e.actor)).size).toBe(1);
  });

  // A well-formed request the registry refuses is a 422 (rule invalid-request); one that does not
  // match the document is a 400.
  it.each([
    [
      'a key that is not a key',
      { publicKeyPem: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n' },
      422,
    ],
    ['its own node id', { nodeId: 'nrm-de' }, 422],
    ['the path of the inbox as its node id', { nodeId: 'inbox' }, 422],
    ['a node id in capitals', { nodeId: 'NRM-RO' }, 400],
    ['an endpoint with credentials', { endpoint: 'https://user:pw@nrm.gov.ro' }, 400],
    ['an endpoint whose host reads as a broken address', { endpoint: 'https://nrm.123' }, 400],
    [
      'a field that may never travel',
      { agreement: { reference: 'x', fields: { return: ['case.indicators'] } } },
      400,
    ],
    ['an unknown member', { trusted: true }, 400],
  ])('refuses %s and records nothing', async (_what, change, status) => {
    const before = (await registryEvents()).length;
    const res = await node.request('POST', '/api/partners', {
      as: 'admin',
      body: { ...moldova(), nodeId: 'nrm-ro', country: 'RO', ...change },
    });
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(await registryEvents()).toHaveLength(before);
  });

  it('keeps one node per country', async () => {
    const ua = { ...moldova(), nodeId: 'nrm-ua', country: 'UA' };
    expect((await node.request('POST', '/api/partners', { as: 'admin', body: ua })).status).toBe(201);
    const second = await node.request('POST', '/api/partners', {
      as: 'admin',
      body: { ...ua, nodeId: 'nrm-ua-2', ...partnerKeys() },
    });
    expect(second.status).toBe(409);
  });

  it('lets only admins change it; auditors read it; operators do neither', async () => {
    const body = { ...moldova(), nodeId: 'nrm-pl', country: 'PL' };
    expect((await node.request('POST', '/api/partners', { as: 'auditor', body })).status).toBe(403);
    expect((await node.request('POST', '/api/partners', { as: 'return_officer', body })).status).toBe(403);
    expect((await node.request('GET', '/api/partners', { as: 'return_officer' })).status).toBe(403);
    expect((await node.request('GET', '/api/partners')).status).toBe(401);
  });

  it('records an asylum application and then refuses a handover proposal (asylum-no-contact)', async () => {
    const caseId = (
      await node.request('POST', '/api/cases', { as: 'identification_officer', body: REGISTRATION })
    ).body.caseId as string;
    const asylum = await node.request('POST', `/api/cases/${caseId}/asylum-application`, {
      as: 'case_manager',
      body: {},
    });
    expect(asylum.status).toBe(201);
    await node.request('POST', `/api/cases/${caseId}/consents`, {
      as: 'identification_officer',
      body: { purpose: 'data_sharing', recipient: 'MD', granted: true },
    });
    await node.request('POST', `/api/cases/${caseId}/return-request`, {
      as: 'return_officer',
      body: { statedBy: 'victim' },
    });
    await node.request('POST', `/api/cases/${caseId}/risk-assessments`, {
      as: 'return_officer',
      body: { kind: 'return', level: 'low', notes: 'family visited' },
    });
    const proposal = await node.request('POST', `/api/cases/${caseId}/handovers`, {
      as: 'return_officer',
      body: { toCountry: 'MD' },
    });
    expect(proposal.status).toBe(422);
    expect(proposal.body.rule).toBe('asylum-no-contact');
    const detail = await node.request('GET', `/api/cases/${caseId}`, { as: 'case_manager' });
    expect(detail.body.return.asylum).toMatchObject({ status: 'pending' });
  });
});
