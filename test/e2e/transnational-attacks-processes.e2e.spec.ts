import type { Schema } from '@nrm/api-client';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fetchHistory, HistoryMessage } from '../../tools/demo-transnational/handover-history';
import { awaitArrival, HANDOVER_WALK, walk, WalkContext } from '../../tools/demo-transnational/handover-walk';
import { eventually, NodeClient } from '../../tools/demo-transnational/node-client';
import { createOperators, Credentials, registerPartner } from '../../tools/demo-transnational/partner-setup';
import { freePort, NodeProcess, startNodeProcess, stopProcess } from '../support/node-process';
import {
  impostor,
  NodeIdentity,
  postEnvelope,
  proposalFrom,
  RecordingProxy,
  startRecordingProxy,
  travelledThrough,
  withOneByteChanged,
} from '../support/partner-attacks';

/**
 * Issue "Partner nodes" (item 6): forged, replayed and unknown-sender messages, and consent withdrawn
 * midway, between two real node processes over HTTP. Every assertion goes through the nodes' HTTP
 * APIs, as an operator or auditor would check; the only other witness is the proxy DE's messages to
 * MD pass through, which keeps what travelled (real envelopes to tamper with and replay).
 */

const WAIT_MS = 45_000;
const step = (title: string) => {
  const found = HANDOVER_WALK.findIndex((s) => s.title.startsWith(title));
  if (found < 0) throw new Error(`the handover walk has no step "${title}"`);
  return found;
};
const PROPOSAL = step('propose the handover');
const ACCEPTANCE = step('accept the handover');

/** A record of the partner journal about a message (not a link opened). */
type JournalMessage = Schema<'JournalMessageRecord'>;
const isMessage = (record: Schema<'JournalRecord'>): record is JournalMessage =>
  record.type !== 'CrossBorderLinkOpened';

/** The case as `node`'s return officer reads it. */
const detailOf = (node: NodeClient, caseId: string): Promise<Schema<'CaseView'>> =>
  node.call('return_officer', (api) => api.GET('/api/cases/{id}', { params: { path: { id: caseId } } }));

