import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  describePartnerTransportContract,
  eventually,
  plainTestEnvelope,
  plainTestPartner,
  RecordingInbox,
} from '../testing/partner-transport.contract';
import type { Partner } from '../registry/partner';
import { CLOUDEVENTS_JSON, PARTNER_INBOX_PATH } from './http-inbox-status';
import { HttpPartnerTransport, HttpPartnerTransportOptions } from './http-partner-transport';
import type { Delivery, InboxHandler } from './partner-transport.port';

const FAST = { initialMs: 10, maxMs: 100 };
const NOT_RECEIVING: InboxHandler = async () => ({
  outcome: 'unavailable',
  reason: 'A receives nothing here',
});

/** What the node's controller does: parse JSON, hand it to `receive`, answer its status, headers and body. */
function inboxServer(
  receive: (body: unknown) => Promise<{ status: number; body: unknown; headers: Record<string, string> }>,
) {
  return createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void (async () => {
        if (request.method !== 'POST' || request.url !== PARTNER_INBOX_PATH) {
          response.writeHead(404).end();
          return;
        }
        if (request.headers['content-type'] !== CLOUDEVENTS_JSON) {
          response.writeHead(415).end();
          return;
        }
        let body: unknown;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          response.writeHead(400).end();
          return;
        }
        const answer = await receive(body);
        response.writeHead(answer.status, answer.headers).end(JSON.stringify(answer.body));
      })();
    });
  });
}

function listen(server: Server, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function shut(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    // fetch keeps connections alive: without this, "offline" B would still answer on them.
    server.closeAllConnections();
  });
}

describePartnerTransportContract(
  'HTTP push (node:http server on an ephemeral port)',
  async ({ inboxB, onDeliveredA }) => {
    const dir = mkdtempSync(join(tmpdir(), 'http-partner-transport-'));
    const b = new HttpPartnerTransport({
      outboxFile: join(dir, 'b', 'outbox.sqlite'),
      resolvePartner: () => undefined,
    });
    await b.start(inboxB);
    const server = inboxServer((body) => b.receive(body));
    const port = await listen(server);
    const partnerB = plainTestPartner('node-b', `http://127.0.0.1:${port}`);
    let unlisted = false;
    const optionsA: HttpPartnerTransportOptions = {
      outboxFile: join(dir, 'a', 'outbox.sqlite'),
      resolvePartner: (nodeId) => (nodeId === partnerB.nodeId && !unlisted ? partnerB : undefined),
      backoff: FAST,
      requestTimeoutMs: 5000,
    };
    const openA = async () => {
      const a = new HttpPartnerTransport(optionsA);
      await a.start(NOT_RECEIVING, onDeliveredA);
      return a;
    };
    const pair = {
      a: await openA(),
      nodeIdA: 'node-a',
      partnerB,
      takeBOffline: () => shut(server),
      bringBOnline: async () => void (await listen(server, port)),
      settleWhileBOffline: (count: number) =>
        eventually(() => {
          const queued = (pair.a as HttpPartnerTransport).queued(partnerB.nodeId);
          return queued.length === count && queued[0].attempts >= 2;
        }, `A failed twice to reach offline B with ${count} queued`),
      restartA: async () => {
        await pair.a.close();
        pair.a = await openA();
        return pair.a;
      },
      setBUnlisted: (value: boolean) => void (unlisted = value),
      dispose: async () => {
        await pair.a.close();
        await b.close();
        await shut(server);
        rmSync(dir, { recursive: true, force: true });
      },
    };
    return pair;
  },
  { deliveryVerdicts: 'receiver' },
);

