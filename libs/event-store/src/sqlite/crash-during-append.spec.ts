import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadOrCreateNodeSigningKey } from '../integrity/node-signing-key';
import { verifyLog } from '../integrity/log-verifier';
import { StoredEvent } from '../port';
import { CRASH_BATCH_SIZE } from './crash-writer.child';
import { SqliteEventStore } from './sqlite-event-store';

const REGISTER = path.join(__dirname, '../../../../tools/swc-register.js');
const CHILD = path.join(__dirname, 'crash-writer.child.ts');
const ROUNDS = 4;

/** Starts the writer, waits for its first committed batch, kills it at a random moment after that. */
async function writeAndKill(file: string, keyDir: string, run: string): Promise<Set<number>> {
  const child: ChildProcess = spawn(process.execPath, ['--require', REGISTER, CHILD, file, keyDir, run], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const committed = new Set<number>();
  let stderr = '';
  let buffered = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) committed.add(Number(line));
      if (committed.size > 0) resolve();
    });
    child.on('exit', () => reject(new Error(`writer exited before committing anything: ${stderr}`)));
  });
  await new Promise((resolve) => setTimeout(resolve, Math.random() * 400));
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  return committed;
}

async function readEverything(store: SqliteEventStore): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for (let page = await store.readAll({ limit: 5000 }); page.length > 0;) {
    events.push(...page);
    page = await store.readAll({ fromPosition: page[page.length - 1].position, limit: 5000 });
  }
  return events;
}

describe('SqliteEventStore: writer killed in the middle of an append', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-crash-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps every batch whole or absent, revisions gapless and the log verifiable', async () => {
    const file = path.join(dir, 'events.db');
    const keyDir = path.join(dir, 'keys');
    const publicKey = loadOrCreateNodeSigningKey(keyDir).publicKeyPem;

    for (let round = 0; round < ROUNDS; round++) {
      const run = `run-${round}`;
      const committed = await writeAndKill(file, keyDir, run);

      const store = SqliteEventStore.open({ file });
      try {
        const events = await readEverything(store);
        const batches = new Map<string, StoredEvent[]>();
        for (const event of events) {
          const key = `${event.data.run}/${event.data.batch}`;
          batches.set(key, [...(batches.get(key) ?? []), event]);
        }
        for (const [key, batch] of batches) {
          expect({ key, indexes: batch.map((e) => e.data.index) }).toEqual({
            key,
            indexes: Array.from({ length: CRASH_BATCH_SIZE }, (_, i) => i),
          });
          expect(batch[batch.length - 1].position - batch[0].position).toBe(CRASH_BATCH_SIZE - 1);
        }
        // Every append the writer saw return is on disk (synchronous=FULL), also when it shared its
        // transaction with others (group commit).
        for (const batch of committed) expect(batches.has(`${run}/${batch}`)).toBe(true);

        const revisions = new Map<string, number[]>();
        for (const event of events)
          revisions.set(event.streamId, [...(revisions.get(event.streamId) ?? []), event.revision]);
        for (const [, list] of revisions) expect(list).toEqual(list.map((_, i) => i));

        const result = await verifyLog(store, await store.listCheckpoints(), publicKey, {
          origin: 'node.crash',
        });
        expect(result).toMatchObject({ valid: true, size: events.length, checkpointSize: events.length });
      } finally {
        await store.close();
      }
    }
  }, 120_000);
});
