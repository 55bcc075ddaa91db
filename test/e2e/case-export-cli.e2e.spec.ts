import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { READ_MODEL_FILE } from '@nrm/read-models';
import { ALL_OPERATOR_ROLES, NodeHarness, PASSWORD, REGISTRATION } from '../support/node-harness';
import { collect, exitOf, runTs } from '../support/node-process';

const PURPOSE = 'subject_access_request';

/** `npm run cli -- cases export`, run as a real process on a node's data directory. */
describe('case export (CLI)', () => {
  jest.setTimeout(180_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'nrm-export-cli-'));
  const outDir = mkdtempSync(join(tmpdir(), 'nrm-export-out-'));
  const env = { NRM_DATA_DIR: dataDir, INIT_CWD: outDir };
  let caseId: string;
  let node: NodeHarness | undefined;

  const startNode = async () => {
    node = await NodeHarness.start({}, dataDir);
    return node;
  };
  const stopNode = async () => {
    await node?.stop();
    node = undefined;
  };
  const cli = async (...args: string[]) => {
    const child = runTs('apps/node/src/cli.ts', ['cases', 'export', ...args], env);
    const output = collect(child);
    return { code: await exitOf(child), out: output.out(), err: output.err() };
  };
  /** The access log as an auditor reads it, on the node started again on the same data directory. */
  const accessLog = async (running: NodeHarness) => {
    const token = await running.login('auditor-user', PASSWORD);
    return (await running.request('GET', `/api/audit/access-log?caseId=${caseId}`, { token })).body
      .items as Record<string, unknown>[];
  };

  beforeAll(async () => {
    const running = await startNode();
    await running.withUsers(ALL_OPERATOR_ROLES);
    caseId = (
      await running.request('POST', '/api/cases', { as: 'identification_officer', body: REGISTRATION })
    ).body.caseId;
    expect(caseId).toBeDefined();
    // The victim consents to assistance: the case manager's use of their identity (the export's reader).
    const consented = await running.request('POST', `/api/cases/${caseId}/consents`, {
      as: 'identification_officer',
      body: { purpose: 'assistance', granted: true },
    });
    expect(consented.status).toBe(201);
  }, 60_000);
  afterAll(async () => {
    await stopNode();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  });

  it('refuses while a node runs on the data directory, and records nothing', async () => {
    const refused = await cli(caseId, '--purpose', PURPOSE, '--operator', 'case-manager-user');
    expect(refused.code).toBe(75);
    expect(refused.err).toMatch(/is running on .*: stop it before exporting/);
    expect(refused.out).toBe('');
    expect(await accessLog(node as NodeHarness)).toEqual([]);
    await stopNode();
  });

  it('writes a file only its owner can read, with the person, and records the access with channel cli', async () => {
    const done = await cli(
      caseId,
      '--purpose',
      PURPOSE,
      '--operator',
      'case-manager-user',
      '--out',
      'dsar.json',
    );
    expect(done.code).toBe(0);
    expect(done.out).toBe('');
    expect(done.err).toMatch(
      /exported case .* for case-manager-user to .*dsar\.json; recorded in the access log/,
    );
    const file = join(outDir, 'dsar.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const document = JSON.parse(readFileSync(file, 'utf8'));
    expect(document).toMatchObject({
      format: 'nrm-case-export',
      caseId,
      purpose: PURPOSE,
      channel: 'cli',
      exportedBy: { username: 'case-manager-user', role: 'case_manager' },
      case: { person: { givenName: 'Ileana', familyName: 'Vrabie' } },
    });
    expect(document.events[0].personal).toMatchObject({ familyName: 'Vrabie' });

    // An export never overwrites a file (nor records anything when it cannot write).
    const again = await cli(caseId, '--purpose', PURPOSE, '--operator', 'case-manager-user', '--out', file);
    expect(again.code).toBe(73);
    expect(again.err).toMatch(/exists/);

    const running = await startNode();
    const entries = await accessLog(running);
    expect(entries).toEqual([
      expect.objectContaining({
        userId: document.exportedBy.userId,
        role: 'case_manager',
        purpose: PURPOSE,
        channel: 'cli',
      }),
    ]);
    await stopNode();
  });

  it('refuses an unknown user, a role that reads no case, a missing purpose and an unknown case, clearly', async () => {
    // One at a time: each run holds the data directory's lock, as a node would.
    const unknownUser = await cli(
      caseId,
      '--purpose',
      PURPOSE,
      '--operator',
      'nobody',
      '--out',
      'nobody.json',
    );
    const admin = await cli(caseId, '--purpose', PURPOSE, '--operator', 'admin');
    const noPurpose = await cli(caseId, '--operator', 'case-manager-user');
    const unknownCase = await cli(
      '0b7c5a70-4a8e-4b8e-9a64-3c1f2f6f9d11',
      '--purpose',
      PURPOSE,
      '--operator',
      'case-manager-user',
    );
    expect(unknownUser).toMatchObject({ code: 67, out: '' });
    expect(unknownUser.err).toMatch(/no user "nobody"/);
    expect(existsSync(join(outDir, 'nobody.json'))).toBe(false);
    expect(admin).toMatchObject({ code: 77, out: '' });
    expect(admin.err).toMatch(/admin: only roles that read cases may export/);
    expect(noPurpose).toMatchObject({ code: 64, out: '' });
    expect(noPurpose.err).toMatch(/--purpose is required/);
    expect(unknownCase).toMatchObject({ code: 66, out: '' });
    expect(unknownCase.err).toMatch(/no case 0b7c5a70-4a8e-4b8e-9a64-3c1f2f6f9d11 that case-manager-user/);
  });

  it('after erasure, writes the personal fields as erased, from read models rebuilt from the log (to standard output)', async () => {
    const running = await startNode();
    const admin = await running.login('admin', 'admin-password-for-tests');
    const erased = await running.request('POST', `/api/cases/${caseId}/erasure`, {
      token: admin,
      body: { legalBasis: 'GDPR art. 17(1)(a)' },
    });
    expect(erased.status).toBe(201);
    await stopNode();
    // Read models lost (or left behind by a crash): the CLI rebuilds them from the log before exporting.
    for (const suffix of ['', '-wal', '-shm'])
      rmSync(join(dataDir, READ_MODEL_FILE + suffix), { force: true });

    const done = await cli(caseId, `--purpose=${PURPOSE}`, '--operator=auditor-user');
    expect(done.code).toBe(0);
    expect(done.err).toMatch(/bringing the read models up to date/);
    const document = JSON.parse(done.out);
    expect(document).toMatchObject({
      channel: 'cli',
      personalData: 'included',
      case: { person: { erased: true } },
    });
    expect(document.events[0].personal).toEqual({ erased: true });
    expect(done.out).not.toMatch(/Vrabie|Ileana|1996-03-02/);
  });
});
