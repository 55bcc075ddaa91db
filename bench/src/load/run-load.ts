/**
 * npm run bench:load — the node as its users meet it: many operators sending commands at once over HTTP.
 * A real node process (embedded default; then Kafka and MongoDB when KAFKA_BROKERS and MONGO_URL are
 * set) under autocannon at 1, 8, 32 and 128 clients, beside a raw Fastify + better-sqlite3 baseline at
 * the same durability; then three SIGKILLs under load. Writes "The node under load" in docs/performance.md.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOAD_ADMIN, signInOperators } from './accounts';
import { commandMix } from './command-mix';
import { monotonicMicros, readProfile, summarizeProfile, type ProfileSummary } from './cpu-profile';
import { drive } from './drive';
import { killRun } from './kill-run';
import { externalKillRun, type ExternalKillRunResult } from './external-kill-run';
import {
  describeExternalKillRun,
  describeExternalStores,
  EXTERNAL_STORES_NOT_MEASURED,
  externalStoresRun,
  type ExternalStoresSeen,
} from './external-stores';
import {
  dropExternalStores,
  eventLogFacts,
  explainFilters,
  kafkaHoldings,
  mongoHoldings,
  waitForKafkaToSettle,
} from './external-stores-probe';
import { EXTERNAL_STORES_NODE, LoadTable, unexpectedOutcomes, writeLoadSection } from './load-report';
import { freePort } from '@nrm/common/net/free-port';
import { COLLECTIONS } from '@nrm/read-models/mongo/mongo-read-model-schemas';
import {
  MONGO_OPERATIONS_FILE_ENV,
  mongoOperationsSection,
  pushdownSentence,
  summarizeOperations,
  type FilterPushdown,
  type OperationTotal,
} from './mongo-operations';
import { NODE_MAIN, ServerProcess } from './node-under-test';

const LEVELS = (process.env.LOAD_CONCURRENCY ?? '1,8,32,128').split(',').map(Number);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 10);
const KILL_EVERY = Number(process.env.LOAD_KILL_EVERY ?? 300);
// The Kafka + MongoDB node acknowledges far fewer commands a second (its read models' wait).
const KILL_EVERY_EXTERNAL = Number(process.env.LOAD_KILL_EVERY_EXTERNAL ?? 30);
const log = (line: string) => process.stderr.write(line + '\n');

function nodeEnv(dataDir: string, port: number, extra: Record<string, string>): Record<string, string> {
  return {
    NRM_DATA_DIR: dataDir,
    NRM_ADMIN_USERNAME: LOAD_ADMIN.username,
    NRM_ADMIN_PASSWORD: LOAD_ADMIN.password,
    // Fixed, so that tokens stay valid across the kill run's restarts.
    NRM_JWT_SECRET: 'load-test-secret-that-is-long-enough-0123456789',
    NRM_LOG_LEVEL: 'error',
    // Every simulated operator comes from this one address; a national node's come from many, and the
    // per-address limit (600 a minute) has tests of its own.
    NRM_API_RATE_LIMIT_PER_MINUTE: '1000000',
    PORT: String(port),
    HOST: '127.0.0.1',
    ...extra,
  };
}

async function withTempDir<T>(prefix: string, use: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    return await use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function startNode(
  dir: string,
  extra: Record<string, string>,
  nodeArgs: string[] = [],
  healthTimeoutMs?: number,
): Promise<ServerProcess> {
  const port = await freePort();
  const node = new ServerProcess(
    NODE_MAIN,
    [],
    nodeEnv(dir, port, extra),
    `http://127.0.0.1:${port}`,
    nodeArgs,
    healthTimeoutMs,
  );
  await node.start();
  return node;
}

/** Looks at what a node left behind: before it stops (still running), and after (its data directory). */
interface AfterLoad {
  beforeStop?: () => Promise<void>;
  afterStop?: (dataDir: string) => Promise<void>;
}

/** The node at every level of concurrency, one node (and one growing log) for all levels. */
async function measureNode(
  name: string,
  extra: Record<string, string>,
  after: AfterLoad = {},
  nodeArgs: string[] = [],
): Promise<LoadTable> {
  return withTempDir('nrm-load-', async (dir) => {
    const node = await startNode(dir, extra, nodeArgs);
    let table: LoadTable;
    try {
      const tokens = await signInOperators(node.baseUrl, 'DE', true);
      const rows: LoadTable['rows'] = [];
      for (const connections of LEVELS) {
        let stale = 0;
        let behind = 0;
        const mix = commandMix(
          tokens,
          () => undefined,
          () => stale++,
          () => behind++,
        );
        log(`${name}: ${connections} clients for ${SECONDS} s...`);
        const measured = await drive(node.baseUrl, mix, connections, SECONDS, () => stale);
        rows.push({ ...measured, readsBehind: behind });
      }
      table = { name, rows, peakRssBytes: node.peakRss };
      await after.beforeStop?.();
    } finally {
      await node.stop();
    }
    await after.afterStop?.(dir);
    return table;
  });
}

/**
 * The node with Kafka (its shared log: the relay copies every committed event) and MongoDB (its read
 * models), in a database and under a topic prefix of this run's own, dropped afterwards. Returns the
 * table and what the stores held, the evidence that the node used them.
 */
