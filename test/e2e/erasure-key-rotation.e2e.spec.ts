import {
  MASTER_KEY_FILE,
  NEXT_MASTER_KEY_FILE,
  parseMasterKey,
  SqliteKeyStore,
  stageNextMasterKey,
} from '@nrm/privacy';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeHarness, PASSWORD, REGISTRATION } from '../support/node-harness';
import { collect, exitOf, freePort, runTs, waitForHealth } from '../support/node-process';

const PEOPLE = ['Vrabie', 'Kovalenko', 'Popescu', 'Rusu'];

/** `keys rotate-master` as an operator runs it, on a node's data directory, and the node afterwards. */
describe('master key rotation (CLI)', () => {
  jest.setTimeout(240_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'nrm-rotate-cli-'));
  const keyFile = join(dataDir, MASTER_KEY_FILE);
  const env = { NRM_DATA_DIR: dataDir, NRM_LOG_LEVEL: 'error' };
  const caseIds: string[] = [];
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const cli = async (args: string[], extra: Record<string, string> = {}) => {
    const child = runTs('apps/node/src/cli.ts', ['keys', 'rotate-master', ...args], { ...env, ...extra });
    const output = collect(child);
    return { code: await exitOf(child), out: output.out(), err: output.err() };
  };

  /** Starts the node (in this process, key from master.key) and reads every case's person. */
  async function personsSeenByNode(): Promise<unknown[]> {
    const node = await NodeHarness.start({}, dataDir);
    try {
      node.tokens.set('case_manager', await node.login('case-manager-user', PASSWORD));
      const persons = [];
      for (const caseId of caseIds) {
        const res = await node.request('GET', `/api/cases/${caseId}?purpose=assistance_planning`, {
          as: 'case_manager',
        });
        persons.push(res.body.person?.familyName ?? res.body.person);
      }
      return persons;
    } finally {
      await node.stop();
    }
  }
  const expectedPersons = () => [{ erased: true }, ...PEOPLE.slice(1)];

  it('refuses while the node runs, rotates the key file, and the node reads every case with the new key only', async () => {
    const node = await NodeHarness.start({}, dataDir);
    await node.withUsers(['identification_officer', 'case_manager']);
    for (const familyName of PEOPLE) {
      const body = { ...REGISTRATION, person: { ...REGISTRATION.person, familyName } };
      const caseId = (await node.request('POST', '/api/cases', { as: 'identification_officer', body })).body
        .caseId;
      caseIds.push(caseId);
      // The victim consents to assistance: the case manager's reads of the person below.
      const consented = await node.request('POST', `/api/cases/${caseId}/consents`, {
        as: 'identification_officer',
        body: { purpose: 'assistance', granted: true },
      });
      expect(consented.status).toBe(201);
    }
    const erased = await node.request('POST', `/api/cases/${caseIds[0]}/erasure`, {
      as: 'admin',
      body: { legalBasis: 'GDPR art. 17(1)(a)' },
    });
    expect(erased.status).toBe(201);

    const refused = await cli(['--generate']);
    expect(refused.code).toBe(75);
    expect(refused.err).toMatch(/stop it before rotating the master key/);
    await node.stop();

    const oldKey = readFileSync(keyFile, 'utf8');
    const rotated = await cli(['--generate']);
    expect({ code: rotated.code, err: rotated.err }).toEqual({
      code: 0,
      err: expect.stringContaining('keys'),
    });
    expect(rotated.err).toMatch(/re-wrapping subject keys .* master key \w+ -> \w+/);
    expect(rotated.out).toMatch(/re-wrapped 3 of 3 subject keys/);
    const newKey = readFileSync(keyFile, 'utf8');
    expect(newKey).not.toBe(oldKey);
    expect(statSync(keyFile).mode & 0o077).toBe(0);
    expect(existsSync(join(dataDir, NEXT_MASTER_KEY_FILE))).toBe(false);

    expect(await personsSeenByNode()).toEqual(expectedPersons());

    // The old key no longer starts the node, with a message that says why.
    writeFileSync(keyFile, oldKey, { mode: 0o600 });
    await expect(NodeHarness.start({}, dataDir)).rejects.toThrow(
      /is not the one that wraps this node's subject keys/,
    );
    writeFileSync(keyFile, newKey, { mode: 0o600 });
  });

  it('resumes a key-file rotation interrupted midway with the key it had staged', async () => {
    const current = parseMasterKey(readFileSync(keyFile, 'utf8'));
    const staged = stageNextMasterKey(dataDir); // what the command writes before re-wrapping anything
    const store = new SqliteKeyStore({ file: join(dataDir, 'keys.sqlite'), masterKey: current });
    let count = 0;
    await expect(
      store.rewrapAll(staged, {
        batchSize: 2,
        afterEachKey: () => {
          if (++count === 3) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    await store.close();
    await expect(NodeHarness.start({}, dataDir)).rejects.toThrow(/rotation from .* was interrupted/);

    const resumed = await cli(['--generate']);
    expect(resumed.code).toBe(0);
    expect(resumed.err).toMatch(/resuming the rotation to the key staged/);
    expect(resumed.out).toMatch(/re-wrapped 1 of 3 subject keys/);
    expect(parseMasterKey(readFileSync(keyFile, 'utf8')).id).toBe(staged.id);
    expect(await personsSeenByNode()).toEqual(expectedPersons());
  });

  it('rotates a key given in NRM_MASTER_KEY to NRM_NEW_MASTER_KEY; the node process starts with the new one only', async () => {
    const current = readFileSync(keyFile, 'utf8').trim();
    const next = randomBytes(32).toString('base64');
    const missing = await cli([], { NRM_MASTER_KEY: current });
    expect(missing.code).toBe(64);
    expect(missing.err).toMatch(/give the new key in NRM_NEW_MASTER_KEY/);

    const rotated = await cli([], { NRM_MASTER_KEY: current, NRM_NEW_MASTER_KEY: next });
    expect(rotated.code).toBe(0);
    expect(rotated.out).toMatch(/start the node with NRM_MASTER_KEY set to the new key/);
    expect(readFileSync(keyFile, 'utf8').trim()).toBe(current); // the env deployment keeps no key file in use

    const start = async (masterKey: string) => {
      const port = await freePort();
      const child = runTs('apps/node/src/main.ts', [], {
        ...env,
        NRM_MASTER_KEY: masterKey,
        PORT: String(port),
        HOST: '127.0.0.1',
      });
      return { child, output: collect(child), base: `http://127.0.0.1:${port}` };
    };
    const old = await start(current);
    expect(await exitOf(old.child)).not.toBe(0);
    expect(old.output.out() + old.output.err()).toMatch(/is not the one that wraps this node's subject keys/);

    const node = await start(next);
    try {
      await waitForHealth(node.base, node.child);
      const login = await fetch(`${node.base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'case-manager-user', password: PASSWORD }),
      });
      const { accessToken } = (await login.json()) as { accessToken: string };
      const detail = await fetch(`${node.base}/api/cases/${caseIds[1]}?purpose=assistance_planning`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      expect(((await detail.json()) as { person: { familyName: string } }).person.familyName).toBe(PEOPLE[1]);
    } finally {
      node.child.kill('SIGTERM');
      expect(await exitOf(node.child)).toBe(0);
    }
  });
});
