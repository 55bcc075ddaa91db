import { SqliteEventStore } from '@nrm/event-store';
import { join } from 'node:path';
import { COLLECTIONS } from '@nrm/read-models/mongo/mongo-read-model-schemas';
import { createKafka } from '@nrm/shared-log';
import mongoose from 'mongoose';
import { wireServerName, type ExternalStoresRun } from './external-stores';
import { EXPLAINED_FILTERS, filterShape, type FilterPushdown } from './mongo-operations';

const mine = (run: ExternalStoresRun) => (name: string) => name.startsWith(`${run.topicPrefix}.`);

/** The run's topics and the messages in them (high minus low watermark: the relay's producer is not transactional). */
export async function kafkaHoldings(run: ExternalStoresRun): Promise<{ topics: number; messages: number }> {
  const admin = createKafka({ brokers: run.brokers, clientId: 'nrm-bench-load' }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter(mine(run));
    let messages = 0;
    for (const topic of topics) {
      for (const partition of await admin.fetchTopicOffsets(topic)) {
        messages += Number(partition.high) - Number(partition.low);
      }
    }
    return { topics: topics.length, messages };
  } finally {
    await admin.disconnect();
  }
}

/**
 * The relay copies to Kafka behind the commands' answers: waits until the run's topics stop growing
 * (nothing new for `quietMs`), at most `timeoutMs`, so that the count compares with the whole log.
 */
export async function waitForKafkaToSettle(
  run: ExternalStoresRun,
  quietMs = 2000,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  let since = Date.now();
  while (Date.now() < deadline) {
    const { messages } = await kafkaHoldings(run);
    if (messages !== last) {
      last = messages;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function withDatabase<T>(
  run: ExternalStoresRun,
  use: (db: mongoose.Connection) => Promise<T>,
): Promise<T> {
  const connection = await mongoose
    .createConnection(run.mongoUrl, { serverSelectionTimeoutMS: 10_000, bufferCommands: false })
    .asPromise();
  try {
    return await use(connection);
  } finally {
    await connection.close();
  }
}

/** Case documents in the run's read-model database, the lowest projection checkpoint, the server's name. */
export async function mongoHoldings(
  run: ExternalStoresRun,
): Promise<{ cases: number; projectedTo: number; server: string }> {
  return withDatabase(run, async (db) => {
    if (!db.db) throw new Error(`no database at ${run.mongoUrl}`);
    const server = wireServerName(await db.db.admin().buildInfo());
    const cases = await db.collection(COLLECTIONS.cases).countDocuments();
    const checkpoints = await db
      .collection<{ _id: string; position: number }>(COLLECTIONS.checkpoints)
      .find()
      .toArray();
    const projectedTo = checkpoints.length ? Math.min(...checkpoints.map((c) => c.position)) : 0;
    return { cases, projectedTo, server };
  });
}

/**
 * How the server answers the projections' filters on the case collection: FerretDB's explain tells
 * whether it pushes a filter down to its storage; MongoDB's does not say (undefined).
 */
export async function explainFilters(run: ExternalStoresRun): Promise<FilterPushdown[] | undefined> {
  return withDatabase(run, async (db) => {
    if (!db.db) throw new Error(`no database at ${run.mongoUrl}`);
    const explained: FilterPushdown[] = [];
    for (const filter of EXPLAINED_FILTERS) {
      const answer = (await db.db.command({
        explain: { find: COLLECTIONS.cases, filter },
        verbosity: 'queryPlanner',
      })) as { filterPushdown?: boolean };
      if (answer.filterPushdown === undefined) return undefined;
      explained.push({ filter: filterShape(filter), pushedDown: answer.filterPushdown });
    }
    return explained;
  });
}

/** Drops the run's database, its topics and its consumer groups (the partner inbox's). */
export async function dropExternalStores(run: ExternalStoresRun): Promise<void> {
  await withDatabase(run, (db) => db.dropDatabase());
  const admin = createKafka({ brokers: run.brokers, clientId: 'nrm-bench-load' }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter(mine(run));
    if (topics.length) await admin.deleteTopics({ topics });
    const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter(mine(run));
    if (groups.length) await admin.deleteGroups(groups);
  } finally {
    await admin.disconnect();
  }
}

/** Head of the node's own event log and the cases in it, read from its file once the node has stopped. */
export async function eventLogFacts(dataDir: string): Promise<{ head: number; cases: number }> {
  const store = SqliteEventStore.open({ file: join(dataDir, 'events.sqlite'), writer: 'inline' });
  try {
    const cases = new Set<string>();
    let position = 0;
    for (;;) {
      const page = await store.readAll({ fromPosition: position, limit: 5000 });
      if (page.length === 0) break;
      for (const event of page) if (event.streamId.startsWith('case-')) cases.add(event.streamId);
      position = page[page.length - 1].position;
    }
    return { head: await store.headPosition(), cases: cases.size };
  } finally {
    await store.close();
  }
}