async function measureExternalStoresNode(
  brokers: string,
  mongoUrl: string,
): Promise<{
  table: LoadTable;
  baseline: LoadTable;
  note: string;
  waits: string[];
  used: boolean;
  behind: boolean;
}> {
  const run = externalStoresRun(brokers, mongoUrl, Date.now().toString(36));
  log(`Kafka + MongoDB: database ${run.database}, topics ${run.topicPrefix}.*`);
  let seen: ExternalStoresSeen | undefined;
  let operations: OperationTotal[] = [];
  let explained: FilterPushdown[] | undefined;
  const operationsFile = join(tmpdir(), `nrm-load-mongo-operations-${run.topicPrefix}.json`);
  let table: LoadTable;
  let baseline: LoadTable;
  try {
    baseline = await measureRaw(
      'raw MongoDB baseline (Fastify + MongoDB driver, one insert per request)',
      'raw-mongo-server.js',
      (port) => [run.mongoUrl, String(port)],
    );
    table = await measureNode(
      EXTERNAL_STORES_NODE,
      { ...run.env, [MONGO_OPERATIONS_FILE_ENV]: operationsFile },
      {
        beforeStop: () => waitForKafkaToSettle(run),
        afterStop: async (dir) => {
          const [log, kafka, mongo, pushdown] = await Promise.all([
            eventLogFacts(dir),
            kafkaHoldings(run),
            mongoHoldings(run),
            explainFilters(run),
          ]);
          explained = pushdown;
          seen = {
            kafkaTopics: kafka.topics,
            kafkaMessages: kafka.messages,
            logHead: log.head,
            caseDocuments: mongo.cases,
            casesInLog: log.cases,
            projectedTo: mongo.projectedTo,
            server: mongo.server,
          };
          operations = JSON.parse(readFileSync(operationsFile, 'utf8')) as OperationTotal[];
        },
      },
      // Times every MongoDB operation in the node's own process.
      ['-r', join(__dirname, 'mongo-op-timing.js')],
    );
  } catch (error) {
    await dropExternalStores(run).catch(() => undefined);
    throw error;
  } finally {
    rmSync(operationsFile, { force: true });
  }
  const dropped = await dropExternalStores(run).then(
    () => 'Both were dropped after the run.',
    (error: Error) => `Dropping them failed: ${error.message}.`,
  );
  if (!seen) throw new Error('the Kafka + MongoDB node was not inspected');
  const requests = table.rows.reduce((sum, row) => sum + row.requests, 0);
  return {
    table: { ...table, against: baseline },
    baseline,
    note: `${describeExternalStores(run, seen)} ${dropped}`,
    waits: [
      ...mongoOperationsSection(seen.server, summarizeOperations(operations, requests), requests),
      ...pushdownSentence(COLLECTIONS.cases, explained),
    ],
    used: seen.kafkaMessages > 0 && seen.caseDocuments > 0,
    behind: seen.projectedTo < seen.logHead,
  };
}

/**
 * Where the node's time goes at 32 clients: the same mix against a node under `--cpu-prof`, whose main
 * thread's profile is written when it stops.
 */
async function profileNode(): Promise<{ summary: ProfileSummary; perSecond: number }> {
  return withTempDir('nrm-load-profile-', async (dir) => {
    const profiles = join(dir, 'profiles');
    const node = await startNode(dir, {}, ['--cpu-prof', `--cpu-prof-dir=${profiles}`]);
    let perSecond = 0;
    // The load alone: the node's start-up (module loading, schema) and its stop are not per-request work.
    const window = { fromMicros: 0, toMicros: 0 };
    try {
      const tokens = await signInOperators(node.baseUrl, 'DE', true);
      log(`profile: 32 clients for ${SECONDS} s under --cpu-prof...`);
      const mix = commandMix(
        tokens,
        () => undefined,
        () => undefined,
      );
      window.fromMicros = monotonicMicros();
      perSecond = (await drive(node.baseUrl, mix, 32, SECONDS)).perSecond;
      window.toMicros = monotonicMicros();
    } finally {
      await node.stop();
    }
    // The main thread's profile is the largest: worker threads (the log's writer) write their own.
    const files = readdirSync(profiles)
      .filter((name) => name.endsWith('.cpuprofile'))
      .map((name) => ({ name, profile: readProfile(join(profiles, name)) }))
      .sort((a, b) => b.profile.samples.length - a.profile.samples.length);
    if (files.length === 0) throw new Error('the node wrote no CPU profile');
    return { summary: summarizeProfile(files[0].profile, 12, window), perSecond };
  });
}

/** A raw server (one insert per request, nothing else) at every level of concurrency. */
async function measureRaw(name: string, entry: string, args: (port: number) => string[]): Promise<LoadTable> {
  const port = await freePort();
  const raw = new ServerProcess(join(__dirname, entry), args(port), {}, `http://127.0.0.1:${port}`);
  await raw.start();
  try {
    const insert = {
      method: 'POST' as const,
      path: '/records',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ referralSource: 'labour_inspectorate', countryOfExploitation: 'DE' }),
    };
    const rows: LoadTable['rows'] = [];
    for (const connections of LEVELS) {
      log(`${name}: ${connections} clients for ${SECONDS} s...`);
      rows.push(await drive(raw.baseUrl, [insert], connections, SECONDS));
    }
    return { name, rows, peakRssBytes: raw.peakRss };
  } finally {
    await raw.stop();
  }
}

