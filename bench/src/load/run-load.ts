/**
 * npm run bench:load — the node as its users meet it: many operators sending commands at once over HTTP.
 * A real node process (embedded default; then Kafka and MongoDB when KAFKA_BROKERS and MONGO_URL are
 * set) under autocannon at 1, 8, 32 and 128 clients, beside a raw Fastify + better-sqlite3 baseline at
 * the same durability; then three SIGKILLs under load. Writes "The node under load" in docs/performance.md.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOAD_ADMIN, signInOperators } from './accounts';
import { commandMix } from './command-mix';
import { readProfile, summarizeProfile, type ProfileSummary } from './cpu-profile';
import { drive } from './drive';
import { killRun } from './kill-run';
import { LoadTable, writeLoadSection } from './load-report';
import { freePort } from '@nrm/common/net/free-port';
import { NODE_MAIN, ServerProcess } from './node-under-test';

const LEVELS = (process.env.LOAD_CONCURRENCY ?? '1,8,32,128').split(',').map(Number);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 10);
const KILL_EVERY = Number(process.env.LOAD_KILL_EVERY ?? 300);
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
): Promise<ServerProcess> {
  const port = await freePort();
  const node = new ServerProcess(
    NODE_MAIN,
    [],
    nodeEnv(dir, port, extra),
    `http://127.0.0.1:${port}`,
    nodeArgs,
  );
  await node.start();
  return node;
}

/** The node at every level of concurrency, one node (and one growing log) for all levels. */
async function measureNode(name: string, extra: Record<string, string>): Promise<LoadTable> {
  return withTempDir('nrm-load-', async (dir) => {
    const node = await startNode(dir, extra);
    try {
      const tokens = await signInOperators(node.baseUrl, 'DE', true);
      const rows: LoadTable['rows'] = [];
      for (const connections of LEVELS) {
        let stale = 0;
        const mix = commandMix(
          tokens,
          () => undefined,
          () => stale++,
        );
        log(`${name}: ${connections} clients for ${SECONDS} s...`);
        rows.push(await drive(node.baseUrl, mix, connections, SECONDS, () => stale));
      }
      return { name, rows, peakRssBytes: node.peakRss };
    } finally {
      await node.stop();
    }
  });
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
    try {
      const tokens = await signInOperators(node.baseUrl, 'DE', true);
      log(`profile: 32 clients for ${SECONDS} s under --cpu-prof...`);
      const mix = commandMix(
        tokens,
        () => undefined,
        () => undefined,
      );
      perSecond = (await drive(node.baseUrl, mix, 32, SECONDS)).perSecond;
    } finally {
      await node.stop();
    }
    // The main thread's profile is the largest: worker threads (the log's writer) write their own.
    const files = readdirSync(profiles)
      .filter((name) => name.endsWith('.cpuprofile'))
      .map((name) => ({ name, profile: readProfile(join(profiles, name)) }))
      .sort((a, b) => b.profile.samples.length - a.profile.samples.length);
    if (files.length === 0) throw new Error('the node wrote no CPU profile');
    return { summary: summarizeProfile(files[0].profile), perSecond };
  });
}

/** Fastify + better-sqlite3, one insert per request at synchronous=FULL: what the disk and HTTP allow. */
async function measureRaw(): Promise<LoadTable> {
  return withTempDir('nrm-load-raw-', async (dir) => {
    const port = await freePort();
    const raw = new ServerProcess(
      join(__dirname, 'raw-server.js'),
      [join(dir, 'raw.sqlite'), String(port)],
      {},
      `http://127.0.0.1:${port}`,
    );
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
        log(`raw baseline: ${connections} clients for ${SECONDS} s...`);
        rows.push(await drive(raw.baseUrl, [insert], connections, SECONDS));
      }
      return {
        name: 'raw baseline (Fastify + better-sqlite3, one insert per request)',
        rows,
        peakRssBytes: raw.peakRss,
      };
    } finally {
      await raw.stop();
    }
  });
}

async function main(): Promise<void> {
  const started = Date.now();
  const load = loadavg()[0];
  const raw = await measureRaw();
  const tables = [await measureNode('node, embedded default (SQLite)', {})];
  const { KAFKA_BROKERS, MONGO_URL } = process.env;
  if (KAFKA_BROKERS && MONGO_URL) {
    const database = `nrm_load_${Date.now()}`;
    const mongoUrl = `${MONGO_URL.replace(/\/[^/]*$/, '')}/${database}`;
    tables.push(await measureNode('node with Kafka and MongoDB', { KAFKA_BROKERS, MONGO_URL: mongoUrl }));
  } else {
    log('KAFKA_BROKERS and MONGO_URL not set: the Kafka and MongoDB node is not measured (npm run infra:up)');
  }
  const profile = await profileNode();
  log('kill run: 32 clients, three SIGKILLs of the node...');
  const kill = await withTempDir('nrm-load-kill-', async (dir) => {
    const node = await startNode(dir, {});
    const tokens = await signInOperators(node.baseUrl, 'DE', true);
    return killRun(node, dir, tokens, KILL_EVERY, log);
  });
  writeLoadSection({
    machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, load average ${load.toFixed(2)} at the start`,
    seconds: SECONDS,
    raw,
    tables,
    kill,
    profile,
    totalSeconds: (Date.now() - started) / 1000,
  });
  if (kill.lost > 0 || kill.kills < 3) {
    log(`kill run: ${kill.kills} kills, ${kill.lost} acknowledged commands LOST`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
