import Database from 'better-sqlite3';
import { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  compareHistories,
  fetchHistory,
  HistoryMessage,
  NodeHistory,
  renderHistories,
} from '../../tools/demo-transnational/handover-history';
import {
  awaitArrival,
  EXPECTED_KINDS,
  HANDOVER_WALK,
  walk,
  WalkContext,
} from '../../tools/demo-transnational/handover-walk';
import { eventually, NodeClient } from '../../tools/demo-transnational/node-client';
import { createOperators, Credentials, registerPartner } from '../../tools/demo-transnational/partner-setup';
import {
  collect,
  exitOf,
  freePort,
  NodeProcess,
  runTs,
  startNodeProcess,
  stopProcess,
} from '../support/node-process';

/** Issue "Partner nodes": the handover between two real node processes, as operators run them. */
describe('cross-border handover between two node processes', () => {
  jest.setTimeout(300_000);
  const WAIT_MS = 90_000;
  const running = new Set<ChildProcess>();
  afterEach(async () => {
    await Promise.all([...running].map((child) => stopProcess(child, 10_000)));
    running.clear();
  });

  /** The demo's output, with what the test needs from it. */
  async function runDemo(
    args: string[],
    whileRunning?: (demo: ChildProcess, out: () => string) => Promise<void>,
  ) {
    const demo = runTs('tools/demo-transnational/main.ts', args, {});
    running.add(demo);
    const output = collect(demo);
    await whileRunning?.(demo, output.out);
    const code = await exitOf(demo);
    running.delete(demo);
    const out = output.out();
    return {
      code,
      out,
      err: output.err(),
      dataDirs: [...out.matchAll(/data in (\S+)/g)].map((m) => m[1]),
      ports: [...out.matchAll(/on http:\/\/127\.0\.0\.1:(\d+)/g)].map((m) => Number(m[1])),
    };
  }

  const listening = (port: number) =>
    new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => resolve(!!socket.destroy()));
      socket.once('error', () => resolve(false));
    });

  it('npm run demo:transnational walks a case across two processes, both histories agree, exit 0', async () => {
    const demo = await runDemo(['--timeout', '120']);
    if (demo.code !== 0) throw new Error(`the demo exited with ${demo.code}:\n${demo.out}\n${demo.err}`);

    // The table: one row per message, DE's columns | MD's columns | agree.
    const rows = [...demo.out.matchAll(/^\s*\d+ \| (.+?) \| (.+?) \| (yes|NO)\s*$/gm)].map((m) => ({
      de: m[1].trim().split(/\s+/),
      md: m[2].trim().split(/\s+/),
      agree: m[3],
    }));
    expect(rows.map((r) => r.de[1])).toEqual(EXPECTED_KINDS);
    for (const { de, md, agree } of rows) {
      const [deId, deKind, deDir, deDigest, deOutcome] = de;
      const [mdId, mdKind, mdDir, mdDigest, mdOutcome] = md;
      expect({ mdId, mdKind, mdDigest, agree }).toEqual({
        mdId: deId,
        mdKind: deKind,
        mdDigest: deDigest,
        agree: 'yes',
      });
      expect([deDir, mdDir].sort()).toEqual(['in', 'out']);
      expect([deOutcome, mdOutcome]).toEqual(['accepted', 'accepted']);
    }
    expect(new Set(rows.map((r) => r.de[0])).size).toBe(EXPECTED_KINDS.length);
    expect(demo.out).toContain('DE and MD agree: 7 messages');

    // Both processes stopped, the temporary directory removed.
    expect(demo.ports).toHaveLength(2);
    for (const port of demo.ports)
      expect({ port, listening: await listening(port) }).toEqual({ port, listening: false });
    expect(demo.dataDirs).toHaveLength(2);
    for (const dir of demo.dataDirs) expect({ dir, exists: existsSync(dir) }).toEqual({ dir, exists: false });
  });

  it('interrupted (SIGINT) mid-walk, the demo stops both nodes, removes its directory and exits 130', async () => {
    const demo = await runDemo(['--timeout', '120'], async (child, out) => {
      await eventually('the demo to start walking', async () => (/ 1\/13 /.test(out()) ? true : undefined), {
        timeoutMs: 180_000,
      });
      child.kill('SIGINT');
    });
    expect({ code: demo.code, err: demo.err }).toEqual({ code: 130, err: expect.stringContaining('SIGINT') });
    expect(demo.out).not.toContain('agree');
    for (const port of demo.ports)
      expect({ port, listening: await listening(port) }).toEqual({ port, listening: false });
    for (const dir of demo.dataDirs) expect({ dir, exists: existsSync(dir) }).toEqual({ dir, exists: false });
  });

  describe('the receiving node down during the handover and back later', () => {
    const root = mkdtempSync(join(tmpdir(), 'nrm-processes-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    const credentials: Credentials = {
      admin: { username: 'admin', password: 'processes-admin-password' },
      operatorPassword: 'a long passphrase for two nodes',
    };

    function nodeEnv(country: string): Record<string, string> {
      const dataDir = join(root, country.toLowerCase());
      mkdirSync(dataDir, { recursive: true, mode: 0o700 });
      return {
        NRM_NODE_COUNTRY: country,
        NRM_NODE_ID: `nrm-${country.toLowerCase()}`,
        NRM_DATA_DIR: dataDir,
        NRM_ADMIN_USERNAME: credentials.admin.username,
        NRM_ADMIN_PASSWORD: credentials.admin.password,
        NRM_PARTNER_RETRY_MS: '100',
        NRM_PARTNER_RETRY_MAX_MS: '1000',
        // The test's polling and the partner node all come from 127.0.0.1.
        NRM_API_RATE_LIMIT_PER_MINUTE: '6000',
        NRM_LOG_LEVEL: 'info',
      };
    }

    async function start(env: Record<string, string>, port: number): Promise<NodeProcess> {
      const node = await startNodeProcess(env, port);
      running.add(node.child);
      return node;
    }

    /** DE's outbox as the node keeps it on disk (read-only: the running node owns the file). */
    function outboxOf(
      dataDir: string,
    ): { message_id: string; recipient: string; attempts: number; type: string }[] {
      const db = new Database(join(dataDir, 'partner-outbox.sqlite'), {
        readonly: true,
        fileMustExist: true,
      });
      try {
        return db
          .prepare(
            "SELECT message_id, recipient, attempts, json_extract(envelope, '$.type') AS type FROM outbox ORDER BY seq",
          )
          .all() as { message_id: string; recipient: string; attempts: number; type: string }[];
      } finally {
        db.close();
      }
    }

    const delivered = (h: NodeHistory): HistoryMessage[] => h.messages.filter((m) => m.messageId);

    it('keeps the proposal in DE’s outbox, delivers it exactly once when MD is back, and the walk goes on', async () => {
      const deEnv = nodeEnv('DE');
      const mdEnv = nodeEnv('MD');
      const ports = { de: await freePort(), md: await freePort() };
      const [deProcess, firstMd] = await Promise.all([start(deEnv, ports.de), start(mdEnv, ports.md)]);
      let mdProcess = firstMd;
      const logsOnFailure = async <T>(body: () => Promise<T>): Promise<T> => {
        try {
          return await body();
        } catch (error) {
          const tail = (p: NodeProcess) => p.output.out().trimEnd().split('\n').slice(-15).join('\n');
          (error as Error).message += `\n--- DE log:\n${tail(deProcess)}\n--- MD log:\n${tail(mdProcess)}`;
          throw error;
        }
      };

      await logsOnFailure(async () => {
        const ctx: WalkContext = {
          de: new NodeClient('DE', deProcess.baseUrl),
          md: new NodeClient('MD', mdProcess.baseUrl),
        };
        await createOperators(ctx.de, 'DE', credentials);
        await createOperators(ctx.md, 'MD', credentials);
        await registerPartner(ctx.de, ctx.md);
        await registerPartner(ctx.md, ctx.de);
        const proposalAt = HANDOVER_WALK.findIndex((s) => s.title.startsWith('propose the handover'));
        await walk(HANDOVER_WALK.slice(0, proposalAt), ctx, { timeoutMs: WAIT_MS });

        // MD goes down; DE proposes the handover all the same.
        expect(await stopProcess(mdProcess.child)).toBe(0);
        running.delete(mdProcess.child);
        expect(await listening(ports.md)).toBe(false);
        await HANDOVER_WALK[proposalAt].act(ctx);

        // DE's outbox keeps the message and retries it; nothing is delivered, nothing answered.
        const queued = await eventually(
          'DE to retry the proposal while MD is down',
          async () => {
            const rows = outboxOf(deEnv.NRM_DATA_DIR);
            return rows.length === 1 && rows[0].attempts >= 2 ? rows : undefined;
          },
          { timeoutMs: WAIT_MS, lastSeen: () => JSON.stringify(outboxOf(deEnv.NRM_DATA_DIR)) },
        );
        expect(queued[0]).toMatchObject({
          recipient: 'nrm-md',
          type: expect.stringMatching(/handover\.proposed$/),
        });
        const deCase = await ctx.de.call('return_officer', (api) =>
          api.GET('/api/cases/{id}', { params: { path: { id: ctx.deCaseId as string } } }),
        );
        expect(deCase.return.handovers).toEqual([
          expect.objectContaining({ handoverId: ctx.handoverId, status: 'proposed' }),
        ]);
        const deWhileDown = await fetchHistory(ctx.de, ctx.deCaseId as string);
        expect({ partner: deWhileDown.partnerNodeId, delivered: delivered(deWhileDown) }).toEqual({
          partner: 'nrm-md',
          delivered: [],
        });

        // MD comes back on the same data directory and port: the proposal arrives, once.
        mdProcess = await start(mdEnv, ports.md);
        await awaitArrival(HANDOVER_WALK[proposalAt], ctx, WAIT_MS);
        await eventually(
          'DE to record the proposal as delivered',
          async () => {
            const h = await fetchHistory(ctx.de, ctx.deCaseId as string);
            return delivered(h).length === 1 && outboxOf(deEnv.NRM_DATA_DIR).length === 0 ? h : undefined;
          },
          { timeoutMs: WAIT_MS },
        );
        const mdCases = await ctx.md.call('return_officer', (api) => api.GET('/api/cases'));
        expect(mdCases.items.map((c) => c.caseId)).toEqual([ctx.mdCaseId]);
        const mdCase = await ctx.md.call('return_officer', (api) =>
          api.GET('/api/cases/{id}', { params: { path: { id: ctx.mdCaseId as string } } }),
        );
        expect(mdCase.return.handovers.map((h) => h.handoverId)).toEqual([ctx.handoverId]);
        const mdAfter = await fetchHistory(ctx.md, ctx.mdCaseId as string);
        expect(delivered(mdAfter)).toEqual([
          expect.objectContaining({
            messageId: queued[0].message_id,
            kind: 'handover.proposed',
            direction: 'incoming',
            outcome: 'accepted',
            replays: 0,
          }),
        ]);

        // The rest of the walk, to reintegration in MD; both histories then tell the same story.
        await walk(HANDOVER_WALK.slice(proposalAt + 1), ctx, { timeoutMs: WAIT_MS });
        let last = '';
        const agreed = await eventually(
          'both nodes to hold the same seven messages, each accepted',
          async () => {
            const [de, md] = await Promise.all([
              fetchHistory(ctx.de, ctx.deCaseId as string),
              fetchHistory(ctx.md, ctx.mdCaseId as string),
            ]);
            const comparison = compareHistories(de, md, EXPECTED_KINDS);
            last = renderHistories(de, md, comparison);
            return comparison.agree ? { de, md } : undefined;
          },
          { timeoutMs: WAIT_MS, lastSeen: () => `\n${last}` },
        );
        expect(agreed.md.messages.map((m) => [m.kind, m.replays])).toEqual(EXPECTED_KINDS.map((k) => [k, 0]));
        expect(agreed.de.messages.map((m) => m.messageId)).toEqual(
          agreed.md.messages.map((m) => m.messageId),
        );
      });

      expect(await stopProcess(deProcess.child)).toBe(0);
      expect(await stopProcess(mdProcess.child)).toBe(0);
    });
  });
});

