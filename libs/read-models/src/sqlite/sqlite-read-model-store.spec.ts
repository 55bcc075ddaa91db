import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { record, registration, walkToHandover } from '../testing/case-fixtures';
import { Harness, openHarness } from '../testing/harness';
import { describeReadModelStoreContract } from '../testing/read-model-store.contract';
import { deadlinePolicy } from '../case-view/deadline-policy';
import { SqliteReadModelStore } from './sqlite-read-model-store';
import { rebuildProjections } from '../rebuild';
import { READ_MODEL_SCHEMA_VERSION } from './schema';
import { SqliteCheckpoints } from './sqlite-checkpoints';
import { ReadModelSchemaMismatchError } from '../port/read-model-schema-mismatch';

const T0 = '2025-01-06T09:00:00.000Z';

/**
 * The message a promise fails with. Not `rejects.toThrow`: better-sqlite3 registers its error class
 * once per process, so in a jest worker that ran another file first it is not this file's `Error`.
 */
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'succeeded',
    (error: { message?: string }) => String(error.message),
  );

describeReadModelStoreContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nrm-read-models-contract-'));
  const file = join(dir, 'read-models.sqlite');
  const store = new SqliteReadModelStore({ file });
  return {
    store,
    async rewindCheckpoint(projection, position) {
      // SQLite commits data and checkpoint together; a second connection can still set it back.
      const db = new Database(file);
      try {
        new SqliteCheckpoints(db).write(projection, position);
      } finally {
        db.close();
      }
    },
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SqliteReadModelStore', () => {
  let h: Harness;
  beforeEach(() => {
    h = openHarness();
  });
  afterEach(() => h.close());

  it('never writes a name in clear to the read model files', async () => {
    const caseId = randomUUID();
    await record(h.eventStore, h.cipher, caseId, walkToHandover(caseId, T0));
    await h.project();
    const db = new Database(h.readModelFile);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const files = [h.readModelFile, `${h.readModelFile}-wal`].filter(existsSync).map((f) => readFileSync(f));
    expect(files.length).toBeGreaterThan(0);
    for (const bytes of files) {
      expect(bytes.includes('Ciobanu')).toBe(false);
      expect(bytes.includes('2004-03-09')).toBe(false);
    }
    expect(readFileSync(h.readModelFile).includes('handover_proposed')).toBe(true); // the scan does see content
  });

  it('writes a rebuild in bulk, then folds its write-ahead log back and checkpoints as usual again', async () => {
    const caseId = randomUUID();
    await record(h.eventStore, h.cipher, caseId, walkToHandover(caseId, T0));
    const usual = new Database(h.readModelFile).pragma('wal_autocheckpoint', { simple: true });
    const db = (h.readModels as unknown as { db: Database.Database }).db;
    const failing = Object.assign(Object.create(h.eventStore) as typeof h.eventStore, {
      readAll: () => Promise.reject(new Error('disk gone')),
    });
    expect(await failureOf(rebuildProjections(failing, h.readModels))).toBe('disk gone');
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(usual);
    await rebuildProjections(h.eventStore, h.readModels);
    expect(statSync(`${h.readModelFile}-wal`).size).toBe(0);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(usual);
    // The indexes dropped for the load are all back: the list and its filters read through them.
    const indexesOf = (store: SqliteReadModelStore) =>
      (store as unknown as { db: Database.Database }).db
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name")
        .all();
    const fresh = new SqliteReadModelStore({ file: `${h.readModelFile}.fresh` });
    try {
      expect(indexesOf(h.readModels as SqliteReadModelStore)).toEqual(indexesOf(fresh));
      expect(indexesOf(fresh).length).toBeGreaterThan(10);
    } finally {
      await fresh.close();
    }
    expect((await h.readModels.getCase(caseId))?.stage).toBe('handover_proposed');
  });

  it('keeps checkpoints across restarts', async () => {
    const caseId = randomUUID();
    await record(h.eventStore, h.cipher, caseId, registration({ caseId, at: T0 }));
    await h.project();
    await h.readModels.close();
    const reopened = new SqliteReadModelStore({ file: h.readModelFile });
    try {
      const head = await h.eventStore.headPosition();
      for (const projection of reopened.projections()) expect(await projection.checkpoint()).toBe(head);
      expect((await reopened.getCase(caseId))?.caseId).toBe(caseId);
    } finally {
      await reopened.close();
      h.readModels = new SqliteReadModelStore({ file: h.readModelFile });
    }
  });

  it('starts over, empty, on a database made by another read model version', async () => {
    const caseId = randomUUID();
    await record(h.eventStore, h.cipher, caseId, registration({ caseId, at: T0 }));
    await h.project();
    await h.readModels.close();
    const db = new Database(h.readModelFile);
    db.pragma(`user_version = ${READ_MODEL_SCHEMA_VERSION + 1}`);
    db.close();

    h.readModels = new SqliteReadModelStore({ file: h.readModelFile });
    expect(await h.readModels.getCase(caseId)).toBeUndefined();
    for (const projection of h.readModels.projections()) expect(await projection.checkpoint()).toBe(0);
    await h.project();
    expect((await h.readModels.getCase(caseId))?.caseId).toBe(caseId);
  });

  it('recomputes the deadlines when the node’s deadline policy changed, and keeps them when it did not', async () => {
    const caseId = randomUUID();
    await record(h.eventStore, h.cipher, caseId, registration({ caseId, at: T0, presumedMinor: true }));
    await h.project();
    const guardianDue = async () =>
      (await h.readModels.getCase(caseId))?.deadlines.find((d) => d.kind === 'guardian_appointment')?.dueAt;
    expect(await guardianDue()).toBe('2025-01-09T09:00:00.000Z');

    await h.readModels.close();
    h.readModels = new SqliteReadModelStore({ file: h.readModelFile, deadlinePolicy: deadlinePolicy({}) });
    const head = await h.eventStore.headPosition();
    for (const projection of h.readModels.projections()) expect(await projection.checkpoint()).toBe(head);

    await h.readModels.close();
    const oneDay = deadlinePolicy({ guardian_appointment: 1 });
    h.readModels = new SqliteReadModelStore({ file: h.readModelFile, deadlinePolicy: oneDay });
    for (const projection of h.readModels.projections()) expect(await projection.checkpoint()).toBe(0);
    await h.project();
    expect(await guardianDue()).toBe('2025-01-07T09:00:00.000Z');
    // a reset keeps the policy it was opened with: the next start does not rebuild again
    await h.readModels.reset();
    await h.project();
    await h.readModels.close();
    h.readModels = new SqliteReadModelStore({ file: h.readModelFile, deadlinePolicy: oneDay });
    for (const projection of h.readModels.projections()) expect(await projection.checkpoint()).toBe(head);
  });

  it('read-only: reads, writes nothing, and refuses a file of another version rather than drop it', async () => {
    const caseId = randomUUID();
    await record(h.eventStore, h.cipher, caseId, registration({ caseId, at: T0 }));
    await h.project();
    const live = new SqliteReadModelStore({ file: h.readModelFile, readOnly: true });
    try {
      expect((await live.getCase(caseId))?.caseId).toBe(caseId);
      expect(await failureOf(live.reset())).toMatch(/readonly/i);
      const other = randomUUID();
      await record(h.eventStore, h.cipher, other, registration({ caseId: other, at: T0 }));
      const [cases] = live.projections();
      expect(await failureOf(cases.handle(await h.eventStore.readAll()))).toMatch(/readonly/i);
    } finally {
      await live.close();
    }
    await h.readModels.close();
    const db = new Database(h.readModelFile);
    db.pragma(`user_version = ${READ_MODEL_SCHEMA_VERSION + 1}`);
    db.close();

    expect(() => new SqliteReadModelStore({ file: h.readModelFile, readOnly: true })).toThrow(
      ReadModelSchemaMismatchError,
    );
    expect(() => new SqliteReadModelStore({ file: `${h.readModelFile}.none`, readOnly: true })).toThrow();
    expect(existsSync(`${h.readModelFile}.none`)).toBe(false);
    h.readModels = new SqliteReadModelStore({ file: `${h.dir}/other.sqlite` });
    const reopened = new Database(h.readModelFile, { readonly: true });
    // Still there: refused, not dropped (and the case the read-only store could not add is absent).
    expect(reopened.prepare('SELECT COUNT(*) AS n FROM case_detail').get()).toEqual({ n: 1 });
    reopened.close();
  });
});
