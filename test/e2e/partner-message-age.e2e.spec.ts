import { makeTestEnvelope } from '@nrm/transnational/testing';
import { randomUUID } from 'node:crypto';
import { NodeHarness } from '../support/node-harness';
import { identityOf, impostor, postEnvelope } from '../support/partner-attacks';

const DAY_MS = 86_400_000;

/** NRM_PARTNER_MAX_MESSAGE_AGE_DAYS bounds how old a partner's message may be: older ones are refused as stale. */
describe('the age limit of partner messages', () => {
  let md: NodeHarness;
  let url: string;
  beforeAll(async () => {
    md = await NodeHarness.start({
      NRM_NODE_COUNTRY: 'MD',
      NRM_NODE_ID: 'nrm-md',
      NRM_PARTNER_MAX_MESSAGE_AGE_DAYS: '2',
    });
    await md.app.listen(0, '127.0.0.1');
    url = (await md.app.getUrl()).replace('[::1]', '127.0.0.1');
    await md.withUsers(['return_officer']);
  });
  afterAll(() => md.stop());

  it('refuses a message older than the setting, and takes one within it', async () => {
    const parties = impostor(await identityOf(md));
    // The test's node is a registered partner here: only the age can stop its messages.
    const registered = await md.request('POST', '/api/partners', {
      as: 'admin',
      body: {
        nodeId: parties.from.nodeId,
        country: 'DE',
        publicKeyPem: parties.from.partner.publicKeyPem,
        encryptionKeyPem: parties.from.partner.encryptionKeyPem,
        agreement: { reference: 'MoU', fields: { return: ['return.riskLevel'] } },
      },
    });
    expect(registered.status).toBe(201);
    const proposal = (ageMs: number) =>
      makeTestEnvelope(parties.from, parties.to, {
        time: new Date(Date.now() - ageMs).toISOString(),
        payload: {
          handoverId: randomUUID(),
          responseDueAt: new Date(Date.now() + 14 * DAY_MS).toISOString(),
          presumedMinor: false,
          'return.riskLevel': 'low',
        },
      });

    const old = await postEnvelope(url, proposal(3 * DAY_MS));
    expect(old.status).toBe(422);
    expect(old.body.reason).toBe('stale');

    const recent = await postEnvelope(url, proposal(1 * DAY_MS));
    expect(recent.status).toBe(202);
    const cases = await md.request('GET', '/api/cases', { as: 'return_officer' });
    expect(cases.body.total).toBe(1);
  });
});