describe('partner attacks between two node processes (HTTP transport)', () => {
  jest.setTimeout(120_000);
  const root = mkdtempSync(join(tmpdir(), 'nrm-attacks-'));
  const credentials: Credentials = {
    admin: { username: 'admin', password: 'attacks-admin-password' },
    operatorPassword: 'a long passphrase for two attacked nodes',
  };
  const processes: { de?: NodeProcess; md?: NodeProcess } = {};
  let de: NodeClient;
  let md: NodeClient;
  let mdIdentity: NodeIdentity;
  /** DE's registry names it as MD's endpoint: every envelope DE sends MD passes through it. */
  let proxy: RecordingProxy | undefined;

  function nodeEnv(country: string): Record<string, string> {
    const dataDir = join(root, country.toLowerCase());
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    return {
      // Blanks for what would switch a node away from its embedded store and HTTP transport.
      KAFKA_BROKERS: '',
      MONGO_URL: '',
      EVENTSTORE_URL: '',
      NRM_OIDC_ISSUER: '',
      NRM_OIDC_AUDIENCE: '',
      NRM_OIDC_JWKS_URL: '',
      NRM_NODE_COUNTRY: country,
      NRM_NODE_ID: `nrm-${country.toLowerCase()}`,
      NRM_DATA_DIR: dataDir,
      NRM_ADMIN_USERNAME: credentials.admin.username,
      NRM_ADMIN_PASSWORD: credentials.admin.password,
      NRM_PARTNER_RETRY_MS: '100',
      NRM_PARTNER_RETRY_MAX_MS: '1000',
      // The test, the proxy and the partner node all come from 127.0.0.1.
      NRM_API_RATE_LIMIT_PER_MINUTE: '100000',
      NRM_LOG_LEVEL: 'info',
    };
  }

  beforeAll(async () => {
    const ports = { de: await freePort(), md: await freePort() };
    const [deStarted, mdStarted] = await Promise.allSettled([
      startNodeProcess(nodeEnv('DE'), ports.de),
      startNodeProcess(nodeEnv('MD'), ports.md),
    ]);
    if (deStarted.status === 'fulfilled') processes.de = deStarted.value;
    if (mdStarted.status === 'fulfilled') processes.md = mdStarted.value;
    for (const started of [deStarted, mdStarted]) if (started.status === 'rejected') throw started.reason;
    const [deProcess, mdProcess] = [processes.de as NodeProcess, processes.md as NodeProcess];

    de = new NodeClient('DE', deProcess.baseUrl);
    md = new NodeClient('MD', mdProcess.baseUrl);
    await createOperators(de, 'DE', credentials);
    await createOperators(md, 'MD', credentials);
    await registerPartner(de, md);
    await registerPartner(md, de);
    mdIdentity = await md.call('admin', (api) => api.GET('/api/node/identity'), 200);
    proxy = await startRecordingProxy(mdProcess.baseUrl);
    const endpoint = proxy.url;
    await de.call(
      'admin',
      (api) =>
        api.PATCH('/api/partners/{nodeId}', { params: { path: { nodeId: 'nrm-md' } }, body: { endpoint } }),
      200,
    );
  }, 240_000);

  afterAll(async () => {
    try {
      await proxy?.close();
    } finally {
      const codes = await Promise.all(
        Object.values(processes).map((p) => (p ? stopProcess(p.child, 15_000) : null)),
      );
      rmSync(root, { recursive: true, force: true });
      // A node that does not stop cleanly is a finding too (its exit code is 0 after SIGTERM).
      expect(codes).toEqual(Object.values(processes).map(() => 0));
    }
  }, 60_000);

  afterEach(() => {
    if (proxy) proxy.holding = false;
  });

  /** The test's body; on failure, the end of both nodes' logs is added to the message. */
  async function withLogs(body: () => Promise<void>): Promise<void> {
    try {
      await body();
    } catch (error) {
      const tail = (p?: NodeProcess) =>
        p ? (p.output.out() + p.output.err()).trimEnd().split('\n').slice(-12).join('\n') : '(not started)';
      (error as Error).message += `\n--- DE log:\n${tail(processes.de)}\n--- MD log:\n${tail(processes.md)}`;
      throw error;
    }
  }

  const via = (): RecordingProxy => {
    if (!proxy) throw new Error('the recording proxy did not start');
    return proxy;
  };

  /** A new case in DE walked up to its proposal to MD; its shared reference as DE shows it. */
  async function proposedCase(): Promise<{ ctx: WalkContext; ref: string }> {
    const ctx: WalkContext = { de, md };
    await walk(HANDOVER_WALK.slice(0, PROPOSAL), ctx, { timeoutMs: WAIT_MS });
    await HANDOVER_WALK[PROPOSAL].act(ctx);
    const detail = await detailOf(de, ctx.deCaseId as string);
    const [handover] = detail.return.handovers;
    // A handover between nodes always has one; a local handover would not.
    if (!handover?.sharedCaseRef) throw new Error('the proposed handover has no shared reference');
    return { ctx, ref: handover.sharedCaseRef };
  }

  const caseIds = async (node: NodeClient): Promise<string[]> =>
    (
      await node.call('auditor', (api) => api.GET('/api/cases', { params: { query: { pageSize: 200 } } }))
    ).items
      .map((c) => c.caseId)
      .sort();

  /** The node's cases that hold this handover. */
  async function casesWithHandover(node: NodeClient, handoverId: string): Promise<string[]> {
    const holding = [];
    for (const caseId of await caseIds(node)) {
      const detail = await detailOf(node, caseId);
      if (detail.return.handovers.some((h) => h.handoverId === handoverId)) holding.push(caseId);
    }
    return holding;
  }

  /** Every record the node keeps about `partner`: links opened and messages. */
  const journalRecords = async (node: NodeClient, partner: string): Promise<Schema<'JournalRecord'>[]> =>
    (
      await node.call('auditor', (api) =>
        api.GET('/api/audit/partner-journal', { params: { query: { partner, limit: 1000 } } }),
      )
    ).items;
  /** The records about messages exchanged with `partner`. */
  const journal = async (node: NodeClient, partner: string): Promise<JournalMessage[]> =>
    (await journalRecords(node, partner)).filter(isMessage);

  const historyOf = async (node: NodeClient, caseId: string | undefined): Promise<HistoryMessage[]> =>
    (await fetchHistory(node, caseId as string)).messages;
  const lines = (messages: HistoryMessage[]) => messages.map((m) => `${m.kind} ${m.direction} ${m.outcome}`);

  /** The first attempt the proxy saw of `kind` about `ref` (with `status`, if given). */
  const captured = (ref: string, kind: 'handover.proposed', status?: number) =>
    eventually(
      `the proxy to see DE's ${kind}${status === undefined ? '' : ` answered ${status}`}`,
      async () => travelledThrough(via(), ref, kind).find((s) => status === undefined || s.status === status),
      {
        timeoutMs: WAIT_MS,
        lastSeen: () => JSON.stringify(travelledThrough(via(), ref).map((s) => [s.envelope.type, s.status])),
      },
    );

  it('refuses a forged signature (one byte of a real envelope changed, or another key claiming nrm-de): 422, nothing applied, both in the unauthenticated journal', async () => {
    await withLogs(async () => {
      const casesBefore = await caseIds(md);
      // DE's proposal is caught on the way: MD has not seen it when the forgeries arrive.
      via().holding = true;
      const { ctx, ref } = await proposedCase();
      const real = (await captured(ref, 'handover.proposed', 503)).envelope;

      const tampered = withOneByteChanged(real);
      expect(tampered.data.ct).not.toBe(real.data.ct);
      const forged = proposalFrom(impostor(mdIdentity, 'nrm-de'));
      for (const envelope of [tampered, forged]) {
        const answer = await postEnvelope(md.baseUrl, envelope);
        expect({ id: envelope.id, status: answer.status, body: answer.body }).toEqual({
          id: envelope.id,
          status: 422,
          body: expect.objectContaining({ outcome: 'rejected', reason: 'bad-signature' }),
        });
      }

      // Nothing applied: no case opened on MD, nothing recorded as coming from DE.
      expect(await caseIds(md)).toEqual(casesBefore);
      const fromDe = await journal(md, 'nrm-de');
      expect(fromDe.filter((e) => e.messageId === real.id || e.messageId === forged.id)).toEqual([]);
      // Both refusals recorded, under the sender each claimed, before any sender was believed.
      const refused = (await journal(md, 'unauthenticated')).filter(
        (e) => e.messageId === real.id || e.messageId === forged.id,
      );
      expect(refused).toEqual(
        [tampered, forged].map((e) =>
          expect.objectContaining({
            type: 'CrossBorderMessageRefused',
            messageId: e.id,
            claimedSender: 'nrm-de',
            direction: 'incoming',
            outcome: 'rejected:bad-signature',
          }),
        ),
      );

      // The forgery did not spend the real message's id: DE's retry is applied, and opens one case.
      via().holding = false;
      await awaitArrival(HANDOVER_WALK[PROPOSAL], ctx, WAIT_MS);
      expect(await caseIds(md)).toEqual([...casesBefore, ctx.mdCaseId].sort());
      const mdHistory = await historyOf(md, ctx.mdCaseId);
      expect(mdHistory).toEqual([
        expect.objectContaining({
          messageId: real.id,
          kind: 'handover.proposed',
          direction: 'incoming',
          outcome: 'accepted',
          replays: 0,
        }),
      ]);
    });
  });

  it('answers a replayed proposal 200 duplicate: one case on MD, the proposal once in its history with the replays counted, each in the journal', async () => {
    await withLogs(async () => {
      const casesBefore = await caseIds(md);
      const { ctx, ref } = await proposedCase();
      await awaitArrival(HANDOVER_WALK[PROPOSAL], ctx, WAIT_MS);
      const delivered = (await captured(ref, 'handover.proposed', 202)).envelope;

      const replays = 2;
      for (let i = 0; i < replays; i++) {
        const answer = await postEnvelope(md.baseUrl, delivered);
        expect({ status: answer.status, body: answer.body }).toEqual({
          status: 200,
          body: { outcome: 'duplicate' },
        });
      }
      // Should DE itself have retried after a lost answer, that retry is a duplicate too.
      const retriedByDe = travelledThrough(via(), ref, 'handover.proposed').filter(
        (s) => s.envelope.id === delivered.id && s.status === 200,
      ).length;

      // Applied once: one new case on MD, holding the handover, still awaiting its answer.
      expect(await caseIds(md)).toEqual([...casesBefore, ctx.mdCaseId].sort());
      expect(await casesWithHandover(md, ctx.handoverId as string)).toEqual([ctx.mdCaseId]);
      const detail = await detailOf(md, ctx.mdCaseId as string);
      expect(detail.return.handovers.map((h) => [h.handoverId, h.status])).toEqual([
        [ctx.handoverId, 'proposed'],
      ]);

      const proposals = (await historyOf(md, ctx.mdCaseId)).filter((m) => m.kind === 'handover.proposed');
      expect(proposals).toEqual([
        expect.objectContaining({
          messageId: delivered.id,
          outcome: 'accepted',
          replays: replays + retriedByDe,
        }),
      ]);
      expect(proposals[0].replays).toBeGreaterThanOrEqual(1);
      const records = (await journal(md, 'nrm-de')).filter((e) => e.messageId === delivered.id);
      expect(records.map((e) => [e.type, e.outcome])).toEqual([
        ['CrossBorderMessageReceived', 'accepted'],
        ...Array.from({ length: replays + retriedByDe }, () => ['CrossBorderMessageRefused', 'duplicate']),
      ]);
    });
  });

  it('refuses a message from a node MD does not know: 422 unknown-sender, in the unauthenticated journal, no case', async () => {
    await withLogs(async () => {
      const casesBefore = await caseIds(md);
      const parties = impostor(mdIdentity);
      const envelope = proposalFrom(parties);
      const answer = await postEnvelope(md.baseUrl, envelope);
      expect({ status: answer.status, body: answer.body }).toEqual({
        status: 422,
        body: expect.objectContaining({ outcome: 'rejected', reason: 'unknown-sender' }),
      });

      expect(await caseIds(md)).toEqual(casesBefore);
      expect((await journal(md, 'unauthenticated')).filter((e) => e.messageId === envelope.id)).toEqual([
        expect.objectContaining({
          type: 'CrossBorderMessageRefused',
          claimedSender: parties.from.nodeId,
          direction: 'incoming',
          outcome: 'rejected:unknown-sender',
        }),
      ]);
      // Nothing kept under the stranger's name: no link, no message.
      expect(await journalRecords(md, parties.from.nodeId)).toEqual([]);
    });
  });

  it('consent withdrawn after acceptance: MD restricts, DE withholds the departure, MD stays accepted and sends nothing more', async () => {
    await withLogs(async () => {
      const { ctx, ref } = await proposedCase();
      await awaitArrival(HANDOVER_WALK[PROPOSAL], ctx, WAIT_MS);
      await walk([HANDOVER_WALK[ACCEPTANCE]], ctx, { timeoutMs: WAIT_MS });

      await de.call(
        'identification_officer',
        (api) =>
          api.POST('/api/cases/{id}/consents', {
            params: { path: { id: ctx.deCaseId as string } },
            body: { purpose: 'data_sharing', recipient: 'MD', granted: false },
          }),
        201,
      );
      const restriction = await eventually(
        'MD to record the restriction DE asked for',
        async () => (await detailOf(md, ctx.mdCaseId as string)).return.restriction,
        { timeoutMs: WAIT_MS },
      );
      expect(restriction).toMatchObject({ byCountry: 'DE' });
      await eventually(
        'DE to record the restriction request as delivered',
        async () =>
          (await historyOf(de, ctx.deCaseId)).find(
            (m) => m.kind === 'consent.restriction-requested' && m.outcome === 'accepted',
          ),
        { timeoutMs: WAIT_MS },
      );

      await de.call(
        'return_officer',
        (api) =>
          api.POST('/api/cases/{id}/handovers/{handoverId}/departure', {
            params: { path: { id: ctx.deCaseId as string, handoverId: ctx.handoverId as string } },
            body: {},
          }),
        201,
      );
      const withheld = await eventually(
        'DE to withhold the departure',
        async () => (await historyOf(de, ctx.deCaseId)).find((m) => m.kind === 'return.travel-started'),
        { timeoutMs: WAIT_MS },
      );
      expect(withheld).toMatchObject({ outcome: 'withheld:consent-withdrawn', direction: 'outgoing' });
      expect(withheld.messageId).toBeUndefined();

      // Nothing about the departure travelled; MD's case is where the acceptance left it.
      expect(travelledThrough(via(), ref, 'return.travel-started')).toEqual([]);
      const detail = await detailOf(md, ctx.mdCaseId as string);
      expect(detail.return.handovers.map((h) => h.status)).toEqual(['accepted']);
      expect(lines(await historyOf(de, ctx.deCaseId))).toEqual([
        'handover.proposed outgoing accepted',
        'handover.accepted incoming accepted',
        'consent.restriction-requested outgoing accepted',
        'return.travel-started outgoing withheld:consent-withdrawn',
      ]);
      // Nor did anything more go back from MD: its last message is the acceptance.
      expect(lines(await historyOf(md, ctx.mdCaseId))).toEqual([
        'handover.proposed incoming accepted',
        'handover.accepted outgoing accepted',
        'consent.restriction-requested incoming accepted',
      ]);
      expect(
        (await journal(de, 'nrm-md'))
          .filter((e) => e.sharedCaseRef === ref && e.direction === 'incoming')
          .map((e) => [e.kind, e.outcome]),
      ).toEqual([['handover.accepted', 'accepted']]);
    });
  });
});
