import { describeIfServer } from '@nrm/common/testing';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { ProjectionRunner } from '../projection-runner';
import { rebuildProjections } from '../rebuild';
import {
  day,
  record,
  registration,
  walkFromHandoverToClosure,
  walkToHandover,
} from '../testing/case-fixtures';
import { openSourceLog, snapshotReadModels, SourceLog } from '../testing/source-log';
import { MongoReadModelStore } from './mongo-read-model-store';
import { MongoTestDatabase } from '../testing/mongo-test-database';

const T0 = '2025-01-06T09:00:00.000Z';
const REPO_ROOT = join(__dirname, '../../../..');
const run = promisify(execFile);
/** Stops or starts one local server (deploy/local/infra.js), as `npm run infra:up|down -- <name>` do. */
const infra = (command: 'stop' | 'start', name: string) =>
  run(process.execPath, [join(REPO_ROOT, 'deploy/local/infra.js'), command, name], { cwd: REPO_ROOT });

/** Polls `condition` until it holds; fails with `what` after `timeoutMs`. */
async function until(what: string, condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describeIfServer('MONGO_URL', 'MongoReadModelStore: the server restarts while projecting', (url) => {
  jest.setTimeout(180_000);
  let log: SourceLog;
  let db: MongoTestDatabase;
  let rebuiltDb: MongoTestDatabase;
  let store: MongoReadModelStore;
  let rebuilt: MongoReadModelStore | undefined;
  let runner: ProjectionRunner | undefined;

  beforeEach(async () => {
    log = openSourceLog();
    db = await MongoTestDatabase.create(url, 'nrm_test_fault');
    rebuiltDb = await MongoTestDatabase.create(url, 'nrm_test_rebuilt');
    // Shorter than the restart, so an operation issued while the server is down fails instead of waiting it out.
    store = await MongoReadModelStore.connect(url, { dbName: db.dbName, serverSelectionTimeoutMS: 250 });
  });
  afterEach(async () => {
    await runner?.stop();
    await store?.close();
    await rebuilt?.close();
    await db?.drop();
    await rebuiltDb?.drop();
    await log?.close();
  });

  it('reports the failure, retries, resumes, and ends equal to a fresh rebuild', async () => {
    const errors: Error[] = [];
    runner = new ProjectionRunner(log.eventStore, store, {
      retryDelayMs: 100,
      onError: (error) => errors.push(error),
    });
    await runner.start();

    // A stream of appends the runner follows: cases at different points of their walk, interleaved.
    const caseIds: string[] = [];
    const appendWave = async (cases: number) => {
      const walks = Array.from({ length: cases }, (_, i) => {
        const caseId = randomUUID();
        caseIds.push(caseId);
        const t0 = day(T0, caseIds.length);
        const full = [...walkToHandover(caseId, t0), ...walkFromHandoverToClosure(t0)];
        return { caseId, steps: i % 4 === 0 ? registration({ caseId, at: t0 }) : full.slice(0, 6 + i) };
      });
      for (let step = 0; walks.some((w) => step < w.steps.length); step++) {
        for (const { caseId, steps } of walks) {
          if (step < steps.length) await record(log.eventStore, log.cipher, caseId, [steps[step]]);
        }
      }
    };
    await appendWave(10);
    await until('the runner to project part of the first wave', () => runner!.position >= 20);

    // The outage is made, not hoped for: the server is stopped, then events arrive that the runner
    // must project, so it meets the outage for certain (however fast it caught up before), and only
    // then does the server come back. Not execFileSync: a blocked event loop would hide the outage.
    await infra('stop', 'mongo');
    await appendWave(6);
    const head = await log.eventStore.headPosition();
    await until('the runner to report the failure the outage caused', () => errors.length > 0);
    expect(runner.position).toBeLessThan(head);
    await infra('start', 'mongo');
    await runner.waitForPosition(head, 120_000);
    await runner.stop();

    for (const projection of store.projections()) expect(await projection.checkpoint()).toBe(head);
    rebuilt = await MongoReadModelStore.connect(url, { dbName: rebuiltDb.dbName });
    await rebuildProjections(log.eventStore, rebuilt, { pageSize: 100 });
    const now = day(T0, 60);
    const incremental = await snapshotReadModels(store, caseIds, now);
    expect(incremental.list.total).toBe(16);
    expect(incremental.cases.every((c) => c.detail && c.history.length > 0)).toBe(true);
    expect(incremental).toEqual(await snapshotReadModels(rebuilt, caseIds, now));
    // What the runner reported is the lost connection, not some other fault.
    expect(errors[0].name).toMatch(/^Mongo/);
  });
});
