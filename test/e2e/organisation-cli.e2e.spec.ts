import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeHarness } from '../support/node-harness';
import { collect, exitOf, runTs } from '../support/node-process';

/** The organisation registries set up from the command line, before any user exists. */
describe('organisation registries (CLI)', () => {
  jest.setTimeout(180_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'nrm-organisation-cli-'));
  const env = { NRM_DATA_DIR: dataDir, NRM_NODE_COUNTRY: 'MD', NRM_NODE_ID: 'nrm-md' };
  const cli = async (...args: string[]) => {
    const child = runTs('apps/node/src/cli.ts', args, env);
    const output = collect(child);
    return { code: await exitOf(child), out: output.out(), err: output.err() };
  };

  beforeAll(async () => {
    const node = await NodeHarness.start({ NRM_NODE_COUNTRY: 'MD', NRM_NODE_ID: 'nrm-md' }, dataDir);
    await node.stop();
  }, 60_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('registers a district, an agency and a team, lists them, and refuses what the rules refuse', async () => {
    expect(await cli('districts', 'add', '--code', 'MD-CU', '--name', 'Chișinău')).toMatchObject({
      code: 0,
      out: 'MD-CU\tMD\tChișinău\n',
    });
    const agency = ['--code', 'police-cu', '--name', 'Police Centru', '--kind', 'police', '--district'];
    expect((await cli('agencies', 'add', ...agency, 'MD-CU')).code).toBe(0);
    const unknown = await cli(
      'agencies',
      'add',
      '--code',
      'ngo-x',
      '--name',
      'NGO',
      '--kind',
      'ngo',
      '--district',
      'MD-XX',
    );
    expect(unknown).toMatchObject({ code: 65 });
    expect(unknown.err).toContain('unknown-district');
    expect((await cli('agencies', 'add', ...agency.slice(0, -1))).code).toBe(64);
    expect(
      (
        await cli(
          'teams',
          'add',
          '--code',
          'mdt-cu',
          '--district',
          'MD-CU',
          '--name',
          'MDT',
          '--members',
          'police-cu',
        )
      ).code,
    ).toBe(0);
    const badMember = await cli(
      'teams',
      'add',
      '--code',
      'mdt-2',
      '--district',
      'MD-CU',
      '--name',
      'T',
      '--members',
      'nope',
    );
    expect(badMember).toMatchObject({ code: 65 });
    expect(badMember.err).toContain('unknown-agency');

    expect((await cli('agencies', 'list')).out).toBe('police-cu\tpolice\tMD-CU\tactive\tPolice Centru\n');
    expect((await cli('teams', 'list')).out).toBe('mdt-cu\tMD-CU\tpolice-cu\tMDT\n');

    // The node then serves them, and a user of that agency can be created.
    const node = await NodeHarness.start({ NRM_NODE_COUNTRY: 'MD', NRM_NODE_ID: 'nrm-md' }, dataDir);
    try {
      await node.withUsers(['case_manager'], 'police-cu');
      const { body } = await node.request('GET', '/api/organisation/agencies', { as: 'case_manager' });
      expect(body.items).toEqual([
        expect.objectContaining({ code: 'police-cu', district: 'MD-CU', active: true }),
      ]);
    } finally {
      await node.stop();
    }
  });
});
