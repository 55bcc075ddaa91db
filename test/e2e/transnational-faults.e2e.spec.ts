import { caseStreamId } from '@nrm/contracts';
import { describeIfServer } from '@nrm/common/testing';
import { SignedCheckpoint, verifyCheckpoint } from '@nrm/event-store/integrity';
import { createKafka } from '@nrm/shared-log/kafka/kafka-client';
import { makeTestEnvelope } from '@nrm/transnational/testing';
import { logLevel } from 'kafkajs';
import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { NodeHarness, REGISTRATION } from '../support/node-harness';
import {
  identityOf,
  impostor,
  NodeIdentity,
  postEnvelope,
  queuedTo,
  RecordingProxy,
  restartNode,
  rewriteHistory,
  startRecordingProxy,
  streamOf,
  takeOffline,
  withOneByteChanged,
} from '../support/partner-attacks';
import { AGREEMENT, eventually, ok, startTwoNodes, TwoNodes } from '../support/two-nodes';

/**
 * Issue "Partner nodes": what the receiving node does with forged, replayed, unknown, over-sharing and
 * rewritten-history messages, and what stops sharing midway (consent, asylum). Each case checks what a
 * user sees through the API and what the bridge recorded in the node's own log.
 */

// The tests poll both nodes from one address; the per-address API limit is not what is tested here.
const NODE_ENV = { NRM_API_RATE_LIMIT_PER_MINUTE: '1000000' };
const ROLES = ['identification_officer', 'case_manager', 'return_officer', 'auditor'];

interface HistoryLine {
  messageId?: string;
  kind?: string;
  sharedCaseRef?: string;
  direction: string;
  outcome: string;
  digest?: string;
  detail?: string;
  replays: number;
  attempts?: number;
}

const kindIs = (envelope: { type?: string }, kind: string) => envelope.type === `org.nrm.trm.${kind}`;

/** A case in DE that may be proposed to MD: data-sharing consent for MD, return request, return risk. */
async function caseReadyForHandover(de: NodeHarness): Promise<string> {
  const caseId = ok(
    await de.request('POST', '/api/cases', { as: 'identification_officer', body: REGISTRATION }),
  ).body.caseId as string;
  ok(
    await de.request('POST', `/api/cases/${caseId}/consents`, {
      as: 'identification_officer',
      body: { purpose: 'data_sharing', recipient: 'MD', granted: true },
    }),
  );
  ok(
    await de.request('POST', `/api/cases/${caseId}/return-request`, {
      as: 'return_officer',
      body: { statedBy: 'victim', earlyReturnRequested: true },
    }),
  );
  ok(
    await de.request('POST', `/api/cases/${caseId}/risk-assessments`, {
      as: 'return_officer',
      body: { kind: 'return', level: 'low', notes: 'mother supportive' },
    }),
  );
  // DE starts the journey: it needs a valid travel document.
  ok(
    await de.request('POST', `/api/cases/${caseId}/documents`, {
      as: 'return_officer',
      body: { kind: 'passport', status: 'held', validUntil: '2099-12-31' },
    }),
  );
  return caseId;
}

async function propose(de: NodeHarness, caseId: string): Promise<{ handoverId: string; ref: string }> {
  const handoverId = ok(
    await de.request('POST', `/api/cases/${caseId}/handovers`, {
      as: 'return_officer',
      body: { toCountry: 'MD' },
    }),
  ).body.handoverId as string;
  const detail = await de.request('GET', `/api/cases/${caseId}`, { as: 'return_officer' });
  return { handoverId, ref: detail.body.return.handovers[0].sharedCaseRef as string };
}

const caseDetail = async (node: NodeHarness, caseId: string) =>
  ok(await node.request('GET', `/api/cases/${caseId}`, { as: 'return_officer' }), 200).body;
const handoverStatus = async (node: NodeHarness, caseId: string): Promise<string> =>
  (await caseDetail(node, caseId)).return.handovers[0].status;
