import { EVENT_STORE_FILE } from '@nrm/application/infrastructure/node-adapters';
import { PARTNER_TRANSPORT } from '@nrm/partner-bridge/bridge/partner-transport.provider';
import { canonicalJson } from '@nrm/common';
import {
  eventLeafHash,
  loadOrCreateNodeSigningKey,
  MerkleFrontier,
  signCheckpoint,
} from '@nrm/event-store/integrity';
import { EVENT_STORE, EventStore, StoredEvent } from '@nrm/event-store/port';
import { EventRow, rowToEvent } from '@nrm/event-store/sqlite/event-row';
import {
  CLOUDEVENTS_JSON,
  type CrossBorderEnvelope,
  type OutboxMessage,
  type OutboxPartnerTransport,
  TRM_TYPE_PREFIX,
  type TrmMessageKind,
} from '@nrm/transnational';
import { makeTestEnvelope, makeTestPartner, type TestPartnerNode } from '@nrm/transnational/testing';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ADMIN, NodeHarness, PASSWORD } from './node-harness';

/** What a partner node publishes about itself (GET /api/node/identity). */
export interface NodeIdentity {
  nodeId: string;
  country: string;
  publicKeyPem: string;
  encryptionKeyPem: string;
}

export const identityOf = async (node: NodeHarness): Promise<NodeIdentity> =>
  (await node.request('GET', '/api/node/identity', { as: 'admin' })).body;

/**
 * A node the test controls, with keys of its own, addressing the real node `to` (its payloads are
 * sealed to the real node's encryption key, so only the signature or the sender can give it away).
 * Pass `claims` to impersonate a registered node with another key.
 */
export function impostor(to: NodeIdentity, claims?: string): { from: TestPartnerNode; to: TestPartnerNode } {
  const from = makeTestPartner(claims ? { nodeId: claims } : {});
  const recipient = makeTestPartner({ nodeId: to.nodeId, country: to.country });
  recipient.partner = { ...recipient.partner, encryptionKeyPem: to.encryptionKeyPem };
  return { from, to: recipient };
}

/**
 * A handover proposal from `parties.from` (an `impostor`) to the real node: well-formed, sealed to that
 * node's key and within any agreement that shares the given name and the risk level, so only its
 * sender or its signature can give it away.
 */
export function proposalFrom(parties: { from: TestPartnerNode; to: TestPartnerNode }): CrossBorderEnvelope {
  return makeTestEnvelope(parties.from, parties.to, {
    payload: {
      handoverId: randomUUID(),
      responseDueAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
      presumedMinor: false,
      'person.givenName': 'Forged',
      'return.riskLevel': 'low',
    },
  });
}

/** The same envelope with one character of its ciphertext changed (a valid base64url character still). */
export function withOneByteChanged(envelope: CrossBorderEnvelope): CrossBorderEnvelope {
  const { ct } = envelope.data;
  const at = Math.floor(ct.length / 2);
  const changed = ct[at] === 'A' ? 'B' : 'A';
  return { ...envelope, data: { ...envelope.data, ct: ct.slice(0, at) + changed + ct.slice(at + 1) } };
}

