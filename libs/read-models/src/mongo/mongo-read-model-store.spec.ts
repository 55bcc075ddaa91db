import { describeIfServer } from '@nrm/common/testing';
import { randomUUID } from 'node:crypto';
import { record, registration, walkToHandover } from '../testing/case-fixtures';
import { describeReadModelStoreContract } from '../testing/read-model-store.contract';
import { openSourceLog, projectAll, SourceLog } from '../testing/source-log';
import { deadlinePolicy } from '../case-view/deadline-policy';
import { MongoReadModelStore } from './mongo-read-model-store';
import { COLLECTIONS, MONGO_READ_MODEL_SCHEMA_VERSION } from './mongo-read-model-schemas';
import { MongoTestDatabase } from '../testing/mongo-test-database';
import { auditReplay } from '../audit/replay-audit';
import { ReadModelSchemaMismatchError } from '../port/read-model-schema-mismatch';

const T0 = '2025-01-06T09:00:00.000Z';

describeIfServer('MONGO_URL', 'MongoReadModelStore (real server)', (url) => {
  describeReadModelStoreContract('MongoDB', async () => {
    const db = await MongoTestDatabase.create(url);
    const store = await MongoReadModelStore.connect(url, { dbName: db.dbName });
    return {
      store,
      rewindCheckpoint: (projection, position) => db.setCheckpoint(projection, position),
      async dispose() {
        await store.close();
        await db.drop();
      },
    };
  });

  describe('MongoDB specifics', () => {
    let db: MongoTestDatabase;
    let log: SourceLog;
    let store: MongoReadModelStore;
    beforeEach(async () => {
      db = await MongoTestDatabase.create(url);
      log = openSourceLog();
      store = await MongoReadModelStore.connect(url, { dbName: db.dbName });
    });
    afterEach(async () => {
      await store?.close();
      await db?.drop();
      await log?.close();
    });

    const reconnect = async () => {
      await store.close();
      store = await MongoReadModelStore.connect(url, { dbName: db.dbName });
    };

    it('creates the indexes the list queries, the history and the access log need at start-up', async () => {
      const keys = async (collection: string) =>
        (await db.connection.collection(collection).indexes()).map((i) => ({
          key: i.key,
          unique: i.unique ?? false,
        }));
      const cases = await keys(COLLECTIONS.cases);
      for (const field of ['stage', 'countryOfExploitation', 'citizenship', 'nextDueAtMs', 'presumedMinor']) {
        expect(cases.some((i) => Object.keys(i.key)[0] === field)).toBe(true);
      }
      // one per sort key of the list
      for (const key of [
        { registeredAtMissing: 1, registeredAtMs: -1, _id: 1 },
        { updatedAtMs: -1, _id: 1 },
        { reflectionEndsAtMissing: 1, reflectionEndsAtMs: -1, _id: 1 },
        { stageRank: -1, _id: 1 },
      ]) {
        expect(cases).toContainEqual({ key, unique: false });
      }
      expect(await keys(COLLECTIONS.caseHistory)).toContainEqual({
        key: { caseId: 1, position: 1 },
        unique: true,
      });
      const accessLog = await keys(COLLECTIONS.accessLog);
      expect(accessLog).toContainEqual({ key: { position: 1 }, unique: true });
      expect(accessLog).toContainEqual({ key: { caseId: 1, position: 1 }, unique: false });
      expect(accessLog).toContainEqual({ key: { userId: 1, position: 1 }, unique: false });
    });

    it('never stores a name in clear: the person is ciphertext, as in the event', async () => {
      const caseId = randomUUID();
      await record(log.eventStore, log.cipher, caseId, walkToHandover(caseId, T0));
      await projectAll(log.eventStore, store);
      const everything = JSON.stringify(
        await Promise.all(
          Object.values(COLLECTIONS).map((name) => db.connection.collection(name).find({}).toArray()),
        ),
      );
      expect(everything).toContain('handover_proposed'); // the scan does see content
      expect(everything).toContain('ciphertext');
      expect(everything).not.toMatch(/Ana|Ciobanu|2004-03-09|credible account/);
    });

    it('keeps read models and checkpoints across reconnects', async () => {
      const caseId = randomUUID();
      await record(log.eventStore, log.cipher, caseId, registration({ caseId, at: T0 }));
      await projectAll(log.eventStore, store);
      const detail = await store.getCase(caseId);

      await reconnect();

      const head = await log.eventStore.headPosition();
      for (const projection of store.projections()) expect(await projection.checkpoint()).toBe(head);
      expect(await store.getCase(caseId)).toEqual(detail);
    });

    it('starts over, empty, on a database written by another read model version', async () => {
      const caseId = randomUUID();
      await record(log.eventStore, log.cipher, caseId, registration({ caseId, at: T0 }));
      await projectAll(log.eventStore, store);
      await db.connection
        .collection<{ _id: string; version: number }>(COLLECTIONS.meta)
        .updateOne({ _id: 'schema' }, { $set: { version: MONGO_READ_MODEL_SCHEMA_VERSION + 1 } });

      await reconnect();

      expect(await store.getCase(caseId)).toBeUndefined();
      for (const projection of store.projections()) expect(await projection.checkpoint()).toBe(0);
      await projectAll(log.eventStore, store);
      expect((await store.getCase(caseId))?.caseId).toBe(caseId);
    });

    it('starts over when the node’s deadline policy changed, and computes the deadlines by the new one', async () => {
      const caseId = randomUUID();
      await record(log.eventStore, log.cipher, caseId, registration({ caseId, at: T0, presumedMinor: true }));
      await projectAll(log.eventStore, store);
      const guardianDue = async () =>
        (await store.getCase(caseId))?.deadlines.find((d) => d.kind === 'guardian_appointment')?.dueAt;
      expect(await guardianDue()).toBe('2025-01-09T09:00:00.000Z');

      await store.close();
      store = await MongoReadModelStore.connect(url, {
        dbName: db.dbName,
        deadlinePolicy: deadlinePolicy({}),
      });
      const head = await log.eventStore.headPosition();
      for (const projection of store.projections()) expect(await projection.checkpoint()).toBe(head);

      await store.close();
      const oneDay = deadlinePolicy({ guardian_appointment: 1 });
      store = await MongoReadModelStore.connect(url, { dbName: db.dbName, deadlinePolicy: oneDay });
      for (const projection of store.projections()) expect(await projection.checkpoint()).toBe(0);
      await projectAll(log.eventStore, store);
      expect(await guardianDue()).toBe('2025-01-07T09:00:00.000Z');
    });

    it('read-only: refuses data of another shape without dropping it, and audits without writing', async () => {
      const caseId = randomUUID();
      await record(log.eventStore, log.cipher, caseId, walkToHandover(caseId, T0));
      await projectAll(log.eventStore, store);
      // Behind the log's back: a stage only the list queries see, and a history entry gone.
      const cases = db.connection.collection<{ _id: string }>(COLLECTIONS.cases);
      await cases.updateOne({ _id: caseId }, { $set: { stage: 'closed' } });
      await db.connection.collection(COLLECTIONS.caseHistory).deleteOne({ position: 3 });
      const everything = () =>
        Promise.all(
          Object.values(COLLECTIONS).map((name) => db.connection.collection(name).find({}).toArray()),
        );
      const before = await everything();

      const live = await MongoReadModelStore.connect(url, { dbName: db.dbName, readOnly: true });
      const report = await auditReplay(log.eventStore, live).finally(() => live.close());

      expect(report.differences).toEqual([
        {
          model: 'case-detail',
          key: caseId,
          caseId,
          kind: 'changed',
          fields: [{ path: '/listing/stage', live: 'closed', replayed: 'handover_proposed' }],
        },
        { model: 'case-history', key: '3', caseId, kind: 'missing-in-live' },
      ]);
      expect(await everything()).toEqual(before);

      const other = await MongoTestDatabase.create(url);
      try {
        await expect(
          MongoReadModelStore.connect(url, { dbName: other.dbName, readOnly: true }),
        ).rejects.toThrow(ReadModelSchemaMismatchError);
        expect(await other.connection.db!.listCollections().toArray()).toEqual([]);
      } finally {
        await other.drop();
      }
    });

    it('re-applies a batch interrupted after some of its case documents were written', async () => {
      // The state a crash in the middle of a batch's writes leaves: one case written, the other
      // not, the history ahead of the case list, no checkpoint moved.
      const first = randomUUID();
      const second = randomUUID();
      await record(log.eventStore, log.cipher, first, walkToHandover(first, T0));
      await record(log.eventStore, log.cipher, second, registration({ caseId: second, at: T0 }));
      const events = await log.eventStore.readAll();
      const [cases, history] = store.projections();
      await cases.handle(events.filter((e) => e.streamId === `case-${first}`));
      await history.handle(events);
      await db.setCheckpoint(cases.name, 0);
      await db.setCheckpoint(history.name, 3);

      await projectAll(log.eventStore, store);

      expect((await store.getCase(first))?.assessments.risks).toHaveLength(1);
      expect((await store.getCase(first))?.consents).toHaveLength(2);
      expect((await store.getCase(second))?.stage).toBe('registered');
      expect(await store.getHistory(first)).toHaveLength(17);
      for (const projection of store.projections()) {
        expect(await projection.checkpoint()).toBe(events.at(-1)!.position);
      }
    });
  });
});

describe('MongoReadModelStore.connect', () => {
  it('fails, and leaves nothing open, when no server answers', async () => {
    await expect(
      MongoReadModelStore.connect('mongodb://127.0.0.1:1', {
        dbName: 'nrm_none',
        serverSelectionTimeoutMS: 200,
      }),
    ).rejects.toThrow(/ECONNREFUSED|Server selection|connect/i);
  });
});
