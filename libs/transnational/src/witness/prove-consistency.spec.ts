import Database from 'better-sqlite3';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  Ed25519Signer,
  integrityReaderFor,
  IntegrityLogReader,
  leafHash,
  merkleRoot,
  signCheckpoint,
  SignedCheckpoint,
  verifyConsistency,
} from '@nrm/event-store/integrity';
import { SqliteEventStore } from '@nrm/event-store/sqlite/sqlite-event-store';
import { sampleEvents } from '@nrm/event-store/testing/sample-events';
import { proveConsistency } from './prove-consistency';
import { witnessCheckpoint } from './witness';

const ORIGIN = 'nrm-md';
const BATCHES = [1, 2, 1, 4, 3, 1, 7, 1, 2, 5, 1, 1, 8];

describe('proveConsistency on a real SQLite event store', () => {
  let dir: string;
  let file: string;
  let signer: Ed25519Signer;
  let store: SqliteEventStore;
  let checkpoints: SignedCheckpoint[];

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-trm-proof-'));
    file = path.join(dir, 'events.db');
    signer = Ed25519Signer.generate();
    store = SqliteEventStore.open({ file, signer, origin: ORIGIN });
    for (const [i, size] of BATCHES.entries()) await store.append(`case-${i % 3}`, sampleEvents(size), 'any');
    checkpoints = await store.listCheckpoints();
  });

  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Every pair of checkpoints the store signed, older first. */
  function pairs(): [SignedCheckpoint, SignedCheckpoint][] {
    return checkpoints.flatMap((a, i) =>
      checkpoints.slice(i + 1).map((b): [SignedCheckpoint, SignedCheckpoint] => [a, b]),
    );
  }

  it('proves that every signed checkpoint extends every earlier one, as a partner witnesses it', async () => {
    expect(checkpoints).toHaveLength(BATCHES.length);
    for (const [a, b] of pairs()) {
      const proof = await proveConsistency(store, a.size, b.size);
      const nodes = proof.map((p) => Buffer.from(p, 'hex'));
      expect(
        verifyConsistency(a.size, b.size, Buffer.from(a.root, 'hex'), Buffer.from(b.root, 'hex'), nodes),
      ).toBe(true);
      expect(witnessCheckpoint(a, b, { fromSize: a.size, proof }, signer.publicKeyPem, ORIGIN)).toEqual({
        status: 'extends',
      });
    }
  });

  it('reads the log page by page, and recomputes leaves where an adapter stores no hashes', async () => {
    const smallPages: IntegrityLogReader = {
      readIntegrity: (from, limit) => store.readIntegrity(from, Math.min(limit, 3)),
    };
    const noHashes = integrityReaderFor(store);
    const [a, b] = [checkpoints[4], checkpoints[checkpoints.length - 2]];
    const expected = await proveConsistency(store, a.size, b.size);
    expect(expected.length).toBeGreaterThan(0);
    expect(await proveConsistency(smallPages, a.size, b.size)).toEqual(expected);
    expect(await proveConsistency(noHashes, a.size, b.size)).toEqual(expected);
  });

  it('needs no proof from the empty log or to the same size', async () => {
    const head = checkpoints[checkpoints.length - 1];
    expect(await proveConsistency(store, 0, head.size)).toEqual([]);
    expect(await proveConsistency(store, head.size, head.size)).toEqual([]);
  });

  it('refuses sizes the log cannot prove', async () => {
    const size = checkpoints[checkpoints.length - 1].size;
    await expect(proveConsistency(store, 1, size + 1)).rejects.toThrow(/fewer than/);
    await expect(proveConsistency(store, 5, 4)).rejects.toThrow(RangeError);
    await expect(proveConsistency(store, -1, 4)).rejects.toThrow(RangeError);
  });

  it('cannot make a rewritten log look like an extension of what a partner already witnessed', async () => {
    const witnessed = checkpoints[5];
    await store.close();
    // The node (holding its own key) rewrites an event it already showed, re-hashes it and signs anew.
    const db = new Database(file);
    db.prepare('UPDATE events SET leaf_hash = ? WHERE position = ?').run(leafHash(Buffer.from('forged')), 2);
    const leaves = (
      db.prepare('SELECT leaf_hash FROM events ORDER BY position').all() as { leaf_hash: Buffer }[]
    ).map((row) => row.leaf_hash);
    db.close();
    store = SqliteEventStore.open({ file });
    const forged = signCheckpoint(
      { origin: ORIGIN, size: leaves.length, root: merkleRoot(leaves).toString('hex') },
      signer,
    );
    const proof = await proveConsistency(store, witnessed.size, forged.size);
    expect(
      witnessCheckpoint(witnessed, forged, { fromSize: witnessed.size, proof }, signer.publicKeyPem, ORIGIN),
    ).toMatchObject({
      status: 'rewritten',
    });
  });
});
