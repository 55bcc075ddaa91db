import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { READ_MODEL_FILE } from '@nrm/read-models';
import { ALL_OPERATOR_ROLES, NodeHarness, PASSWORD, REGISTRATION } from '../support/node-harness';
import { collect, exitOf, runTs } from '../support/node-process';

/** `npm run cli -- audit replay`, run as a real process on a node's data directory. */
describe('audit replay (CLI)', () => {
  jest.setTimeout(180_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'nrm-audit-replay-'));
  const env = { NRM_DATA_DIR: dataDir };
  let node: NodeHarness | undefined;
  let first: string;
  let second: string;
  /** The log's head and an instant after the first phase, before anything else was recorded. */
  let firstHead: number;
  let afterFirst: string;

  const cli = async (...args: string[]) => {
    const child = runTs('apps/node/src/cli.ts', ['audit', 'replay', ...args], env);
    const output = collect(child);
    return { code: await exitOf(child), out: output.out(), err: output.err() };
  };
  const register = async (running: NodeHarness) => {
    const res = await running.request('POST', '/api/cases', {
      as: 'identification_officer',
      body: REGISTRATION,
    });
    expect(res.status).toBe(201);
    // The victim consents to assistance: the case manager's reads of the person.
    const consented = await running.request('POST', `/api/cases/${res.body.caseId}/consents`, {
      as: 'identification_officer',
      body: { purpose: 'assistance', granted: true },
    });
    expect(consented.status).toBe(201);
    return res.body.caseId as string;
  };
  const stopNode = async () => {
    await node?.stop();
    node = undefined;
  };
  /** The bytes of the live files: the audit must leave them as they were. */
  const liveBytes = () =>
    ['events.sqlite', READ_MODEL_FILE].map((file) => readFileSync(join(dataDir, file)).toString('base64'));
  /** Changes the live read models behind the log's back, as someone with the file would. */
  const tamper = (sql: string, ...params: unknown[]) => {
    const db = new Database(join(dataDir, READ_MODEL_FILE));
    try {
      expect(db.prepare(sql).run(...params).changes).toBe(1);
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    node = await NodeHarness.start({}, dataDir);
    await node.withUsers(ALL_OPERATOR_ROLES);
    first = await register(node);
    // A read of personal data: a row of the access log.
    expect(
      (await node.request('GET', `/api/cases/${first}?purpose=case_work`, { as: 'case_manager' })).status,
    ).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await stopNode();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses while a node runs on the data directory', async () => {
    const refused = await cli();
    expect(refused.code).toBe(75);
    expect(refused.err).toMatch(/is running on .*: stop it before auditing its read models/);
    expect(refused.out).toBe('');
    await stopNode();
  });

  it('finds the live read models equal to the log, with a progress bar, and writes nothing', async () => {
    const before = liveBytes();

    const done = await cli();
    expect(done.code).toBe(0);
    expect(done.out).toMatch(
      /^read models match the log: \d+ rows in 4 models compared, as of log position (\d+)/,
    );
    expect(done.out).toMatch(/ {2}access-log: 1 compared\n/);
    expect(done.err).toMatch(/\[#+\] 100% \d+\/\d+ events/);
    expect(liveBytes()).toEqual(before);

    const json = await cli('--json');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.out);
    expect(report).toMatchObject({ matches: true, differenceCount: 0, differences: [] });
    expect(report.comparedUpTo).toBe(report.logHead);
    firstHead = report.logHead;
    afterFirst = new Date().toISOString();
  });

  it('names the case and field of a read model changed behind the log, as of the whole log or --until before it', async () => {
    node = await NodeHarness.start({}, dataDir);
    await node.withUsers([]);
    node.tokens.set('identification_officer', await node.login('identification-officer-user', PASSWORD));
    second = await register(node);
    await stopNode();
    tamper(`UPDATE case_detail SET stage = 'closed' WHERE case_id = ?`, second);
    const before = liveBytes();

    const whole = await cli();

    expect(whole.code).toBe(1);
    expect(whole.out).toMatch(/^read models DIFFER from the log: 1 difference in \d+ rows compared/);
    expect(whole.out).toContain(
      `\ncase-detail ${second}: changed\n  /listing/stage: live "closed", replayed "`,
    );
    expect(whole.out).not.toMatch(/Ileana|Vrabie/);
    expect(liveBytes()).toEqual(before);

    // Up to the first phase: the second case changed after it, and is counted, not compared.
    for (const until of [String(firstHead), afterFirst]) {
      const earlier = await cli('--until', until);
      expect(earlier.code).toBe(0);
      expect(earlier.out).toContain(`as of log position ${firstHead}`);
      expect(earlier.out).toMatch(/case-detail: 1 compared, 1 not compared \(changed after position \d+\)/);
    }
  });

  it('names a deleted access-log row, also with --until', async () => {
    tamper(`DELETE FROM access_log WHERE case_id = ?`, first);

    const done = await cli(`--until=${firstHead}`, '--json');

    expect(done.code).toBe(1);
    const report = JSON.parse(done.out);
    expect(report.differences).toEqual([
      { model: 'access-log', key: expect.stringMatching(/^\d+$/), caseId: first, kind: 'missing-in-live' },
    ]);
  });

  it('refuses a bad --until or argument (64), and a directory holding no node (66)', async () => {
    const bad = await cli('--until', 'last tuesday');
    expect(bad).toMatchObject({ code: 64, out: '' });
    expect(bad.err).toMatch(/--until "last tuesday" is not understood: --until takes a log position/);
    expect(bad.err).toMatch(/usage: npm run cli -- audit replay/);
    const unknown = await cli('--since', '3');
    expect(unknown).toMatchObject({ code: 64, out: '' });
    expect(unknown.err).toMatch(/unknown argument "--since"/);

    const empty = mkdtempSync(join(tmpdir(), 'nrm-audit-empty-'));
    try {
      const child = runTs('apps/node/src/cli.ts', ['audit', 'replay'], { NRM_DATA_DIR: empty });
      const output = collect(child);
      expect(await exitOf(child)).toBe(66);
      expect(output.err()).toMatch(/holds no node/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
