import type { SignedIntegrityReport } from '@nrm/application/audit/report/integrity-report-data';
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runVerify } from '../../apps/verify/src/main';
import { ALL_OPERATOR_ROLES, NodeHarness, REGISTRATION } from '../support/node-harness';
import { collect, exitOf, runTs } from '../support/node-process';

const NODE = { NRM_NODE_ID: 'nrm-de', NRM_NODE_COUNTRY: 'DE' };

/** The embedded signed data of an HTML report. */
function embedded(html: string): SignedIntegrityReport {
  const block = html.match(/<script type="application\/json" id="nrm-integrity-report">([\s\S]*?)<\/script>/);
  if (!block) throw new Error('no embedded report');
  return JSON.parse(block[1]) as SignedIntegrityReport;
}

/** `npm run cli -- audit report`, run as a real process on a node's data directory. */
describe('integrity report (CLI)', () => {
  jest.setTimeout(180_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'nrm-report-cli-'));
  const outDir = mkdtempSync(join(tmpdir(), 'nrm-report-out-'));
  const env = { ...NODE, NRM_DATA_DIR: dataDir, INIT_CWD: outDir };
  let node: NodeHarness | undefined;
  let caseId: string;

  const cli = async (...args: string[]) => {
    const child = runTs('apps/node/src/cli.ts', ['audit', 'report', ...args], env);
    const output = collect(child);
    return { code: await exitOf(child), out: output.out(), err: output.err() };
  };
  const verify = (file: string) => {
    let text = '';
    const sink = { write: (chunk: string) => ((text += chunk), true) } as unknown as NodeJS.WritableStream;
    return { code: runVerify([file], sink, sink), text };
  };

  beforeAll(async () => {
    node = await NodeHarness.start(NODE, dataDir);
    await node.withUsers(ALL_OPERATOR_ROLES);
    caseId = (await node.request('POST', '/api/cases', { as: 'identification_officer', body: REGISTRATION }))
      .body.caseId;
    // The person's assistance consent, under which the case manager reads their data (and the read is logged).
    const consent = { purpose: 'assistance', granted: true };
    const given = await node.request('POST', `/api/cases/${caseId}/consents`, {
      as: 'identification_officer',
      body: consent,
    });
    expect(given.status).toBe(201);
    expect((await node.request('GET', `/api/cases/${caseId}`, { as: 'case_manager' })).status).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await node?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  });

  it('writes the report beside a running node (it only reads), to a new file of mode 0600', async () => {
    const done = await cli('--out', 'report.html');
    expect(done.err).toMatch(/verifying the log of nrm-de/);
    expect(done.err).toMatch(/events/);
    expect(done.err).toMatch(/wrote the integrity report to .*report\.html: \d+ events, log valid/);
    expect(done.code).toBe(0);
    expect(done.out).toBe('');
    const file = join(outDir, 'report.html');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const html = readFileSync(file, 'utf8');
    const { data } = embedded(html);
    expect(data.verification.valid).toBe(true);
    expect(data.accessLog.byPurposeAndRole).toEqual([
      expect.objectContaining({ role: 'case_manager', count: 1 }),
    ]);
    expect(html).not.toMatch(/Vrabie|Ileana/);
    expect(verify(file)).toMatchObject({ code: 0, text: expect.stringMatching(/\nVALID\n$/) });
  });

  it('never replaces a file unless told to, and says what is missing from the command line', async () => {
    const file = join(outDir, 'kept.html');
    writeFileSync(file, 'earlier report');
    const refused = await cli('--out', 'kept.html');
    expect(refused.code).toBe(73);
    expect(refused.err).toMatch(/kept\.html exists: name a new file, or give --force/);
    expect(readFileSync(file, 'utf8')).toBe('earlier report');

    const forced = await cli('--out=kept.html', '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^<!doctype html>/);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const usage = await cli();
    expect(usage.code).toBe(64);
    expect(usage.err).toMatch(/--out <file> is required/);
    expect((await cli('--out', 'x.html', '--pdf')).code).toBe(64);
    expect(existsSync(join(outDir, 'x.html'))).toBe(false);
  });

  it('with --replay, refuses beside a running node, and on the stopped node reports the replay audit', async () => {
    const running = await cli('--out', 'replayed.html', '--replay');
    expect(running.code).toBe(75);
    expect(running.err).toMatch(/stop it before auditing its read models for the report/);
    await node?.stop();
    node = undefined;

    const done = await cli('--out', 'replayed.html', '--replay');
    expect(done.code).toBe(0);
    const file = join(outDir, 'replayed.html');
    const html = readFileSync(file, 'utf8');
    expect(embedded(html).data.replay).toMatchObject({ equal: true, differences: [] });
    expect(embedded(html).data.replay?.comparedRows).toBeGreaterThan(0);
    expect(html).toContain('The read models rebuilt from the log equal the ones the node kept.');
    expect(verify(file).code).toBe(0);

    // A read model changed behind the log's back is in the report, by model, case and field.
    const readModels = new Database(join(dataDir, 'read-models.sqlite'));
    readModels.prepare("UPDATE case_detail SET stage = 'closed' WHERE case_id = ?").run(caseId);
    readModels.close();
    const changed = await cli('--out', 'replayed-changed.html', '--replay');
    expect(changed.code).toBe(1); // the log verifies, but the read models do not match it
    const report = embedded(readFileSync(join(outDir, 'replayed-changed.html'), 'utf8')).data.replay;
    expect(report).toMatchObject({
      equal: false,
      differences: [{ model: 'case-detail', key: caseId, kind: 'changed', fields: ['/listing/stage'] }],
    });
  });

  it('on a stopped node whose log was changed, writes the report recording it and exits 1', async () => {
    await node?.stop();
    node = undefined;
    const db = new Database(join(dataDir, 'events.sqlite'));
    // The case's registration (accounts and organisation events come first in the log).
    const { position } = db
      .prepare<[string], { position: number }>(
        'SELECT position FROM events WHERE stream_id = ? AND revision = 0',
      )
      .get(`case-${caseId}`)!;
    db.prepare(
      "UPDATE events SET data = replace(data, 'labour_inspectorate', 'police') WHERE position = ?",
    ).run(position);
    db.close();

    const done = await cli('--out', 'changed.html');
    expect(done.code).toBe(1);
    expect(done.err).toMatch(/log INVALID/);
    const file = join(outDir, 'changed.html');
    const html = readFileSync(file, 'utf8');
    expect(embedded(html).data.verification).toMatchObject({ valid: false, firstInvalidPosition: position });
    expect(html).toContain('THE LOG DOES NOT VERIFY');
    // The report itself is the node's, intact: nrm-verify finds it valid and says what it states.
    const checked = verify(file);
    expect(checked.code).toBe(0);
    expect(checked.text).toMatch(/the report states that the node's log did NOT verify/);
  });
});