/** POSTs an envelope to a node's partner inbox over HTTP, as any partner (or attacker) would. */
export async function postEnvelope(
  baseUrl: string,
  envelope: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${baseUrl}/api/partners/inbox`, {
    method: 'POST',
    headers: { 'content-type': CLOUDEVENTS_JSON },
    body: JSON.stringify(envelope),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** One stream of a node's own log (the bridge's journal: trm-<partner>, trm-unauthenticated; `partners`). */
export const streamOf = (node: NodeHarness, stream: string): Promise<StoredEvent[]> =>
  node.app.get<symbol, EventStore>(EVENT_STORE).readStream(stream);

/** The messages a node still holds for one partner, with their attempts and last error. */
export const queuedTo = (node: NodeHarness, recipientNodeId: string): OutboxMessage[] =>
  node.app.get<symbol, OutboxPartnerTransport>(PARTNER_TRANSPORT).queued(recipientNodeId);

/** A node-to-node hop the test can watch and stall: every envelope that went through is kept. */
export interface RecordingProxy {
  readonly url: string;
  /** Each envelope posted through it, in order, with the status its sender got (0: connection cut). */
  readonly seen: { envelope: CrossBorderEnvelope; status: number }[];
  /** While true, the proxy answers 503 itself and forwards nothing (the receiver looks busy). */
  holding: boolean;
  close(): Promise<void>;
}

/** What went through `proxy` about one shared case reference (of one message kind, e.g. "handover.proposed"). */
export const travelledThrough = (
  proxy: RecordingProxy,
  sharedCaseRef: string,
  kind?: TrmMessageKind,
): RecordingProxy['seen'] =>
  proxy.seen.filter(
    (s) => s.envelope.subject === sharedCaseRef && (!kind || s.envelope.type === `${TRM_TYPE_PREFIX}${kind}`),
  );

/** Starts a proxy on 127.0.0.1 that forwards every request to `target`; point a partner's endpoint at `url`. */
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const seen: RecordingProxy['seen'] = [];
  const proxy: { holding: boolean } = { holding: false };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      let envelope: CrossBorderEnvelope;
      try {
        envelope = JSON.parse(body) as CrossBorderEnvelope;
      } catch {
        envelope = { id: '(not JSON)' } as CrossBorderEnvelope;
      }
      if (proxy.holding) {
        seen.push({ envelope, status: 503 });
        res.writeHead(503, { 'content-type': 'application/problem+json' });
        res.end(JSON.stringify({ status: 503, outcome: 'unavailable', reason: 'the test proxy holds it' }));
        return;
      }
      try {
        const answer = await fetch(`${target}${req.url ?? ''}`, {
          method: req.method,
          headers: { 'content-type': String(req.headers['content-type'] ?? 'application/json') },
          body,
        });
        const text = await answer.text();
        seen.push({ envelope, status: answer.status });
        const headers: Record<string, string> = {
          'content-type': answer.headers.get('content-type') ?? 'application/json',
        };
        const retryAfter = answer.headers.get('retry-after');
        if (retryAfter) headers['retry-after'] = retryAfter;
        res.writeHead(answer.status, headers);
        res.end(text);
      } catch {
        // The receiver is unreachable: so is the proxy, as far as the sender can tell.
        seen.push({ envelope, status: 0 });
        req.socket.destroy();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(proxy, {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Closes a node's HTTP listener (open connections included): partners can no longer reach it, while
 * the test still drives it in-process. Returns how to bring it back on the same port.
 */
export async function takeOffline(node: NodeHarness): Promise<() => Promise<void>> {
  const server = node.app.getHttpServer() as Server;
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
  return () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
}

/**
 * What a node that rewrites its past does, and covers up: changes one stored event (`change` gets its
 * data, returns the new data), recomputes every leaf and tree root after it, and re-signs every
 * checkpoint with its own key, so that its log verifies on its own. Only a partner that kept an
 * earlier checkpoint can tell. The node must be stopped. Returns the position of the changed event.
 */
export function rewriteHistory(
  dataDir: string,
  pick: (event: StoredEvent) => boolean,
  change: (data: Record<string, unknown>) => Record<string, unknown>,
): number {
  const signer = loadOrCreateNodeSigningKey(dataDir);
  const db = new Database(join(dataDir, EVENT_STORE_FILE));
  try {
    return db.transaction(() => {
      const rows = db.prepare('SELECT * FROM events ORDER BY position').all() as EventRow[];
      const target = rows.find((row) => pick(rowToEvent(row)));
      if (!target) throw new Error('rewriteHistory: no event matches');
      target.data = canonicalJson(change(JSON.parse(target.data) as Record<string, unknown>));
      db.prepare('UPDATE events SET data = ? WHERE position = ?').run(target.data, target.position);

      const frontier = MerkleFrontier.empty();
      const roots: Buffer[] = [];
      const update = db.prepare('UPDATE events SET leaf_hash = ?, tree_root = ? WHERE position = ?');
      for (const row of rows) {
        const leaf = eventLeafHash(rowToEvent(row));
        frontier.append(leaf);
        roots.push(frontier.root());
        update.run(leaf, roots[roots.length - 1], row.position);
      }
      db.prepare('UPDATE merkle_frontier SET size = ?, nodes = ? WHERE id = 1').run(
        frontier.size,
        frontier.serialize(),
      );
      const checkpoints = db.prepare('SELECT size, origin FROM checkpoints').all() as {
        size: number;
        origin: string;
      }[];
      const resign = db.prepare('UPDATE checkpoints SET root = ?, signature = ?, key_id = ? WHERE size = ?');
      for (const { size, origin } of checkpoints) {
        const signed = signCheckpoint({ origin, size, root: roots[size - 1].toString('hex') }, signer);
        resign.run(signed.root, signed.signature, signed.keyId, size);
      }
      return target.position;
    })();
  } finally {
    db.close();
  }
}

/**
 * Stops a node's process and starts it again on the same data dir (a new port), logged in again
 * under the same role names. The caller removes the data dir when done (the new harness does not own it).
 */
export async function restartNode(
  node: NodeHarness,
  env: Record<string, string>,
  roles: string[],
  beforeStart?: (dataDir: string) => void,
): Promise<{ node: NodeHarness; url: string }> {
  const dataDir = node.config.dataDir;
  await node.app.close();
  beforeStart?.(dataDir);
  const again = await NodeHarness.start(env, dataDir);
  await again.app.listen(0, '127.0.0.1');
  const url = (await again.app.getUrl()).replace('[::1]', '127.0.0.1');
  again.tokens.set('admin', await again.login(ADMIN.username, ADMIN.password));
  for (const role of roles)
    again.tokens.set(role, await again.login(`${role.replace(/_/g, '-')}-user`, PASSWORD));
  return { node: again, url };
}
