import { Ed25519Signer } from '@nrm/event-store/integrity';
import { EVENT_STORE, EventStore } from '@nrm/event-store/port';
import { PARTNER_REGISTRY_STREAM } from '@nrm/contracts';
import { generateNodeEncryptionKey } from '@nrm/transnational';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, NodeHarness } from '../support/node-harness';
import { collect, exitOf, runTs } from '../support/node-process';

/** Issue "Partner nodes", item 1: the registry managed through the CLI too, with the same events. */
describe('partner registry (CLI)', () => {
  jest.setTimeout(180_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'nrm-partners-cli-'));
  const files = mkdtempSync(join(tmpdir(), 'nrm-partners-files-'));
  const env = { NRM_DATA_DIR: dataDir, NRM_NODE_COUNTRY: 'DE', NRM_NODE_ID: 'nrm-de', INIT_CWD: files };
  const cli = async (...args: string[]) => {
    const child = runTs('apps/node/src/cli.ts', args, env);
    const output = collect(child);
    return { code: await exitOf(child), out: output.out(), err: output.err() };
  };

  beforeAll(async () => {
    const node = await NodeHarness.start({ NRM_NODE_COUNTRY: 'DE', NRM_NODE_ID: 'nrm-de' }, dataDir);
    await node.withUsers(['case_manager']);
    await node.stop();
    writeFileSync(join(files, 'md.pub.pem'), Ed25519Signer.generate().publicKeyPem);
    writeFileSync(join(files, 'md.x25519.pem'), generateNodeEncryptionKey().publicKeyPem);
    writeFileSync(
      join(files, 'agreement.json'),
      JSON.stringify({ reference: 'MoU', fields: { return: ['person.givenName'] } }),
    );
    writeFileSync(
      join(files, 'bad.json'),
      JSON.stringify({ reference: 'MoU', fields: { return: ['case.indicators'] } }),
    );
  }, 60_000);
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(files, { recursive: true, force: true });
  });

  const add = (agreement: string, operator = ADMIN.username) =>
    cli(
      'partners',
      'add',
      '--node-id',
      'nrm-md',
      '--country',
      'MD',
      '--public-key',
      'md.pub.pem',
      '--encryption-key',
      'md.x25519.pem',
      '--agreement',
      agreement,
      '--endpoint',
      'https://nrm.gov.md',
      '--operator',
      operator,
    );

  it('prints the node identity to give to partners', async () => {
    const { code, out } = await cli('node', 'identity');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ nodeId: 'nrm-de', country: 'DE' });
    expect(out).not.toMatch(/PRIVATE/);
  });

  it('refuses an agreement that lets a field travel that never may, and an operator who is not an admin', async () => {
    const bad = await add('bad.json');
    expect(bad.code).toBe(65);
    expect(bad.err).toMatch(/case\.indicators.*never leave/);
    const notAdmin = await add('agreement.json', 'case-manager-user');
    expect(notAdmin.code).toBe(77);
    expect((await cli('partners', 'list')).out).toBe('');
  });

  it('adds, lists, updates and removes a partner; the node then shows the same registry, changed by the admin', async () => {
    const added = await add('agreement.json');
    expect(added).toMatchObject({ code: 0, out: 'nrm-md: active\n' });
    expect((await cli('partners', 'list')).out).toMatch(/^nrm-md\tMD\tactive\thttps:\/\/nrm.gov.md\tMoU\n$/);
    const updated = await cli(
      'partners',
      'update',
      'nrm-md',
      '--endpoint',
      'https://trm.gov.md',
      '--operator',
      ADMIN.username,
    );
    expect(updated).toMatchObject({ code: 0, out: 'nrm-md: active\n' });
    expect((await cli('partners', 'list')).out).toMatch(/^nrm-md\tMD\tactive\thttps:\/\/trm.gov.md\tMoU\n$/);
    const badUpdate = await cli(
      'partners',
      'update',
      'nrm-md',
      '--agreement',
      'bad.json',
      '--operator',
      ADMIN.username,
    );
    expect(badUpdate.code).toBe(65);
    const removed = await cli(
      'partners',
      'remove',
      'nrm-md',
      '--reason',
      'agreement ended',
      '--operator',
      ADMIN.username,
    );
    expect(removed).toMatchObject({ code: 0, out: 'nrm-md: removed\n' });

    const node = await NodeHarness.start({ NRM_NODE_COUNTRY: 'DE', NRM_NODE_ID: 'nrm-de' }, dataDir);
    try {
      const admin = await node.login(ADMIN.username, ADMIN.password);
      const partners = await node.request('GET', '/api/partners', { token: admin });
      expect(partners.body.items).toEqual([expect.objectContaining({ nodeId: 'nrm-md', status: 'removed' })]);
      const events = await node.app.get<symbol, EventStore>(EVENT_STORE).readStream(PARTNER_REGISTRY_STREAM);
      expect(events.map((e) => [e.type, e.actor.role])).toEqual([
        ['PartnerRegistered', 'admin'],
        ['PartnerUpdated', 'admin'],
        ['PartnerRemoved', 'admin'],
      ]);
      // While a node runs, the CLI leaves the registry to the API.
      const refused = await cli('partners', 'list');
      expect(refused.code).toBe(75);
    } finally {
      await node.stop();
    }
  });
});