describe('comparing two handover histories', () => {
  const message = (over: Partial<HistoryMessage>): HistoryMessage => ({
    messageId: 'aaaaaaaa-0000-5000-8000-000000000001',
    kind: 'handover.proposed',
    direction: 'outgoing',
    digest: 'd1'.repeat(32),
    outcome: 'accepted',
    recordedAt: '2025-01-06T09:00:00.000Z',
    replays: 0,
    ...over,
  });
  const de = (...messages: HistoryMessage[]): NodeHistory => ({ label: 'DE', messages });
  const md = (...messages: HistoryMessage[]): NodeHistory => ({ label: 'MD', messages });
  const incoming = (over: Partial<HistoryMessage> = {}) => message({ direction: 'incoming', ...over });

  it('agrees on the same message sent by one node and accepted by the other', () => {
    const comparison = compareHistories(de(message({})), md(incoming()), ['handover.proposed']);
    expect(comparison).toMatchObject({ agree: true, problems: [] });
    expect(renderHistories(de(message({})), md(incoming()), comparison)).toContain(
      'DE and MD agree: 1 messages, same ids, kinds and digests',
    );
  });

  it('names each difference: digest, missing message, refusal, withheld message, unexpected kinds', () => {
    expect(compareHistories(de(message({})), md(incoming({ digest: 'ee'.repeat(32) }))).problems).toEqual([
      expect.stringMatching(/digest d1d1.* on DE, eeee.* on MD/),
    ]);
    expect(compareHistories(de(message({})), md()).problems).toEqual([
      expect.stringMatching(/handover\.proposed: only on DE \(outgoing, accepted\)/),
    ]);
    expect(
      compareHistories(de(message({ outcome: 'rejected:bad-signature' })), md(incoming())).problems,
    ).toEqual([expect.stringMatching(/rejected:bad-signature on DE/)]);
    expect(
      compareHistories(de(message({ messageId: undefined, outcome: 'withheld:no-consent' })), md()).problems,
    ).toEqual(['DE recorded handover.proposed without sending it: withheld:no-consent']);
    expect(
      compareHistories(de(message({})), md(incoming()), ['handover.proposed', 'handover.accepted']).agree,
    ).toBe(false);
    const differing = compareHistories(de(message({})), md(incoming({ outcome: 'duplicate' })));
    expect(renderHistories(de(message({})), md(incoming()), differing)).toMatch(
      /\| NO\n[\s\S]*DE and MD DIFFER:\n {2}- /,
    );
  });
});