/** Fastify + better-sqlite3, one insert per request at synchronous=FULL: what the disk and HTTP allow. */
function measureRawSqlite(): Promise<LoadTable> {
  return withTempDir('nrm-load-raw-', (dir) =>
    measureRaw('raw baseline (Fastify + better-sqlite3, one insert per request)', 'raw-server.js', (port) => [
      join(dir, 'raw.sqlite'),
      String(port),
    ]),
  );
}

/**
 * The kill run on the node with Kafka and MongoDB, in a database and topics of its own, dropped
 * afterwards. Its warnings are kept (the report quotes them if it does not come back), and it has
 * three minutes to answer /health after a kill.
 */
async function killExternalStoresNode(
  brokers: string,
  mongoUrl: string,
): Promise<{ result?: ExternalKillRunResult; error?: Error }> {
  const run = externalStoresRun(brokers, mongoUrl, `k${Date.now().toString(36)}`);
  log(`kill run on the Kafka + MongoDB node (every ${KILL_EVERY_EXTERNAL} commands): ${run.database}...`);
  const env = { ...run.env, NRM_LOG_LEVEL: 'warn' };
  try {
    const result = await withTempDir('nrm-load-kill-external-', (dir) =>
      externalKillRun(run, dir, () => startNode(dir, env, [], 180_000), KILL_EVERY_EXTERNAL, log),
    );
    return { result };
  } catch (error) {
    return { error: error as Error };
  } finally {
    await dropExternalStores(run).catch((error: Error) =>
      log(`could not drop ${run.database} / ${run.topicPrefix}.*: ${error.message}`),
    );
  }
}

async function main(): Promise<void> {
  const failures: string[] = [];
  const started = Date.now();
  const load = loadavg()[0];
  const raw = await measureRawSqlite();
  const tables = [await measureNode('node, embedded default (SQLite)', {})];
  const notes: string[] = [];
  const baselines: LoadTable[] = [];
  const waits: string[] = [];
  const { KAFKA_BROKERS, MONGO_URL } = process.env;
  if (KAFKA_BROKERS && MONGO_URL) {
    const external = await measureExternalStoresNode(KAFKA_BROKERS, MONGO_URL);
    tables.push(external.table);
    baselines.push(external.baseline);
    notes.push(external.note);
    waits.push(...external.waits);
    if (!external.used) failures.push('the Kafka + MongoDB node left nothing in Kafka or MongoDB');
    if (external.behind) log(`${EXTERNAL_STORES_NODE}: its read models fell behind the log under load`);
  } else {
    notes.push(EXTERNAL_STORES_NOT_MEASURED);
    log('KAFKA_BROKERS and MONGO_URL not set: the Kafka + MongoDB node is not measured');
  }
  const profile = await profileNode();
  log('kill run: 32 clients, three SIGKILLs of the node...');
  const kill = await withTempDir('nrm-load-kill-', async (dir) => {
    const node = await startNode(dir, {});
    const tokens = await signInOperators(node.baseUrl, 'DE', true);
    return killRun(node, dir, tokens, KILL_EVERY, log);
  });
  const afterKill: string[] = [];
  if (KAFKA_BROKERS && MONGO_URL) {
    const { result, error } = await killExternalStoresNode(KAFKA_BROKERS, MONGO_URL);
    if (result) {
      const { kill: k, recovered } = result;
      afterKill.push(describeExternalKillRun(k, recovered, result.catchUpSeconds));
      if (k.lost > 0 || k.kills < 3)
        failures.push(`Kafka + MongoDB kill run: ${k.kills} kills, ${k.lost} LOST`);
      if (recovered.projectedTo < recovered.logHead || recovered.kafkaMessages < recovered.logHead)
        failures.push('Kafka + MongoDB kill run: the read models or Kafka did not catch up with the log');
    } else {
      const reason = (error?.message ?? 'unknown').split('\n').slice(0, 6).join(' ').slice(0, 600);
      afterKill.push(`Kill run on the Kafka + MongoDB node: FAILED (${reason}).`);
      failures.push(`Kafka + MongoDB kill run failed: ${error?.stack ?? 'unknown'}`);
    }
  }
  writeLoadSection({
    machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, load average ${load.toFixed(2)} at the start`,
    seconds: SECONDS,
    raw,
    baselines,
    tables,
    notes,
    kill,
    afterKill,
    profile,
    moreSections: waits,
    totalSeconds: (Date.now() - started) / 1000,
  });
  if (kill.lost > 0 || kill.kills < 3)
    failures.push(`kill run: ${kill.kills} kills, ${kill.lost} acknowledged commands LOST`);
  failures.push(...unexpectedOutcomes(tables));
  for (const failure of failures) log(failure);
  if (failures.length > 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
