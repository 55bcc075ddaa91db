import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { statisticsCsv } from '@nrm/application/statistics/statistics-csv';
import { ALL_OPERATOR_ROLES, NodeHarness } from '../support/node-harness';
import { collect, exitOf, runTs } from '../support/node-process';
import { earlyLastYear, LAST_YEAR, seedRegistrations } from '../support/statistics-seed';

/** `npm run cli -- statistics export --format csv`, run as a real process on a node's data directory. */
describe('statistics export (CLI)', () => {
  jest.setTimeout(180_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'nrm-statistics-cli-'));
  const outDir = mkdtempSync(join(tmpdir(), 'nrm-statistics-out-'));
  const env = { NRM_DATA_DIR: dataDir, INIT_CWD: outDir };
  let node: NodeHarness | undefined;

  const cli = async (...args: string[]) => {
    const child = runTs('apps/node/src/cli.ts', ['statistics', 'export', ...args], env);
    const output = collect(child);
    return { code: await exitOf(child), out: output.out(), err: output.err() };
  };

  beforeAll(async () => {
    node = await NodeHarness.start({}, dataDir);
    await node.withUsers([...ALL_OPERATOR_ROLES, 'analyst']);
  }, 60_000);
  afterAll(async () => {
    await node?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  });

  it('refuses while a node runs on the data directory', async () => {
    const refused = await cli('--format', 'csv');
    expect(refused.code).toBe(75);
    expect(refused.err).toMatch(/is running on .*: stop it before exporting statistics/);
    expect(refused.out).toBe('');
    const config = node!.config;
    await node!.stop();
    node = undefined;
    // 12 women and 3 men registered last year, written while the node is stopped.
    await seedRegistrations(config, [...earlyLastYear(12, 'female'), ...earlyLastYear(3, 'male')]);
  });

  it('refuses a missing or unknown format, a bad period or year (64)', async () => {
    for (const args of [
      [],
      ['--format', 'json'],
      ['--format', 'csv', '--period', 'month'],
      ['--format=csv', '--from', '1999'],
    ]) {
      const refused = await cli(...args);
      expect({ args, code: refused.code }).toEqual({ args, code: 64 });
      expect(refused.err).toContain('usage: npm run cli -- statistics export --format csv');
    }
  });

  it('writes one CSV line per cell, a suppressed count empty and flagged, and catches the read models up', async () => {
    const done = await cli('--format', 'csv', '--period', 'quarter', '--from', String(LAST_YEAR));
    expect(done.code).toBe(0);
    const lines = done.out.split('\r\n');
    expect(lines[0]).toBe('table,row,column,value,suppressed');
    // 3 men: suppressed; 12 women would be 15 - 3: suppressed too. The total and the NGO count: 15.
    expect(lines).toContain(`registrations-by-sex,male,${LAST_YEAR}-Q1,,true`);
    expect(lines).toContain(`registrations-by-sex,female,${LAST_YEAR}-Q1,,true`);
    expect(lines).toContain(`registrations-by-sex,total,${LAST_YEAR}-Q1,15,false`);
    expect(lines).toContain(`registrations-by-referral-source,ngo,${LAST_YEAR}-Q1,15,false`);
    expect(done.out).not.toMatch(/Seeded|Person/);
    expect(done.err).toMatch(/counts below 11 suppressed/);
  });

  it('writes to a new file of mode 0600, never over an existing one (73)', async () => {
    const done = await cli('--format=csv', '--out', 'statistics.csv');
    expect(done.code).toBe(0);
    const file = join(outDir, 'statistics.csv');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toContain(`registrations-by-sex,total,${LAST_YEAR},15,false`);
    const again = await cli('--format=csv', '--out', 'statistics.csv');
    expect(again.code).toBe(73);
    expect(existsSync(file)).toBe(true);
  });

  it('answers exactly what GET /api/statistics answers (one code path, one disclosure control)', async () => {
    const fromCli = await cli('--format', 'csv', '--period', 'quarter');
    node = await NodeHarness.start({}, dataDir);
    const token = await node.login('analyst-user', 'correct horse battery staple');
    const answer = await node.request('GET', '/api/statistics?period=quarter', { token });
    expect(answer.status).toBe(200);
    expect(fromCli.out).toBe(statisticsCsv(answer.body));
  });
});
