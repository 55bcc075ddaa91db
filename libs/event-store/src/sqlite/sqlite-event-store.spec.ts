import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { eventLeafHash } from '../integrity/canonical-event';
import { Ed25519Signer, verifyCheckpoint } from '../integrity/checkpoint';
import { verifyLog } from '../integrity/log-verifier';
import { merkleRoot } from '../integrity/merkle';
import { DuplicateEventIdError } from '../port';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { sampleEvent, sampleEvents, waitUntil } from '../testing/sample-events';
import { SqliteEventStore } from './sqlite-event-store';

describeEventStoreContract('sqlite (temp file)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-es-contract-'));
  const store = SqliteEventStore.open({ file: path.join(dir, 'events.db'), pollIntervalMs: 20 });
  return {
    store,
    dispose: async () => {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SqliteEventStore', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-es-sqlite-'));
    file = path.join(dir, 'events.db');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('continues one Merkle tree when two connections (as two processes would) append to the same file', async () => {
    const signer = Ed25519Signer.generate();
    const a = SqliteEventStore.open({ file, signer, origin: 'node.test' });
    const b = SqliteEventStore.open({ file, signer, origin: 'node.test' });
    for (let i = 0; i < 20; i++) {
      await (i % 3 === 0 ? b : a).append(`s-${i % 4}`, sampleEvents(1 + (i % 3)), 'any');
    }
    const result = await verifyLog(a, await a.listCheckpoints(), signer.publicKeyPem);
    expect(result).toMatchObject({ valid: true, checkpointSize: result.size });
    const leaves = (await a.readAll({ limit: 1000 })).map(eventLeafHash);
    expect(result.root).toBe(merkleRoot(leaves).toString('hex'));
    expect(b.treeHead().size).toBeLessThanOrEqual(result.size);
    await Promise.all([a.close(), b.close()]);
  });

  it('wakes a subscription for appends made through another connection', async () => {
    const writer = SqliteEventStore.open({ file });
    const reader = SqliteEventStore.open({ file, pollIntervalMs: 10 });
    const seen: string[] = [];
    const subscription = reader.subscribeToAll((e) => void seen.push(e.id));
    const event = sampleEvent();
    await writer.append('s', [event], 'no_stream');
    await waitUntil(() => seen.length === 1, 'the other connection append was delivered');
    expect(seen).toEqual([event.id]);
    await subscription.stop();
    await Promise.all([writer.close(), reader.close()]);
  });

  it('stores one signed checkpoint per append, and none without a signer', async () => {
    const signer = Ed25519Signer.generate();
    const signed = SqliteEventStore.open({ file, signer, origin: 'node.test' });
    await signed.append('s', sampleEvents(3), 'no_stream');
    await signed.append('s', [], 'any');
    await signed.append('t', sampleEvents(2), 'no_stream');
    const checkpoints = await signed.listCheckpoints();
    expect(checkpoints.map((c) => c.size)).toEqual([3, 5]);
    expect(
      checkpoints.every((c) => verifyCheckpoint(c, signer.publicKeyPem) && c.origin === 'node.test'),
    ).toBe(true);
    expect(await signed.latestCheckpoint()).toEqual(checkpoints[1]);
    await signed.close();

    const unsigned = SqliteEventStore.open({ file: path.join(dir, 'other.db') });
    await unsigned.append('s', sampleEvents(2), 'no_stream');
    expect(await unsigned.listCheckpoints()).toEqual([]);
    expect(await unsigned.latestCheckpoint()).toBeUndefined();
    await unsigned.close();
  });

  it('never reuses a position, even after the last row was removed', async () => {
    let store = SqliteEventStore.open({ file });
    await store.append('s', sampleEvents(3), 'no_stream');
    await store.close();
    const db = new Database(file);
    db.prepare('DELETE FROM events WHERE position = 3').run();
    db.close();
    store = SqliteEventStore.open({ file });
    const { position } = await store.append('t', [sampleEvent()], 'no_stream');
    expect(position).toBe(4);
    await store.close();
  });

  it('refuses an event id used in another stream, and writes nothing of that append', async () => {
    const store = SqliteEventStore.open({ file });
    const event = sampleEvent();
    await store.append('s', [event], 'no_stream');
    await expect(store.append('t', [sampleEvent(), { ...event }], 'any')).rejects.toBeInstanceOf(
      DuplicateEventIdError,
    );
    expect(await store.readStream('t')).toEqual([]);
    expect(await store.headPosition()).toBe(1);
    expect(store.treeHead().size).toBe(1);
    await store.close();
  });

  it('keeps what was appended across a reopen, byte for byte', async () => {
    const event = sampleEvent({
      personal: { subjectId: 'x', keyVersion: 1, iv: 'aQ==', ciphertext: 'Yw==', tag: 'dA==' },
    });
    let store = SqliteEventStore.open({ file });
    await store.append('s', [event], 'no_stream');
    const before = await store.readAll();
    await store.close();
    store = SqliteEventStore.open({ file });
    expect(await store.readAll()).toStrictEqual(before);
    await store.close();
  });

  it('works in memory, refuses malformed input, and refuses calls after close', async () => {
    const store = SqliteEventStore.open({ file: ':memory:' });
    await expect(store.append('', [sampleEvent()], 'any')).rejects.toThrow(TypeError);
    await expect(store.append('s', [sampleEvent()], -1)).rejects.toThrow(TypeError);
    await expect(store.append('s', [{ ...sampleEvent(), type: '' }], 'any')).rejects.toThrow(TypeError);
    await expect(store.readAll({ limit: 0 })).rejects.toThrow(RangeError);
    await store.append('s', [sampleEvent()], 'no_stream');
    expect(await store.headPosition()).toBe(1);
    await store.close();
    await store.close();
    await expect(store.readAll()).rejects.toThrow(/closed/);
  });

  it('stops its subscriptions when closed', async () => {
    const store = SqliteEventStore.open({ file });
    let calls = 0;
    store.subscribeToAll(() => void calls++);
    await store.append('s', [sampleEvent()], 'no_stream');
    await waitUntil(() => calls === 1, 'delivered');
    await store.close();
    expect(calls).toBe(1);
  });
});