const caseTotal = async (node: NodeHarness): Promise<number> =>
  ok(await node.request('GET', '/api/cases?pageSize=1', { as: 'auditor' }), 200).body.total;

/** The cases a node opened for this shared reference (the bridge links one case per reference). */
const linksOf = async (node: NodeHarness, partnerNodeId: string, ref: string) =>
  (await streamOf(node, `trm-${partnerNodeId}`)).filter(
    (e) => e.type === 'CrossBorderLinkOpened' && e.data.sharedCaseRef === ref,
  );

/** MD's case for a shared reference, once the proposal was applied there and the case can be read. */
const originCaseOf = (md: NodeHarness, ref: string): Promise<string> =>
  eventually(`MD to open a case for ${ref}`, async () => {
    const [link] = await linksOf(md, 'nrm-de', ref);
    if (!link) return undefined;
    const caseId = String(link.data.caseId);
    const detail = await md.request('GET', `/api/cases/${caseId}`, { as: 'return_officer' });
    return detail.status === 200 && detail.body.return.handovers.length > 0 ? caseId : undefined;
  });

const reachesStatus = (node: NodeHarness, caseId: string, status: string) =>
  eventually(`case ${caseId} on ${node.config.nodeId} to be ${status}`, async () =>
    (await handoverStatus(node, caseId)) === status ? true : undefined,
  );

/** What the bridge recorded about one message, once `count` records are there. */
const recordsOfMessage = (node: NodeHarness, partnerNodeId: string, messageId: string, count: number) =>
  eventually(`${count} record(s) of ${messageId} on ${node.config.nodeId}`, async () => {
    const records = (await streamOf(node, `trm-${partnerNodeId}`)).filter(
      (e) => e.data.messageId === messageId,
    );
    return records.length >= count ? records.map((e) => [e.type, e.data.outcome]) : undefined;
  });

/** The bridge's records about one shared reference, in the node's log. */
const journalAbout = async (node: NodeHarness, partnerNodeId: string, ref: string) =>
  (await streamOf(node, `trm-${partnerNodeId}`)).filter((e) => e.data.sharedCaseRef === ref);

const historyOf = async (node: NodeHarness, caseId: string): Promise<HistoryLine[]> => {
  const body = ok(
    await node.request('GET', `/api/cases/${caseId}/handover-history`, { as: 'auditor' }),
    200,
  ).body;
  return body.exchanges[0]?.messages ?? [];
};

const historyLine = (node: NodeHarness, caseId: string, what: string, match: Partial<HistoryLine>) =>
  eventually(what, async () =>
    (await historyOf(node, caseId)).find((line) =>
      Object.entries(match).every(([key, value]) => line[key as keyof HistoryLine] === value),
    ),
  );

async function accept(
  md: NodeHarness,
  mdCaseId: string,
  handoverId: string,
  de: NodeHarness,
  caseId: string,
) {
  ok(
    await md.request('POST', `/api/cases/${mdCaseId}/handovers/${handoverId}/acceptance`, {
      as: 'return_officer',
      body: { receivingAgency: 'md-reception', reasons: 'shelter place ready' },
    }),
  );
  await reachesStatus(de, caseId, 'accepted');
}

const depart = async (de: NodeHarness, caseId: string, handoverId: string) =>
  ok(
    await de.request('POST', `/api/cases/${caseId}/handovers/${handoverId}/departure`, {
      as: 'return_officer',
      body: {},
    }),
  );

const withdrawConsent = async (de: NodeHarness, caseId: string) =>
  ok(
    await de.request('POST', `/api/cases/${caseId}/consents`, {
      as: 'identification_officer',
      body: { purpose: 'data_sharing', recipient: 'MD', granted: false },
    }),
  );

/** A proposal any node could send: well-formed, within the agreement; only its sender or signature is wrong. */
const proposalPayload = () => ({
  handoverId: randomUUID(),
  responseDueAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
  presumedMinor: false,
  'person.givenName': 'Forged',
  'return.riskLevel': 'low',
});

