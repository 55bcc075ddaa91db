import { describeIfServer } from '@nrm/common/testing';
import type { StoredEvent } from '@nrm/event-store/port';
import { randomUUID } from 'node:crypto';
import type { mongo } from 'mongoose';
import { recordAccess } from '../testing/access-fixtures';
import {
  day,
  record,
  registration,
  walkFromHandoverToClosure,
  walkToHandover,
} from '../testing/case-fixtures';
import { MongoTestDatabase } from '../testing/mongo-test-database';
import { openSourceLog, SourceLog } from '../testing/source-log';
import { MongoReadModelStore } from './mongo-read-model-store';
import { COLLECTIONS } from './mongo-read-model-schemas';
import { MAX_UPDATES_PER_COMMAND } from './idempotent-writes';

const T0 = '2025-01-06T09:00:00.000Z';
const CASES = 12;

/** The commands that write. */
const WRITES = new Set(['insert', 'update', 'delete']);

describeIfServer('MONGO_URL', 'MongoReadModelStore: round trips per batch', (url) => {
  jest.setTimeout(60_000);
  let log: SourceLog;
  let db: MongoTestDatabase;
  let store: MongoReadModelStore;
  let commands: mongo.CommandStartedEvent[];
  let events: StoredEvent[];

  beforeEach(async () => {
    log = openSourceLog();
    db = await MongoTestDatabase.create(url, 'nrm_test_trips');
    commands = [];
    store = await MongoReadModelStore.connect(url, {
      dbName: db.dbName,
      onCommandStarted: (event) => commands.push(event),
    });
    // Interleaved cases, several events of each in the batch, and reads of personal data (access log).
    const caseIds = Array.from({ length: CASES }, () => randomUUID());
    for (const [i, caseId] of caseIds.entries()) {
      const t0 = new Date(Date.parse(T0) + i * 60_000).toISOString();
      await record(log.eventStore, log.cipher, caseId, [
        ...walkToHandover(caseId, t0),
        ...walkFromHandoverToClosure(t0),
      ]);
      await recordAccess(log.eventStore, {
        caseId,
        actor: { userId: `u-${i}`, role: 'case_manager', agency: 'NGO-1' },
        purpose: 'assistance',
        at: t0,
      });
    }
    events = await log.eventStore.readAll({ limit: 10_000 });
    commands.length = 0;
  });
  afterEach(async () => {
    await store?.close();
    await db?.drop();
    await log?.close();
  });

  /** The filters of the updates sent to read model collections (the checkpoints apart). */
  const readModelUpdateFilters = () =>
    commands
      .filter((c) => c.commandName === 'update' && c.command.update !== COLLECTIONS.checkpoints)
      .flatMap((c) => (c.command.updates as { q: object }[]).map((u) => u.q));

  /** Every read model document; the checkpoints apart (the test rewinds them). */
  const readModels = () =>
    Promise.all(
      Object.values(COLLECTIONS)
        .filter((name) => name !== COLLECTIONS.checkpoints)
        .map((name) => db.connection.collection(name).find({}).sort({ _id: 1 }).toArray()),
    );

  it('costs each projection one checkpoint read, one read of the touched rows, one write and the checkpoint, whatever the batch size', async () => {
    for (const projection of store.projections()) {
      commands.length = 0;
      await projection.handle(events);
      const names = commands.map((c) => c.commandName);
      // checkpoint read, the touched documents read (only where a document is evolved), one bulk write,
      // the checkpoint written: independent of the events (over 300 here) and of the cases (12).
      expect(names.filter((n) => n === 'find').length).toBeLessThanOrEqual(2);
      expect(names.filter((n) => WRITES.has(n))).toHaveLength(2);
      expect(names.length).toBeLessThanOrEqual(4);
      expect(readModelUpdateFilters()).toEqual([]); // every case is new: inserted, not upserted
    }
    expect(events.length).toBeGreaterThan(CASES * 20);
  });

  it('costs the same few commands for a single event, as the live runner hands them', async () => {
    for (const event of events.slice(0, 40)) {
      for (const projection of store.projections()) {
        commands.length = 0;
        await projection.handle([event]);
        expect(commands.filter((c) => WRITES.has(c.commandName)).length).toBeLessThanOrEqual(2);
        expect(commands.length).toBeLessThanOrEqual(4);
        // A single case is looked up, and updated, by `_id` alone: the filter FerretDB answers from an index.
        for (const find of commands.filter((c) => c.commandName === 'find'))
          expect(Object.keys(find.command.filter as object)).toEqual(['_id']);
        for (const filter of readModelUpdateFilters()) expect(Object.keys(filter)).toEqual(['_id']);
      }
    }
    expect((await store.getHistory(events[0].streamId.slice('case-'.length))).length).toBeGreaterThan(0);
  });

  it('changes nothing, in one write per projection, when the batch is applied again after a crash before its checkpoints', async () => {
    for (const projection of store.projections()) await projection.handle(events);
    const before = await readModels();
    for (const projection of store.projections()) await db.setCheckpoint(projection.name, 0);

    for (const projection of store.projections()) {
      commands.length = 0;
      await projection.handle(events);
      // Re-applied: the position guards turn it into no-ops, without falling back to a write per row.
      expect(commands.filter((c) => WRITES.has(c.commandName)).length).toBeLessThanOrEqual(2);
    }

    expect(await readModels()).toEqual(before);
    for (const projection of store.projections())
      expect(await projection.checkpoint()).toBe(events.at(-1)!.position);
  });

  it('updates more cases in one batch than FerretDB has connections (100), in commands of at most 50 updates', async () => {
    // A store that gives up on an unanswered command: without the split, FerretDB 1.x waits for ever
    // on one update command of 100 statements or more (its pool), and this fails instead of hanging.
    const bounded = await MongoReadModelStore.connect(url, {
      dbName: db.dbName,
      socketTimeoutMS: 10_000,
      onCommandStarted: (event) => commands.push(event),
    });
    try {
      const caseIds = Array.from({ length: 120 }, () => randomUUID());
      for (const [i, caseId] of caseIds.entries())
        await record(log.eventStore, log.cipher, caseId, registration({ caseId, at: day(T0, i) }));
      const first = await log.eventStore.readAll({ limit: 100_000 });
      for (const projection of bounded.projections()) await projection.handle(first);
      for (const [i, caseId] of caseIds.entries()) {
        const consent = walkToHandover(caseId, day(T0, i)).find((step) => step.type === 'ConsentGiven')!;
        await record(log.eventStore, log.cipher, caseId, [consent]);
      }
      const second = await log.eventStore.readAll({ fromPosition: first.at(-1)!.position, limit: 100_000 });
      expect(second).toHaveLength(caseIds.length);

      commands.length = 0;
      for (const projection of bounded.projections()) await projection.handle(second);

      const updateSizes = (collection: string) =>
        commands
          .filter((c) => c.commandName === 'update' && c.command.update === collection)
          .map((c) => (c.command.updates as unknown[]).length);
      expect(updateSizes(COLLECTIONS.cases)).toEqual([50, 50, 20]);
      for (const collection of Object.values(COLLECTIONS))
        expect(Math.max(0, ...updateSizes(collection))).toBeLessThanOrEqual(MAX_UPDATES_PER_COMMAND);
      for (const event of second)
        expect((await bounded.getCase(event.streamId.slice('case-'.length)))?.revision).toBe(event.revision);
    } finally {
      await bounded.close();
    }
  });
});
