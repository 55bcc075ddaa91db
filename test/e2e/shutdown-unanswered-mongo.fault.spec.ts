import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import mongoose from 'mongoose';
import { describeIfServer } from '@nrm/common/testing';
import { PROJECTION_NAMES } from '@nrm/read-models/case-view/projection-names';
import { COLLECTIONS } from '@nrm/read-models/mongo/mongo-read-model-schemas';
import { exitOf, exitWithin, freePort, startNodeProcess, type NodeProcess } from '../support/node-process';
import { eventually } from '../support/two-nodes';

const REPO_ROOT = join(__dirname, '../..');
const run = promisify(execFile);
/** Freezes FerretDB (SIGSTOP: its connections stay open, nothing answers) or thaws it. */
const infra = (command: 'pause' | 'resume') =>
  run(process.execPath, [join(REPO_ROOT, 'deploy/local/infra.js'), command, 'mongo'], { cwd: REPO_ROOT });

const STEP_MS = 1_000;

/**
 * SIGTERM while the read models' server answers nothing: the node must still stop, each stage of its
 * stop bounded by NRM_SHUTDOWN_TIMEOUT_MS, and lose nothing: once the server is back, the restarted
 * node's projections catch up with every event of the log.
 */
describeIfServer('MONGO_URL', 'stop of a node whose MongoDB never answers', (url) => {
  jest.setTimeout(180_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'nrm-shutdown-mongo-'));
  const dbUrl = (() => {
    const parsed = new URL(url);
    parsed.pathname = `/nrm_fault_stop_${randomBytes(4).toString('hex')}`;
    return parsed.toString();
  })();
  const env = {
    NRM_DATA_DIR: dataDir,
    NRM_ADMIN_PASSWORD: 'a long admin password 1',
    MONGO_URL: dbUrl,
    NRM_SHUTDOWN_TIMEOUT_MS: String(STEP_MS),
  };
  let node: NodeProcess | undefined;
  let paused = false;

  afterAll(async () => {
    if (paused) await infra('resume');
    if (node && node.child.exitCode === null) node.child.kill('SIGKILL');
    const connection = await mongoose.createConnection(dbUrl).asPromise();
    await connection.dropDatabase();
    await connection.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const login = async (base: string) => {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: env.NRM_ADMIN_PASSWORD }),
    });
    return ((await res.json()) as { accessToken: string }).accessToken;
  };
  const addDistrict = (base: string, token: string, code: string) =>
    fetch(`${base}/api/organisation/districts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ code, name: code }),
    });

  it('stops within its bounds, says which stage it left, and the restarted node catches up', async () => {
    node = await startNodeProcess(env, await freePort());
    const token = await login(node.baseUrl);
    expect((await addDistrict(node.baseUrl, token, 'DE-BE')).status).toBe(201);

    await infra('pause');
    paused = true;
    // Appended to the log (SQLite, unaffected); its projection now waits on the frozen server.
    expect((await addDistrict(node.baseUrl, token, 'DE-HH')).status).toBe(201);

    const began = Date.now();
    node.child.kill('SIGTERM');
    // Three stages of at most STEP_MS each, plus Nest's own: a node that waits on the server never ends.
    const exited = await exitWithin(node.child, 30_000);
    expect(exited).toBe(0);
    expect(Date.now() - began).toBeLessThan(3 * STEP_MS + 10_000);
    expect(node.output.out() + node.output.err()).toMatch(/did not stop within 1000 ms/);

    await infra('resume');
    paused = false;
    node = await startNodeProcess(env, await freePort());
    const events = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
    const head = (events.prepare('SELECT MAX(position) AS head FROM events').get() as { head: number }).head;
    events.close();
    const connection = await mongoose.createConnection(dbUrl).asPromise();
    try {
      const checkpoints = connection.collection<{ _id: string; position: number }>(COLLECTIONS.checkpoints);
      const lowest = await eventually(
        "the restarted node's projections at the log's head",
        async () => {
          const all = await checkpoints.find({}).toArray();
          if (all.length < Object.keys(PROJECTION_NAMES).length) return undefined;
          const reached = Math.min(...all.map((c) => c.position));
          return reached >= head ? reached : undefined;
        },
        60_000,
      );
      expect(lowest).toBe(head);
    } finally {
      await connection.close();
    }
    node.child.kill('SIGTERM');
    expect(await exitOf(node.child)).toBe(0);
  });
});