describe('partner faults between two nodes (HTTP transport)', () => {
  let nodes: TwoNodes;
  let de: NodeHarness;
  let md: NodeHarness;
  let mdUrl: string;
  let mdIdentity: NodeIdentity;
  /** DE reaches MD through it (DE's registry names it as MD's endpoint): the test sees what travelled. */
  let proxy: RecordingProxy;

  beforeAll(async () => {
    nodes = await startTwoNodes(NODE_ENV);
    ({ de, md } = nodes);
    mdUrl = nodes.urlOf(md);
    mdIdentity = await identityOf(md);
    proxy = await startRecordingProxy(mdUrl);
    ok(
      await de.request('PATCH', '/api/partners/nrm-md', { as: 'admin', body: { endpoint: proxy.url } }),
      200,
    );
  }, 60000);
  afterAll(async () => {
    await proxy?.close();
    await nodes?.stop();
  });
  afterEach(() => {
    if (proxy) proxy.holding = false;
  });

  const travelled = (ref: string, kind?: string) =>
    proxy.seen.filter((s) => s.envelope.subject === ref && (!kind || kindIs(s.envelope, kind)));

  it('refuses a forged signature (another key, or one byte changed): 422, nothing applied, recorded; the honest message still goes', async () => {
    const caseId = await caseReadyForHandover(de);
    const { handoverId, ref } = await propose(de, caseId);
    const mdCaseId = await originCaseOf(md, ref);
    await accept(md, mdCaseId, handoverId, de, caseId);

    // A proposal signed with another key, claiming to come from DE.
    const casesBefore = await caseTotal(md);
    const { from, to } = impostor(mdIdentity, 'nrm-de');
    const forged = makeTestEnvelope(from, to, { payload: proposalPayload() });
    const answer = await postEnvelope(mdUrl, forged);
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ outcome: 'rejected', reason: 'bad-signature' });
    expect(await caseTotal(md)).toBe(casesBefore);
    expect(await linksOf(md, 'nrm-de', forged.subject)).toEqual([]);

    // DE's real departure, caught on the way, with one byte of its sealed payload changed.
    proxy.holding = true;
    await depart(de, caseId, handoverId);
    const real = (
      await eventually(
        'DE to try sending the departure',
        async () => travelled(ref, 'return.travel-started')[0],
      )
    ).envelope;
    const tampered = withOneByteChanged(real);
    const refused = await postEnvelope(mdUrl, tampered);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ outcome: 'rejected', reason: 'bad-signature' });
    expect(await handoverStatus(md, mdCaseId)).toBe('accepted');

    // Both recorded before the sender was believed: in trm-unauthenticated, under the id each claimed.
    const unauthenticated = await streamOf(md, 'trm-unauthenticated');
    for (const envelope of [forged, tampered]) {
      expect(unauthenticated.filter((e) => e.data.messageId === envelope.id).map((e) => e.data)).toEqual([
        expect.objectContaining({
          claimedSender: 'nrm-de',
          direction: 'incoming',
          outcome: 'rejected:bad-signature',
        }),
      ]);
      expect(unauthenticated.find((e) => e.data.messageId === envelope.id)?.type).toBe(
        'CrossBorderMessageRefused',
      );
    }

    // The forgery did not spend the real message's id: DE's retry is applied, once.
    proxy.holding = false;
    await reachesStatus(md, mdCaseId, 'in_transit');
    expect(await recordsOfMessage(md, 'nrm-de', real.id, 1)).toEqual([
      ['CrossBorderMessageReceived', 'accepted'],
    ]);
    const line = await historyLine(de, caseId, 'DE to record the delivery', {
      kind: 'return.travel-started',
      outcome: 'accepted',
    });
    expect(line.messageId).toBe(real.id);
  });

  it('answers a replayed message 200 duplicate: applied once, each replay recorded and counted in the history', async () => {
    const caseId = await caseReadyForHandover(de);
    const { handoverId, ref } = await propose(de, caseId);
    const mdCaseId = await originCaseOf(md, ref);
    await accept(md, mdCaseId, handoverId, de, caseId);
    const [captured] = travelled(ref, 'handover.proposed');
    expect(captured.status).toBe(202);
    const casesBefore = await caseTotal(md);

    for (let i = 0; i < 2; i++) {
      const replay = await postEnvelope(mdUrl, captured.envelope);
      expect(replay.status).toBe(200);
      expect(replay.body).toEqual({ outcome: 'duplicate' });
    }

    // Applied once: one case for the reference, and the replayed proposal did not reopen it.
    expect(await caseTotal(md)).toBe(casesBefore);
    expect(await linksOf(md, 'nrm-de', ref)).toHaveLength(1);
    expect(await handoverStatus(md, mdCaseId)).toBe('accepted');
    const records = (await journalAbout(md, 'nrm-de', ref)).filter(
      (e) => e.data.messageId === captured.envelope.id,
    );
    expect(records.map((e) => [e.type, e.data.outcome])).toEqual([
      ['CrossBorderMessageReceived', 'accepted'],
      ['CrossBorderMessageRefused', 'duplicate'],
      ['CrossBorderMessageRefused', 'duplicate'],
    ]);
    const proposals = (await historyOf(md, mdCaseId)).filter((m) => m.kind === 'handover.proposed');
    expect(proposals).toEqual([
      expect.objectContaining({ messageId: captured.envelope.id, outcome: 'accepted', replays: 2 }),
    ]);
  });

  it('refuses a message from a node not in the registry: 422 unknown-sender, recorded unauthenticated, nothing applied', async () => {
    const casesBefore = await caseTotal(md);
    const { from, to } = impostor(mdIdentity);
    const envelope = makeTestEnvelope(from, to, { payload: proposalPayload() });
    for (let i = 0; i < 2; i++) {
      // The second time too: ids of unauthenticated messages are not remembered, so none can be probed.
      const answer = await postEnvelope(mdUrl, envelope);
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({ outcome: 'rejected', reason: 'unknown-sender' });
    }
    expect(await caseTotal(md)).toBe(casesBefore);
    const recorded = (await streamOf(md, 'trm-unauthenticated')).filter(
      (e) => e.data.messageId === envelope.id,
    );
    expect(recorded.map((e) => e.data)).toEqual([
      expect.objectContaining({ claimedSender: from.nodeId, outcome: 'rejected:unknown-sender' }),
      expect.objectContaining({ claimedSender: from.nodeId, outcome: 'rejected:unknown-sender' }),
    ]);
    expect(await streamOf(md, `trm-${from.nodeId}`)).toEqual([]);
  });

  it('consent withdrawn after acceptance: MD is asked to restrict, DE withholds the departure, MD stays accepted', async () => {
    const caseId = await caseReadyForHandover(de);
    const { handoverId, ref } = await propose(de, caseId);
    const mdCaseId = await originCaseOf(md, ref);
    await accept(md, mdCaseId, handoverId, de, caseId);

    await withdrawConsent(de, caseId);
    const restricted = await eventually('MD to record the restriction', async () => {
      const detail = await caseDetail(md, mdCaseId);
      return detail.return.restriction;
    });
    expect(restricted).toMatchObject({ byCountry: 'DE' });
    await historyLine(de, caseId, 'DE to record the restriction request delivered', {
      kind: 'consent.restriction-requested',
      outcome: 'accepted',
    });

    await depart(de, caseId, handoverId);
    await historyLine(de, caseId, 'DE to withhold the departure', {
      kind: 'return.travel-started',
      outcome: 'withheld:consent-withdrawn',
    });
    // Withheld instead of queued: nothing about it is waiting, nothing travelled.
    expect(
      queuedTo(de, 'nrm-md').filter((m) => m.subject === ref && kindIs(m.envelope, 'return.travel-started')),
    ).toEqual([]);
    expect(travelled(ref, 'return.travel-started')).toEqual([]);
    expect(await handoverStatus(md, mdCaseId)).toBe('accepted');
    expect((await historyOf(de, caseId)).map((m) => `${m.kind} ${m.outcome}`)).toEqual([
      'handover.proposed accepted',
      'handover.accepted accepted',
      'consent.restriction-requested accepted',
      'return.travel-started withheld:consent-withdrawn',
    ]);
  });

  it('consent withdrawn after departure: MD restricts, and its arrival is not shared back', async () => {
    const caseId = await caseReadyForHandover(de);
    const { handoverId, ref } = await propose(de, caseId);
    const mdCaseId = await originCaseOf(md, ref);
    await accept(md, mdCaseId, handoverId, de, caseId);
    await depart(de, caseId, handoverId);
    await reachesStatus(md, mdCaseId, 'in_transit');

    await withdrawConsent(de, caseId);
    await eventually(
      'MD to record the restriction',
      async () => (await caseDetail(md, mdCaseId)).return.restriction,
    );
    ok(
      await md.request('POST', `/api/cases/${mdCaseId}/handovers/${handoverId}/arrival`, {
        as: 'return_officer',
        body: {},
      }),
    );
    await historyLine(md, mdCaseId, 'MD to withhold the arrival', {
      kind: 'return.arrival-confirmed',
      outcome: 'withheld:restricted',
    });
    expect(queuedTo(md, 'nrm-de').filter((m) => m.subject === ref)).toEqual([]);
    expect(await handoverStatus(de, caseId)).toBe('in_transit');
    expect(
      (await journalAbout(de, 'nrm-md', ref)).filter((e) => e.data.kind === 'return.arrival-confirmed'),
    ).toEqual([]);
  });

  it('asylum after the proposal: MD hears nothing more, not even a restriction request; DE records why', async () => {
    const caseId = await caseReadyForHandover(de);
    const { ref } = await propose(de, caseId);
    const mdCaseId = await originCaseOf(md, ref);

    ok(
      await de.request('POST', `/api/cases/${caseId}/asylum-application`, { as: 'return_officer', body: {} }),
    );
    // What would otherwise ask MD to restrict what it holds.
    await withdrawConsent(de, caseId);
    await historyLine(de, caseId, 'DE to withhold the restriction request', {
      kind: 'consent.restriction-requested',
      outcome: 'withheld:asylum',
    });
    const withheld = (await journalAbout(de, 'nrm-md', ref)).filter(
      (e) => e.type === 'CrossBorderMessageWithheld',
    );
    expect(withheld.map((e) => [e.data.kind, e.data.outcome, e.data.causedBy])).toEqual([
      ['any', 'withheld:asylum', 'AsylumApplicationRecorded'],
      ['consent.restriction-requested', 'withheld:asylum', 'ConsentWithdrawn'],
    ]);

    expect(queuedTo(de, 'nrm-md').filter((m) => m.subject === ref)).toEqual([]);
    expect(travelled(ref).map((s) => s.envelope.type)).toEqual(['org.nrm.trm.handover.proposed']);
    expect((await caseDetail(md, mdCaseId)).return.restriction).toBeUndefined();
    expect((await journalAbout(md, 'nrm-de', ref)).map((e) => e.type)).toEqual([
      'CrossBorderLinkOpened',
      'CrossBorderMessageReceived',
    ]);
  });

  it('asylum while the proposal still waits in the outbox: the proposal never leaves DE', async () => {
    const caseId = await caseReadyForHandover(de);
    proxy.holding = true;
    const { ref } = await propose(de, caseId);
    await eventually('DE to try sending the proposal', async () => travelled(ref)[0]);
    ok(
      await de.request('POST', `/api/cases/${caseId}/asylum-application`, { as: 'return_officer', body: {} }),
    );
    const line = await historyLine(de, caseId, 'DE to record the asylum bar', {
      kind: 'any' as HistoryLine['kind'],
      outcome: 'withheld:asylum',
    });
    expect(line.detail).toBe('1 queued message(s) dropped');
    expect(queuedTo(de, 'nrm-md').filter((m) => m.subject === ref)).toEqual([]);
    proxy.holding = false;
    // Nothing left to send: whatever reached the proxy was answered by it, none reached MD.
    expect(travelled(ref).every((s) => s.status === 503)).toBe(true);
    expect(await linksOf(md, 'nrm-de', ref)).toEqual([]);
  });

  it('refuses a proposal that over-shares (outside MD’s agreement): 422 out-of-agreement, recorded on both sides', async () => {
    const narrower = {
      ...AGREEMENT,
      fields: {
        ...AGREEMENT.fields,
        return: AGREEMENT.fields.return.filter((f) => f !== 'person.givenName'),
      },
    };
    ok(
      await md.request('PATCH', '/api/partners/nrm-de', { as: 'admin', body: { agreement: narrower } }),
      200,
    );
    try {
      const casesBefore = await caseTotal(md);
      const caseId = await caseReadyForHandover(de);
      const { ref } = await propose(de, caseId);

      const line = await historyLine(de, caseId, 'DE to record the refusal', {
        kind: 'handover.proposed',
        outcome: 'rejected:out-of-agreement',
      });
      expect(travelled(ref).map((s) => s.status)).toEqual([422]);
      expect(await caseTotal(md)).toBe(casesBefore);
      expect(await linksOf(md, 'nrm-de', ref)).toEqual([]);
      const refused = await journalAbout(md, 'nrm-de', ref);
      expect(refused.map((e) => [e.type, e.data.messageId, e.data.outcome])).toEqual([
        ['CrossBorderMessageRefused', line.messageId, 'rejected:out-of-agreement'],
      ]);
      expect(refused[0].data.detail).toContain('person.givenName');
      // Both sides name the same signed message.
      expect(refused[0].data.digest).toBe(line.digest);
    } finally {
      ok(
        await md.request('PATCH', '/api/partners/nrm-de', { as: 'admin', body: { agreement: AGREEMENT } }),
        200,
      );
    }
  });

  it('keeps the proposal while MD is unreachable and delivers it once when MD is back', async () => {
    const bringBack = await takeOffline(md);
    let ref = '';
    let caseId = '';
    try {
      caseId = await caseReadyForHandover(de);
      ({ ref } = await propose(de, caseId));
      const waiting = await eventually('DE to fail twice to reach MD', async () =>
        queuedTo(de, 'nrm-md').find((m) => m.subject === ref && m.attempts >= 2),
      );
      expect(waiting.lastError).toMatch(/fetch failed|other side closed|ECONNREFUSED|socket/i);
      expect(await linksOf(md, 'nrm-de', ref)).toEqual([]);
      expect(await journalAbout(md, 'nrm-de', ref)).toEqual([]);
    } finally {
      await bringBack();
    }
    const mdCaseId = await originCaseOf(md, ref);
    expect(await handoverStatus(md, mdCaseId)).toBe('proposed');
    const line = await historyLine(de, caseId, 'DE to record the delivery', {
      kind: 'handover.proposed',
      outcome: 'accepted',
    });
    expect(line.attempts).toBeGreaterThanOrEqual(3);
    expect(await linksOf(md, 'nrm-de', ref)).toHaveLength(1);
    expect(await recordsOfMessage(md, 'nrm-de', line.messageId as string, 1)).toEqual([
      ['CrossBorderMessageReceived', 'accepted'],
    ]);
    expect(queuedTo(de, 'nrm-md').filter((m) => m.subject === ref)).toEqual([]);
  });
});

