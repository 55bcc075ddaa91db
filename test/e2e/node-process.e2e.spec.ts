import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REGISTRATION } from '../support/node-harness';
import { collect, exitOf, freePort, runTs, waitForHealth } from '../support/node-process';

/** The node as an operator runs it: a real process, real sockets, files on disk, a restart, the CLI. */
describe('the node as a process', () => {
  jest.setTimeout(180_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'nrm-process-'));
  const env = { NRM_DATA_DIR: dataDir, NRM_ADMIN_PASSWORD: 'process-test-admin-pw', NRM_NODE_COUNTRY: 'DE' };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  async function startNode() {
    const port = await freePort();
    const child = runTs('apps/node/src/main.ts', [], { ...env, PORT: String(port), HOST: '127.0.0.1' });
    const output = collect(child);
    const base = `http://127.0.0.1:${port}`;
    await waitForHealth(base, child);
    const call = async (method: string, path: string, token?: string, body?: unknown) => {
      const res = await fetch(base + path, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: res.status, body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
    };
    const login = async (username: string, password: string) =>
      (await call('POST', '/api/auth/login', undefined, { username, password })).body.accessToken as string;
    return { child, output, call, login };
  }

  const cli = async (...args: string[]) => {
    const child = runTs('apps/node/src/cli.ts', args, env);
    const output = collect(child);
    return { code: await exitOf(child), out: output.out(), err: output.err() };
  };

  it('serves, keeps the case across a restart, never writes the name in clear, and its CLI rebuilds and verifies', async () => {
    let node = await startNode();
    const firstLine = JSON.parse(node.output.out().split('\n')[0]);
    expect(firstLine.msg).toContain('country DE');

    const admin = await node.login('admin', env.NRM_ADMIN_PASSWORD);
    // Users belong to a registered agency, in a registered district.
    const district = { code: 'DE-BE', name: 'Berlin' };
    expect((await node.call('POST', '/api/organisation/districts', admin, district)).status).toBe(201);
    const agency = { code: 'national-nrm-office', name: 'NRM office', kind: 'other', district: 'DE-BE' };
    expect((await node.call('POST', '/api/organisation/agencies', admin, agency)).status).toBe(201);
    const created = await node.call('POST', '/api/users', admin, {
      username: 'officer',
      password: 'a long passphrase for field work',
      role: 'identification_officer',
      // Record scope: the officer's agency registers the case, so the officer sees it in the list.
      agency: 'national-nrm-office',
    });
    expect(created.status).toBe(201);
    const officer = await node.login('officer', 'a long passphrase for field work');
    const registered = await node.call('POST', '/api/cases', officer, REGISTRATION);
    expect(registered.status).toBe(201);
    const { caseId } = registered.body;

    // The read models have one writer at a time: no rebuild under a running node.
    const refused = await cli('projections', 'rebuild');
    expect(refused.code).toBe(75);
    expect(refused.err).toMatch(/stop it before rebuilding/);

    node.child.kill('SIGTERM');
    expect(await exitOf(node.child)).toBe(0);

    // Only the owner may read the data directory and its files (the node's public key is public).
    expect(statSync(dataDir).mode & 0o077).toBe(0);
    for (const file of readdirSync(dataDir).filter((f) => !f.endsWith('.pub.pem'))) {
      expect({ file, mode: statSync(join(dataDir, file)).mode & 0o077 }).toEqual({ file, mode: 0 });
    }

    // Every file of the data directory, WAL files included: no name, no date of birth in clear.
    for (const file of readdirSync(dataDir)) {
      const bytes = readFileSync(join(dataDir, file));
      expect({
        file,
        hasName: bytes.includes('Vrabie') || bytes.includes('Ileana') || bytes.includes('1996-03-02'),
      }).toEqual({ file, hasName: false });
    }

    const rebuilt = await cli('projections', 'rebuild');
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.err).toMatch(/\[#+\] 100%/);
    // The first admin's and the officer's AccountCreated, the district and agency registered above, and
    // the case's two events.
    expect(rebuilt.out).toMatch(/rebuilt read models from 6 events/);
    const verified = await cli('log', 'verify');
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.out)).toMatchObject({ valid: true, size: 6 });
    expect((await cli('nonsense')).code).toBe(64);

    node = await startNode();
    const token = await node.login('officer', 'a long passphrase for field work');
    const list = await node.call('GET', '/api/cases', token);
    expect(list.body.items.map((i: { caseId: string }) => i.caseId)).toEqual([caseId]);
    node.child.kill('SIGTERM');
    expect(await exitOf(node.child)).toBe(0);
  });
});
