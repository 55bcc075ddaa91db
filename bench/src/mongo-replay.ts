import { caseIdOfStream } from '@nrm/contracts';
import { SqliteEventStore } from '@nrm/event-store';
import type { StoredEvent } from '@nrm/event-store/port';
import { PersonalDataCipher } from '@nrm/privacy';
import { InMemoryKeyStore } from '@nrm/privacy/testing';
import { MongoReadModelStore, rebuildProjections } from '@nrm/read-models';
import { MAX_UPDATES_PER_COMMAND } from '@nrm/read-models/mongo/idempotent-writes';
import mongoose, { type mongo } from 'mongoose';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { pagesOf, writeSyntheticLog } from './synthetic-log';

/** A row of the bench's table (run.ts), with what the note under it says. */
export interface MongoReplayResult {
  row: { name: string; events: number; productRate: number; baselineRate: number; baselineName: string };
  note: string;
}

/** Events per page, for the rebuild and the baseline alike (the rebuild's default). */
const PAGE = 5000;
/** Commands that read or write documents (not the drops and index builds of the reset). */
const DOCUMENT_COMMANDS = new Set(['find', 'insert', 'update', 'delete']);

const now = () => Number(process.hrtime.bigint()) / 1e9;

function lastEventOfEachCase(page: readonly StoredEvent[]): Map<string, StoredEvent> {
  const last = new Map<string, StoredEvent>();
  for (const event of page) {
    const caseId = caseIdOfStream(event.streamId);
    if (caseId !== undefined) last.set(caseId, event);
  }
  return last;
}

/**
 * The floor: per page, one `insertMany` of a document per event (the history and the access log
 * write one per event) and, per collection holding a document per case (case detail, statistics),
 * one `bulkWrite` of a replace-or-insert per case the page touches. No reads, no checkpoints, no
 * folding: the same number of documents the product writes, in the fewest round trips the driver has.
 */
async function writeRaw(db: mongo.Db, page: readonly StoredEvent[]): Promise<number> {
  await db.collection<{ _id: string }>('raw_events').insertMany(
    page.map(({ id, ...event }) => ({ _id: id, ...event })),
    { ordered: false },
  );
  const lastOfCase = lastEventOfEachCase(page);
  if (lastOfCase.size === 0) return page.length;
  const upserts = [...lastOfCase].map(([caseId, event]) => ({
    replaceOne: { filter: { _id: caseId }, replacement: { ...event }, upsert: true },
  }));
  for (const name of ['raw_cases', 'raw_statistics']) {
    await db.collection<{ _id: string }>(name).bulkWrite(upserts, { ordered: false });
  }
  return page.length + 2 * lastOfCase.size;
}

/**
 * Writes a synthetic log of `events` (bench/src/synthetic-log.ts: the node's EventWriter, cases
 * interleaved) into an embedded store under `dir`, rebuilds the MongoDB read models from it
 * (`rebuildProjections`, as `npm run cli -- rebuild` does), then writes the same pages with the raw
 * driver into a database of its own. Both databases are dropped after.
 */
export async function benchMongoReplay(url: string, dir: string, events: number): Promise<MongoReplayResult> {
  const log = SqliteEventStore.open({ file: join(dir, 'mongo-replay.sqlite') });
  const suffix = randomBytes(4).toString('hex');
  const productDb = `nrm_bench_read_models_${suffix}`;
  const raw = await mongoose
    .createConnection(url, { dbName: `nrm_bench_raw_${suffix}`, serverSelectionTimeoutMS: 10_000 })
    .asPromise();
  let commands = 0;
  let store: MongoReadModelStore | undefined;
  try {
    const written = await writeSyntheticLog(log, new PersonalDataCipher(new InMemoryKeyStore()), { events });
    store = await MongoReadModelStore.connect(url, {
      dbName: productDb,
      onCommandStarted: (event) => {
        if (DOCUMENT_COMMANDS.has(event.commandName)) commands++;
      },
    });
    const readModels = store;
    let start = now();
    const { events: replayed } = await rebuildProjections(log, readModels, { pageSize: PAGE });
    const productSeconds = now() - start;

    const rawDb = raw.db!;
    for (const name of ['raw_events', 'raw_cases', 'raw_statistics']) await rawDb.createCollection(name);
    let pages = 0;
    let documents = 0;
    start = now();
    for await (const page of pagesOf(log, PAGE)) {
      documents += await writeRaw(rawDb, page);
      pages++;
    }
    const rawSeconds = now() - start;

    const projected = (await store.listCases({ page: 1, pageSize: 1, now: new Date().toISOString() })).total;
    const rawCases = await rawDb.collection('raw_cases').countDocuments();
    if (replayed !== written || projected !== rawCases)
      throw new Error(
        `replayed ${replayed} of ${written} events, ${projected} cases; the baseline ${rawCases}`,
      );
    const build = await rawDb.admin().command({ buildInfo: 1 });
    const server = build.ferretdbVersion ? `FerretDB ${build.ferretdbVersion}` : `MongoDB ${build.version}`;
    return {
      row: {
        name: `rebuild the MongoDB read models from ${written} events, pages of ${PAGE}`,
        events: written,
        productRate: written / productSeconds,
        baselineRate: written / rawSeconds,
        baselineName: 'raw driver, insertMany + bulkWrite per page',
      },
      note:
        `MongoDB rebuild (${server}): the four projections, ${(commands / pages).toFixed(1)} commands ` +
        `per page of ${PAGE} events (per projection: its checkpoint read, at most one read of the touched ` +
        `case documents the page does not open, its inserts in one bulk write and its updates in bulk writes ` +
        `of at most ${MAX_UPDATES_PER_COMMAND}, the checkpoint written); the baseline ` +
        `writes the same ${(documents / pages).toFixed(0)} documents per page with the raw driver ` +
        `(insertMany of the events, a bulkWrite of replace-or-insert per touched case in two ` +
        `collections), without folding or checkpoints. Both read the log from the same embedded store.`,
    };
  } finally {
    // Best effort: a server gone mid-run must not hide the error that stopped the bench.
    await store?.close().catch(() => undefined);
    await raw
      .getClient()
      .db(productDb)
      .dropDatabase()
      .catch(() => undefined);
    await raw.dropDatabase().catch(() => undefined);
    await raw.close().catch(() => undefined);
    await log.close();
  }
}