describe('witnessing: a partner whose history was rewritten is held until an admin releases it', () => {
  let nodes: TwoNodes;
  let md: NodeHarness;
  let de: NodeHarness;
  let deDir: string;

  beforeAll(async () => {
    nodes = await startTwoNodes(NODE_ENV);
    ({ de, md } = nodes);
    deDir = de.config.dataDir;
  }, 60000);
  afterAll(async () => {
    // DE was restarted on its data dir: the new harness does not own it.
    await md?.stop();
    await de?.stop();
    if (deDir) rmSync(deDir, { recursive: true, force: true });
  });

  it('holds DE on a rewritten checkpoint (503, held for admin and auditor, evidence in the log), then applies the retried message after release', async () => {
    const caseId = await caseReadyForHandover(de);
    const { handoverId, ref } = await propose(de, caseId);
    const mdCaseId = await originCaseOf(md, ref);
    await accept(md, mdCaseId, handoverId, de, caseId);
    const [proposal] = (await journalAbout(md, 'nrm-de', ref)).filter(
      (e) => e.type === 'CrossBorderMessageReceived',
    );
    const witnessed = proposal.data.checkpoint as { size: number; root: string };

    // DE rewrites the risk assessment it proposed on, and re-signs its whole log to cover it up.
    const restarted = await restartNode(
      de,
      {
        NRM_NODE_COUNTRY: 'DE',
        NRM_NODE_ID: 'nrm-de',
        NRM_PARTNER_RETRY_MS: '50',
        NRM_PARTNER_RETRY_MAX_MS: '400',
        ...NODE_ENV,
      },
      ROLES,
      (dir) =>
        rewriteHistory(
          dir,
          (e) => e.streamId === caseStreamId(caseId) && e.type === 'ReturnRiskAssessed',
          (data) => ({ ...data, level: 'high' }),
        ),
    );
    de = restarted.node;
    ok(
      await md.request('PATCH', '/api/partners/nrm-de', { as: 'admin', body: { endpoint: restarted.url } }),
      200,
    );
    // On its own, DE's log verifies; against what MD witnessed, it does not.
    expect(ok(await de.request('GET', '/api/audit/verify', { as: 'auditor' }), 200).body.valid).toBe(true);
    const known = `knownSize=${witnessed.size}&knownRoot=${witnessed.root}`;
    expect(ok(await de.request('GET', `/api/audit/verify?${known}`, { as: 'auditor' }), 200).body.valid).toBe(
      false,
    );

    await depart(de, caseId, handoverId);
    const waiting = await eventually('MD to answer the departure 503', async () =>
      queuedTo(de, 'nrm-md').find((m) => m.subject === ref && /HTTP 503/.test(m.lastError ?? '')),
    );
    expect(waiting.envelope.type).toBe('org.nrm.trm.return.travel-started');

    for (const role of ['admin', 'auditor']) {
      const listed = ok(await md.request('GET', '/api/partners', { as: role }), 200).body.items;
      expect(listed.find((p: { nodeId: string }) => p.nodeId === 'nrm-de')).toMatchObject({ status: 'held' });
    }
    const held = (await streamOf(md, 'partners')).filter((e) => e.type === 'PartnerHeld');
    expect(held).toHaveLength(1);
    const evidence = held[0].data as {
      reason: string;
      previous: SignedCheckpoint;
      presented: SignedCheckpoint;
    };
    expect(evidence).toMatchObject({
      nodeId: 'nrm-de',
      reason: 'rewritten',
      previous: { origin: 'nrm-de', size: witnessed.size, root: witnessed.root },
      presented: { origin: 'nrm-de', root: waiting.envelope.nrmcheckpoint.root },
    });
    // Both signed by DE: the two histories cannot be disowned.
    const deKey = (await identityOf(de)).publicKeyPem;
    expect(verifyCheckpoint(evidence.previous, deKey)).toBe(true);
    expect(verifyCheckpoint(evidence.presented, deKey)).toBe(true);
    expect(evidence.presented.size).toBeGreaterThan(witnessed.size);
    // The registry shows the same evidence to the admin deciding on a release (and to auditors).
    for (const role of ['admin', 'auditor'])
      expect(ok(await md.request('GET', '/api/partners/nrm-de', { as: role }), 200).body.hold).toEqual({
        reason: evidence.reason,
        detail: expect.any(String),
        previous: evidence.previous,
        presented: evidence.presented,
      });

    // Not applied while held.
    expect(await handoverStatus(md, mdCaseId)).toBe('accepted');
    expect(
      (await journalAbout(md, 'nrm-de', ref)).filter((e) => e.data.messageId === waiting.messageId),
    ).toEqual([]);

    // DE keeps working while MD investigates: its log grows past the checkpoint it was held on.
    ok(await de.request('POST', '/api/cases', { as: 'identification_officer', body: REGISTRATION }));
    const released = ok(
      await md.request('POST', '/api/partners/nrm-de/release', {
        as: 'admin',
        body: { reason: 'DE explained the correction; history accepted after investigation' },
      }),
    );
    expect(released.body.status).toBe('active');
    await reachesStatus(md, mdCaseId, 'in_transit');
    expect(await recordsOfMessage(md, 'nrm-de', waiting.messageId, 1)).toEqual([
      ['CrossBorderMessageReceived', 'accepted'],
    ]);
    const line = await historyLine(de, caseId, 'DE to record the delivery', {
      kind: 'return.travel-started',
      outcome: 'accepted',
    });
    expect(line.attempts).toBeGreaterThan(1);
    // Witnessing went on from the history the admin accepted: DE was not held a second time.
    expect((await streamOf(md, 'partners')).filter((e) => e.type === 'PartnerHeld')).toHaveLength(1);
    const after = ok(await md.request('GET', '/api/partners/nrm-de', { as: 'auditor' }), 200).body;
    expect(after.status).toBe('active');
    expect(after.hold).toBeUndefined();
  });
});