describe('HTTP partner transport', () => {
  let dir: string;
  let server: Server | undefined;
  const transports: HttpPartnerTransport[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'http-partner-transport-'));
  });
  afterEach(async () => {
    await Promise.all(transports.splice(0).map((t) => t.close()));
    if (server) await shut(server);
    server = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  const open = (options: Partial<HttpPartnerTransportOptions> = {}) => {
    const transport = new HttpPartnerTransport({
      outboxFile: join(dir, `outbox-${transports.length}.sqlite`),
      resolvePartner: () => undefined,
      backoff: FAST,
      ...options,
    });
    transports.push(transport);
    return transport;
  };

  it('answers 503 (retry later) before it is started and when the inbox throws, without its error text', async () => {
    const b = open();
    expect((await b.receive({})).status).toBe(503);
    await b.start(async () => {
      throw new Error('SQLITE_BUSY at /var/lib/nrm/events.sqlite');
    });
    const answer = await b.receive({ id: 'x' });
    expect(answer.status).toBe(503);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(answer.headers['retry-after']).toMatch(/^\d+$/);
    expect(JSON.stringify(answer.body)).not.toContain('SQLITE');
  });

  it('answers a rejection as 422 problem+json with the reason', async () => {
    const b = open();
    await b.start(async () => ({ outcome: 'rejected', reason: 'signature does not verify' }));
    const answer = await b.receive({ id: 'x' });
    expect(answer).toMatchObject({
      status: 422,
      headers: { 'content-type': 'application/problem+json' },
      body: { status: 422, outcome: 'rejected', reason: 'signature does not verify' },
    });
  });

  it('retries a request that timed out, and a partner whose endpoint changed is reached at the new one', async () => {
    const inbox = new RecordingInbox();
    const b = open();
    await b.start(inbox.handler);
    let hung = 0;
    server = inboxServer(async (body) => {
      // The first request never gets an answer: the sender must give up on it and try again.
      if (hung++ === 0) return new Promise(() => undefined);
      return b.receive(body);
    });
    const port = await listen(server);
    let partner: Partner = plainTestPartner('node-b', `http://127.0.0.1:1`);
    const deliveries: Delivery[] = [];
    const a = open({ resolvePartner: () => partner, requestTimeoutMs: 300 });
    await a.start(inbox.handler, (d) => void deliveries.push(d));
    const message = plainTestEnvelope('node-a', 'node-b', 'case-1');
    await a.send(partner, message);
    await eventually(() => (a.queued('node-b')[0]?.attempts ?? 0) >= 1, 'A tried the old endpoint');
    expect(a.queued('node-b')[0].lastError).toMatch(/127\.0\.0\.1:1/);
    partner = { ...partner, endpoint: `http://127.0.0.1:${port}/` };
    await eventually(() => deliveries.length === 1, 'the message was delivered');
    expect(hung).toBeGreaterThanOrEqual(2);
    expect(inbox.accepted).toEqual([message.id]);
    expect(deliveries[0].verdict).toEqual({ outcome: 'accepted' });
    expect(deliveries[0].attempts).toBeGreaterThanOrEqual(3);
  });

  it('keeps the queue of a partner missing from the registry, and sends it once told the partner is back', async () => {
    const inbox = new RecordingInbox();
    const b = open();
    await b.start(inbox.handler);
    server = inboxServer((body) => b.receive(body));
    const partner = plainTestPartner('node-b', `http://127.0.0.1:${await listen(server)}`);
    let listed = false;
    // Backoff long enough that only retryNow can explain a prompt delivery.
    const a = open({ resolvePartner: () => (listed ? partner : undefined), backoff: { initialMs: 600_000 } });
    await a.start(inbox.handler);
    const message = plainTestEnvelope('node-a', 'node-b', 'case-1');
    await a.send(partner, message);
    await eventually(() => (a.queued('node-b')[0]?.attempts ?? 0) === 1, 'A tried once');
    expect(a.queued('node-b')[0].lastError).toMatch(/not in the registry/);
    expect(await a.pending()).toEqual({ 'node-b': 1 });
    listed = true;
    a.retryNow('node-b');
    await eventually(() => inbox.accepted.length === 1, 'B accepted the message');
    await eventually(async () => Object.keys(await a.pending()).length === 0, 'nothing is pending');
  });

  it('refuses to queue for a removed partner or a partner the envelope is not addressed to', async () => {
    const a = open();
    const message = plainTestEnvelope('node-a', 'node-b', 'case-1');
    await expect(a.send({ ...plainTestPartner('node-b'), status: 'removed' }, message)).rejects.toThrow(
      /removed/,
    );
    await expect(a.send(plainTestPartner('node-c'), message)).rejects.toThrow(/addressed to node-b/);
    expect(await a.pending()).toEqual({});
  });
});
