import { spawn } from 'node:child_process';
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Ed25519Signer, verifyCheckpoint } from '../integrity/checkpoint';
import { verifyLog } from '../integrity/log-verifier';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../port';
import { sampleEvent } from '../testing/sample-events';
import { SqliteEventStore } from './sqlite-event-store';

describe.each(['thread', 'inline'] as const)('SqliteEventStore group commit (%s writer)', (writer) => {
  let dir: string;
  let store: SqliteEventStore;
  const signer = Ed25519Signer.generate();
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-group-'));
    store = SqliteEventStore.open({ file: path.join(dir, 'events.db'), signer, origin: 'node.test', writer });
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('commits appends that arrive together in one transaction with one signed checkpoint', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        store.append(`s-${i}`, [sampleEvent(), sampleEvent()], 'no_stream'),
      ),
    );
    expect(results.map((r) => r.nextRevision)).toEqual(Array(40).fill(1));
    // Each append's events are contiguous, in the order the appends arrived.
    expect(results.map((r) => r.position)).toEqual(Array.from({ length: 40 }, (_, i) => 2 * i + 2));
    const checkpoints = await store.listCheckpoints();
    expect(checkpoints.map((c) => c.size)).toEqual([80]);
    expect(verifyCheckpoint(checkpoints[0], signer.publicKeyPem)).toBe(true);
    expect(store.treeHead()).toEqual({ size: 80, root: checkpoints[0].root });
    expect(await verifyLog(store, checkpoints, signer.publicKeyPem, { origin: 'node.test' })).toMatchObject({
      valid: true,
      size: 80,
    });
  });

  it('refuses only the append whose expected revision is stale; the others of its batch commit', async () => {
    await store.append('case-a', [sampleEvent()], 'no_stream');
    const answers = await Promise.allSettled([
      store.append('case-a', [sampleEvent()], 0),
      store.append('case-a', [sampleEvent()], 0), // decided on the same revision: a conflict
      store.append('case-b', [sampleEvent()], 'no_stream'),
    ]);
    expect(answers.map((a) => a.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const refused = (answers[1] as PromiseRejectedResult).reason as WrongExpectedRevisionError;
    expect(refused).toBeInstanceOf(WrongExpectedRevisionError);
    expect(refused).toMatchObject({ streamId: 'case-a', expected: 0, actual: 1 });
    expect((await store.readStream('case-a')).map((e) => e.revision)).toEqual([0, 1]);
    expect(await store.readStream('case-b')).toHaveLength(1);
    expect(await store.headPosition()).toBe(3);
  });

  it('undoes the whole of an append with a duplicate event id, and nothing else', async () => {
    const first = sampleEvent();
    await store.append('s', [first], 'any');
    const answers = await Promise.allSettled([
      store.append('t', [sampleEvent(), { ...first }], 'any'),
      store.append('u', [sampleEvent()], 'any'),
    ]);
    expect((answers[0] as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateEventIdError);
    expect(answers[1].status).toBe('fulfilled');
    expect(await store.readStream('t')).toEqual([]);
    const events = await store.readAll();
    expect(events.map((e) => e.streamId)).toEqual(['s', 'u']);
    expect(events.map((e) => e.position)).toEqual([1, 2]);
    const checkpoints = await store.listCheckpoints();
    expect(await verifyLog(store, checkpoints, signer.publicKeyPem, { origin: 'node.test' })).toMatchObject({
      valid: true,
      size: 2,
    });
  });

  it('answers every append before it closes', async () => {
    const pending = Array.from({ length: 10 }, () => store.append('s', [sampleEvent()], 'any'));
    await store.close();
    expect((await Promise.all(pending)).map((r) => r.nextRevision)).toEqual([...Array(10).keys()]);
    store = SqliteEventStore.open({ file: path.join(dir, 'events.db'), signer, origin: 'node.test', writer });
    expect(await store.headPosition()).toBe(10);
  });
});

describe('SqliteEventStore writer thread', () => {
  it('leaves the event loop free while a large batch is committed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-thread-'));
    const store = SqliteEventStore.open({
      file: path.join(dir, 'events.db'),
      signer: Ed25519Signer.generate(),
    });
    try {
      const order: string[] = [];
      const appended = store
        .append(
          'big',
          Array.from({ length: 5000 }, () => sampleEvent()),
          'no_stream',
        )
        .then(() => order.push('committed'));
      setImmediate(() => order.push('event loop turned'));
      await appended;
      // An inline commit would finish before the loop turns (it runs in a microtask).
      expect(order).toEqual(['event loop turned', 'committed']);
    } finally {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SqliteEventStore left open', () => {
  it('does not keep its process alive: a CLI or a failed start that never closes it still ends', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-left-open-'));
    let child: ReturnType<typeof spawn> | undefined;
    try {
      child = spawn(
        process.execPath,
        [
          '--require',
          path.join(__dirname, '../../../../tools/swc-register.js'),
          path.join(__dirname, 'left-open.child.ts'),
          path.join(dir, 'events.db'),
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let out = '';
      child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
      // If the writer thread held the process, it would never exit and jest's timeout would fail this.
      const [code] = (await once(child, 'exit')) as [number | null];
      expect({ code, out }).toEqual({ code: 0, out: '0\n' });
    } finally {
      if (child?.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