describeIfServer('KAFKA_BROKERS', 'cross-border handover with both nodes on Kafka', (brokers) => {
  jest.setTimeout(120_000);
  const prefix = `nrmtf${randomBytes(4).toString('hex')}`;
  let nodes: TwoNodes;

  beforeAll(async () => {
    nodes = await startTwoNodes({ ...NODE_ENV, KAFKA_BROKERS: brokers, NRM_KAFKA_TOPIC_PREFIX: prefix });
  }, 120_000);
  afterAll(async () => {
    await nodes?.stop();
    const admin = createKafka({ brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const topics = (await admin.listTopics()).filter((t) => t.startsWith(`${prefix}.`));
      if (topics.length) await admin.deleteTopics({ topics });
      const groups = (await admin.listGroups()).groups
        .map((g) => g.groupId)
        .filter((g) => g.startsWith(`${prefix}.`));
      if (groups.length) await admin.deleteGroups(groups).catch(() => undefined);
    } finally {
      await admin.disconnect();
    }
  }, 60_000);

  it('proposes, accepts and starts travel over Kafka topics; both histories agree', async () => {
    const { de, md } = nodes;
    const caseId = await caseReadyForHandover(de);
    const { handoverId, ref } = await propose(de, caseId);
    const mdCaseId = await originCaseOf(md, ref);
    expect(await handoverStatus(md, mdCaseId)).toBe('proposed');
    await accept(md, mdCaseId, handoverId, de, caseId);
    await depart(de, caseId, handoverId);
    await reachesStatus(md, mdCaseId, 'in_transit');

    const line = (m: HistoryLine) => `${m.messageId} ${m.kind} ${m.digest}`;
    const deLines = await eventually('DE to record its deliveries', async () => {
      const lines = (await historyOf(de, caseId)).filter((m) => m.messageId);
      return lines.length === 3 ? lines : undefined;
    });
    const mdLines = await eventually('MD to record the departure', async () => {
      const lines = (await historyOf(md, mdCaseId)).filter((m) => m.messageId);
      return lines.length === 3 ? lines : undefined;
    });
    expect(mdLines.map(line)).toEqual(deLines.map(line));
    expect(deLines.map((m) => `${m.kind} ${m.direction} ${m.outcome}`)).toEqual([
      'handover.proposed outgoing published',
      'handover.accepted incoming accepted',
      'return.travel-started outgoing published',
    ]);
    expect(mdLines.map((m) => `${m.kind} ${m.direction} ${m.outcome}`)).toEqual([
      'handover.proposed incoming accepted',
      'handover.accepted outgoing published',
      'return.travel-started incoming accepted',
    ]);
    expect(queuedTo(de, 'nrm-md')).toEqual([]);
  });
});
