import Database from 'better-sqlite3';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { sampleEvent } from '../testing/sample-events';
import { Ed25519Signer, signCheckpoint } from './checkpoint';
import { eventLeafHash } from './canonical-event';
import { integrityReaderFor } from './integrity-reader';
import { LogVerification, verifyLog } from './log-verifier';
import { leafHash, MerkleFrontier, merkleRoot } from './merkle';

const BATCH_SIZES = [1, 1, 3, 1, 5, 1, 2];
const CONTENT_COLUMNS = [
  'stream_id',
  'revision',
  'event_id',
  'type',
  'schema_version',
  'occurred_at',
  'recorded_at',
  'node_id',
  'actor',
  'correlation_id',
  'causation_id',
  'data',
  'personal',
];

describe('verifyLog on a tampered SQLite file', () => {
  let dir: string;
  let file: string;
  let signer: Ed25519Signer;
  /** First and last position of every append. */
  let appends: { first: number; last: number; streamId: string }[];
  let total: number;

  beforeAll(async () => {
    signer = Ed25519Signer.generate();
  });

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-verify-'));
    file = path.join(dir, 'events.db');
    const store = SqliteEventStore.open({ file, signer, origin: 'node.test' });
    appends = [];
    total = 0;
    for (let i = 0; total < 300; i++) {
      const streamId = `case-${i % 7}`;
      const size = BATCH_SIZES[i % BATCH_SIZES.length];
      const events = Array.from({ length: size }, (_, k) =>
        sampleEvent({
          type: `Case.Step${k}`,
          data: { append: i, k },
          personal:
            k === 0
              ? { subjectId: `s${i}`, keyVersion: 1, iv: 'aXY=', ciphertext: 'Y3Q=', tag: 'dGFn' }
              : undefined,
        }),
      );
      const { position } = await store.append(streamId, events, 'any');
      appends.push({ first: position - size + 1, last: position, streamId });
      total += size;
    }
    await store.close();
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function verify(): Promise<LogVerification> {
    const store = SqliteEventStore.open({ file });
    try {
      return await verifyLog(store, await store.listCheckpoints(), signer.publicKeyPem, {
        origin: 'node.test',
        pageSize: 64,
      });
    } finally {
      await store.close();
    }
  }

  function tamper(sql: (db: Database.Database) => void): void {
    const db = new Database(file);
    try {
      db.transaction(() => sql(db))();
    } finally {
      db.close();
    }
  }

  const single = (skip = 0) => appends.filter((a) => a.first === a.last)[10 + skip].first;
  const batch = () =>
    appends.find((a) => a.last - a.first >= 4 && a.first > 50) as { first: number; last: number };

  it('accepts an untampered log whose root matches an independent recomputation', async () => {
    const result = await verify();
    expect(result).toMatchObject({ valid: true, size: total, checkpointSize: total });

    const db = new Database(file, { readonly: true });
    const rows = db.prepare('SELECT * FROM events ORDER BY position').all() as Record<string, unknown>[];
    db.close();
    const leaves = rows.map((row) =>
      leafHash(
        Buffer.from(
          JSON.stringify(
            sortKeys({
              id: row.event_id,
              streamId: row.stream_id,
              revision: row.revision,
              type: row.type,
              schemaVersion: row.schema_version,
              occurredAt: row.occurred_at,
              recordedAt: row.recorded_at,
              nodeId: row.node_id,
              actor: JSON.parse(row.actor as string),
              correlationId: row.correlation_id,
              ...(row.causation_id ? { causationId: row.causation_id } : {}),
              data: JSON.parse(row.data as string),
              ...(row.personal ? { personal: JSON.parse(row.personal as string) } : {}),
            }),
          ),
        ),
      ),
    );
    expect(result.root).toBe(merkleRoot(leaves).toString('hex'));
    const store = SqliteEventStore.open({ file });
    expect((await store.latestCheckpoint())?.root).toBe(result.root);
    expect(store.treeHead()).toEqual({ size: total, root: result.root });
    await store.close();
  });

  it('reports a changed event data at its position', async () => {
    const target = single();
    tamper((db) => db.prepare(`UPDATE events SET data = '{"append":-1}' WHERE position = ?`).run(target));
    expect(await verify()).toMatchObject({
      valid: false,
      reason: 'changed',
      firstInvalidPosition: target,
      lastValidPosition: target - 1,
    });
  });

  it('reports a changed event inside a multi-event append at its own position', async () => {
    const { first } = batch();
    tamper((db) => db.prepare(`UPDATE events SET node_id = 'elsewhere' WHERE position = ?`).run(first + 2));
    expect(await verify()).toMatchObject({
      valid: false,
      reason: 'changed',
      firstInvalidPosition: first + 2,
    });
  });

  it('judges a stored JSON column by its meaning: the same data written non-canonically still verifies', async () => {
    const target = single();
    tamper((db) => {
      const { data } = db.prepare('SELECT data FROM events WHERE position = ?').get(target) as {
        data: string;
      };
      const reordered = JSON.stringify(
        Object.fromEntries(Object.entries(JSON.parse(data)).reverse()),
        null,
        1,
      );
      expect(reordered).not.toBe(data);
      db.prepare('UPDATE events SET data = ? WHERE position = ?').run(reordered, target);
    });
    expect(await verify()).toMatchObject({ valid: true, size: total });
  });

  it('reports a stored tree root of the last event that is not the root of the log', async () => {
    tamper((db) =>
      db.prepare('UPDATE events SET tree_root = ? WHERE position = ?').run(Buffer.alloc(32), total),
    );
    expect(await verify()).toMatchObject({
      valid: false,
      firstInvalidPosition: total,
      lastValidPosition: total - 1,
    });
  });

  it('reports a deleted row: the event after the gap is the first invalid one', async () => {
    const target = single();
    tamper((db) => db.prepare('DELETE FROM events WHERE position = ?').run(target));
    expect(await verify()).toMatchObject({
      valid: false,
      reason: 'removed',
      firstInvalidPosition: target + 1,
      lastValidPosition: target - 1,
      size: total - 1,
    });
  });

  it('reports a cut-off tail as removed', async () => {
    tamper((db) => db.prepare('DELETE FROM events WHERE position > ?').run(total - 3));
    const result = await verify();
    expect(result).toMatchObject({
      valid: false,
      reason: 'removed',
      lastValidPosition: total - 3,
      firstInvalidIndex: total - 3,
    });
    expect(result.firstInvalidPosition).toBeUndefined();
  });

  it('reports two rows whose contents were swapped as reordered', async () => {
    const [a, b] = [single(), single(3)];
    tamper((db) => swapRows(db, a, b, CONTENT_COLUMNS));
    expect(await verify()).toMatchObject({ valid: false, reason: 'reordered', firstInvalidPosition: a });
  });

  it('reports two rows swapped together with their stored hashes as reordered', async () => {
    const sameStream = appends.filter((x) => x.first === x.last && x.streamId === 'case-0');
    const [a, b] = [sameStream[2].first, sameStream[4].first];
    tamper((db) => swapRows(db, a, b, [...CONTENT_COLUMNS, 'leaf_hash', 'tree_root']));
    expect(await verify()).toMatchObject({ valid: false, reason: 'reordered', firstInvalidPosition: a });
  });

  it('pins a rewritten event even when its leaf hash and all later tree roots were recomputed', async () => {
    const target = single();
    tamper((db) => rewriteWithoutKey(db, target));
    const result = await verify();
    expect(result).toMatchObject({ valid: false, reason: 'changed', firstInvalidPosition: target });
    expect(result.detail).toMatch(/checkpoint/);
  });

  it('bounds a rewritten event inside a multi-event append to that append', async () => {
    const { first, last } = batch();
    tamper((db) => rewriteWithoutKey(db, first + 3));
    const result = await verify();
    expect(result).toMatchObject({ valid: false, reason: 'changed', firstInvalidPosition: first });
    expect(result.firstInvalidPosition).toBeLessThanOrEqual(last);
  });

  it('refuses a checkpoint signed by another key', async () => {
    const forger = Ed25519Signer.generate();
    tamper((db) => {
      const row = db.prepare('SELECT * FROM checkpoints WHERE size = ?').get(total) as { root: string };
      const forged = signCheckpoint({ origin: 'node.test', size: total, root: row.root }, forger);
      db.prepare('UPDATE checkpoints SET signature = ? WHERE size = ?').run(forged.signature, total);
    });
    expect(await verify()).toMatchObject({ valid: false, reason: 'bad-checkpoint-signature' });
  });

  it('reports two validly signed roots for one size as a checkpoint mismatch', async () => {
    const store = SqliteEventStore.open({ file });
    const checkpoints = await store.listCheckpoints();
    const other = signCheckpoint({ origin: 'node.test', size: 5, root: 'ab'.repeat(32) }, signer);
    const result = await verifyLog(store, [...checkpoints, other], signer.publicKeyPem);
    await store.close();
    expect(result).toMatchObject({ valid: false, reason: 'checkpoint-mismatch' });
  });

  it('verifies through readAll alone when an adapter stores no hashes, and still catches a change', async () => {
    const target = single();
    let store = SqliteEventStore.open({ file });
    const checkpoints = await store.listCheckpoints();
    expect(await verifyLog(integrityReaderFor(store), checkpoints, signer.publicKeyPem)).toMatchObject({
      valid: true,
    });
    await store.close();
    tamper((db) => db.prepare(`UPDATE events SET type = 'Case.Forged' WHERE position = ?`).run(target));
    store = SqliteEventStore.open({ file });
    const result = await verifyLog(integrityReaderFor(store), checkpoints, signer.publicKeyPem);
    await store.close();
    expect(result).toMatchObject({ valid: false, reason: 'changed', firstInvalidPosition: target });
  });

  it('keeps extending the same tree after the file is reopened', async () => {
    const store = SqliteEventStore.open({ file, signer, origin: 'node.test' });
    await store.append('case-after', [sampleEvent(), sampleEvent()], 'no_stream');
    await store.close();
    expect(await verify()).toMatchObject({ valid: true, size: total + 2, checkpointSize: total + 2 });
  });

  it('with requireSignedHead, refuses events appended without the node key', async () => {
    const unsigned = SqliteEventStore.open({ file }); // a writer that does not hold the node key
    await unsigned.append('case-intruder', [sampleEvent({ type: 'Case.Forged' })], 'no_stream');
    await unsigned.close();
    expect((await verify()).valid).toBe(true); // hashes alone cannot tell
    const store = SqliteEventStore.open({ file });
    try {
      const result = await verifyLog(store, await store.listCheckpoints(), signer.publicKeyPem, {
        origin: 'node.test',
        requireSignedHead: true,
      });
      expect(result).toMatchObject({
        valid: false,
        reason: 'unsigned-events',
        firstInvalidPosition: total + 1,
      });
    } finally {
      await store.close();
    }
  });

  it('with a tree head kept by the auditor, detects a tail cut off together with its checkpoints', async () => {
    const head = await verify();
    const db = new Database(file);
    db.prepare('DELETE FROM events WHERE position > ?').run(appends[appends.length - 2].last);
    db.prepare('DELETE FROM checkpoints WHERE size > ?').run(appends[appends.length - 2].last);
    db.close();
    expect((await verify()).valid).toBe(true); // a shorter honest-looking log
    const store = SqliteEventStore.open({ file });
    try {
      const result = await verifyLog(store, await store.listCheckpoints(), signer.publicKeyPem, {
        origin: 'node.test',
        trusted: [{ size: head.size, root: head.root }],
      });
      expect(result).toMatchObject({ valid: false, reason: 'removed' });
    } finally {
      await store.close();
    }
  });
});

