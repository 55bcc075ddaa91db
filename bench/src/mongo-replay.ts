import { caseIdOfStream } from '@nrm/contracts';
import type { StoredEvent } from '@nrm/event-store/port';
import { MongoReadModelStore } from '@nrm/read-models';
import mongoose, { type mongo } from 'mongoose';
import { randomBytes } from 'node:crypto';

export interface MongoReplayResult {
  events: number;
  /** Events per second through the four MongoDB projections, a page at a time (as a rebuild does). */
  productRate: number;
  /** Events per second of the raw driver writing the same number of documents per page. */
  rawRate: number;
  /** Commands the product sent per page, on average (checkpoints, reads and writes of all projections). */
  commandsPerPage: number;
  /** Documents per page, the same for both. */
  documentsPerPage: number;
  /** The server measured: FerretDB names itself in buildInfo. */
  server: string;
}

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
async function writeRaw(db: mongo.Db, page: readonly StoredEvent[]): Promise<void> {
  await db.collection<{ _id: string }>('raw_events').insertMany(
    page.map(({ id, ...event }) => ({ _id: id, ...event })),
    { ordered: false },
  );
  const lastOfCase = lastEventOfEachCase(page);
  if (lastOfCase.size === 0) return;
  const upserts = [...lastOfCase].map(([caseId, event]) => ({
    replaceOne: { filter: { _id: caseId }, replacement: { ...event }, upsert: true },
  }));
  for (const name of ['raw_cases', 'raw_statistics']) {
    await db.collection<{ _id: string }>(name).bulkWrite(upserts, { ordered: false });
  }
}

/**
 * Replays `events` through the MongoDB read models (reset, then every projection handles each page,
 * as `rebuildProjections` does) and, page by page in turn so that noise hits both alike, writes the
 * same documents with the raw driver into a database of its own. Both databases are dropped after.
 */
export async function benchMongoReplay(
  url: string,
  events: readonly StoredEvent[],
  pageSize = 1000,
): Promise<MongoReplayResult> {
  const suffix = randomBytes(4).toString('hex');
  const productDb = `nrm_bench_read_models_${suffix}`;
  const raw = await mongoose
    .createConnection(url, { dbName: `nrm_bench_raw_${suffix}`, serverSelectionTimeoutMS: 10_000 })
    .asPromise();
  let commands = 0;
  let store: MongoReadModelStore | undefined;
  try {
    store = await MongoReadModelStore.connect(url, {
      dbName: productDb,
      onCommandStarted: () => commands++,
    });
    const rawDb = raw.db!;
    for (const name of ['raw_events', 'raw_cases', 'raw_statistics']) await rawDb.createCollection(name);
    let productSeconds = 0;
    let rawSeconds = 0;
    let pages = 0;
    let documents = 0;
    commands = 0;
    for (let from = 0; from < events.length; from += pageSize) {
      const page = events.slice(from, from + pageSize);
      let start = now();
      for (const projection of store.projections()) await projection.handle(page);
      productSeconds += now() - start;
      start = now();
      await writeRaw(rawDb, page);
      rawSeconds += now() - start;
      pages++;
      documents += page.length + 2 * lastEventOfEachCase(page).size;
    }
    const projected = (await store.listCases({ page: 1, pageSize: 1, now: new Date().toISOString() })).total;
    const rawCases = await rawDb.collection('raw_cases').countDocuments();
    if (projected !== rawCases) throw new Error(`projected ${projected} cases, the baseline ${rawCases}`);
    const build = await rawDb.admin().command({ buildInfo: 1 });
    return {
      server: build.ferretdbVersion ? `FerretDB ${build.ferretdbVersion}` : `MongoDB ${build.version}`,
      events: events.length,
      productRate: events.length / productSeconds,
      rawRate: events.length / rawSeconds,
      commandsPerPage: commands / pages,
      documentsPerPage: documents / pages,
    };
  } finally {
    await store?.close();
    await raw.getClient().db(productDb).dropDatabase();
    await raw.dropDatabase();
    await raw.close();
  }
}