/** What an intruder with write access but without the node key can do: rewrite and rehash. */
function rewriteWithoutKey(db: Database.Database, position: number): void {
  db.prepare(`UPDATE events SET data = '{"forged":true}' WHERE position = ?`).run(position);
  const rows = db.prepare('SELECT * FROM events ORDER BY position').all() as Record<string, unknown>[];
  const frontier = MerkleFrontier.empty();
  const update = db.prepare('UPDATE events SET leaf_hash = ?, tree_root = ? WHERE position = ?');
  for (const row of rows) {
    const leaf = eventLeafHash({
      id: row.event_id as string,
      streamId: row.stream_id as string,
      revision: row.revision as number,
      position: row.position as number,
      type: row.type as string,
      schemaVersion: row.schema_version as number,
      occurredAt: row.occurred_at as string,
      recordedAt: row.recorded_at as string,
      nodeId: row.node_id as string,
      actor: JSON.parse(row.actor as string),
      correlationId: row.correlation_id as string,
      data: JSON.parse(row.data as string),
      personal: row.personal ? JSON.parse(row.personal as string) : undefined,
    });
    frontier.append(leaf);
    if ((row.position as number) >= position) update.run(leaf, frontier.root(), row.position);
  }
}

function swapRows(db: Database.Database, a: number, b: number, columns: string[]): void {
  const read = db.prepare(`SELECT ${columns.join(', ')} FROM events WHERE position = ?`);
  const [rowA, rowB] = [read.get(a), read.get(b)] as Record<string, unknown>[];
  // Move both out of the way first: (stream_id, revision) and event_id are unique.
  const park = db.prepare(
    `UPDATE events SET event_id = ?, revision = -position, stream_id = 'parked' WHERE position = ?`,
  );
  park.run(`parked-${a}`, a);
  park.run(`parked-${b}`, b);
  const write = db.prepare(
    `UPDATE events SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE position = @position`,
  );
  write.run({ ...rowB, position: a });
  write.run({ ...rowA, position: b });
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
  );
}
