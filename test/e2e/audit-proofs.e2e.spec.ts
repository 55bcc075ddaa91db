import { generateKeyPairSync } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runVerify } from '../../apps/verify/src/main';
import { ALL_OPERATOR_ROLES, NodeHarness, REGISTRATION } from '../support/node-harness';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const dir = mkdtempSync(join(tmpdir(), 'nrm-proofs-'));
let files = 0;
/** Writes a bundle to a file and runs nrm-verify on it in-process: its exit code and what it printed. */
function verify(bundle: unknown, ...options: string[]) {
  const file = join(dir, `bundle-${++files}.json`);
  writeFileSync(file, typeof bundle === 'string' ? bundle : JSON.stringify(bundle));
  let text = '';
  const sink = { write: (chunk: string) => ((text += chunk), true) } as unknown as NodeJS.WritableStream;
  const code = runVerify([file, ...options], sink, sink);
  return { code, text };
}
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Proofs an auditor takes away from the node, and the offline verifier that checks them. */
describe('log proofs and nrm-verify', () => {
  let node: NodeHarness;
  let caseId: string;
  let nodeKeyFile: string;
  let exported: Json;

  beforeAll(async () => {
    node = await NodeHarness.start();
    await node.withUsers(ALL_OPERATOR_ROLES);
    caseId = (await node.request('POST', '/api/cases', { as: 'identification_officer', body: REGISTRATION }))
      .body.caseId;
    const command = async (path: string, body: object) =>
      expect(
        (await node.request('POST', `/api/cases/${caseId}${path}`, { as: 'identification_officer', body }))
          .status,
      ).toBe(201);
    await command('/age-assessment', { presumedMinor: true, method: 'interview' });
    await command('/guardian', { name: 'Maria Rusu', authority: 'Child Protection Authority' });
    // Another case, so that the case's events are not the whole log.
    await node.request('POST', '/api/cases', { as: 'identification_officer', body: REGISTRATION });
    const key = await node.request('GET', '/api/audit/checkpoint', { as: 'auditor' });
    nodeKeyFile = join(dir, 'node.pub.pem');
    writeFileSync(nodeKeyFile, key.body.publicKey);
    const res = await node.request('GET', `/api/cases/${caseId}/export?purpose=court_bundle`, {
      as: 'auditor',
    });
    expect(res.status).toBe(200);
    exported = res.body;
  }, 60_000);
  afterAll(() => node.stop());

  describe('a case export', () => {
    it('carries every event’s inclusion proof, the signed checkpoint, the key id and the node’s signature', () => {
      const { integrity, events } = exported;
      expect(integrity.publicKeyId).toMatch(/^[0-9a-f]{16}$/);
      expect(integrity.checkpoint.keyId).toBe(integrity.publicKeyId);
      expect(typeof integrity.signature).toBe('string');
      expect(events.length).toBeGreaterThanOrEqual(3);
      for (const event of events) {
        expect(event.inclusion.leafIndex).toBeLessThan(integrity.checkpoint.size);
        expect(event.inclusion.path.length).toBeGreaterThan(0);
        expect(event.streamId).toBe(`case-${caseId}`);
      }
    });

    it('verifies offline against the node key, and says so', () => {
      const { code, text } = verify(exported, '--key', nodeKeyFile);
      expect(text).toMatch(/\nVALID\n$/);
      expect(text).toContain(`${exported.events.length} event(s) hash to their leaf hashes`);
      expect(text).toContain(`revisions 0 to ${exported.events.length - 1} are all there`);
      expect(code).toBe(0);
      expect(verify(exported, '--key', exported.integrity.publicKeyId).code).toBe(0);
    });

    it('finds a changed event and names it', () => {
      const bundle = copy(exported);
      bundle.events[1].data.presumedMinor = false;
      const { code, text } = verify(bundle, '--key', nodeKeyFile);
      expect(code).toBe(1);
      expect(text).toContain('event at revision 1 (position');
      expect(text).toContain('does not hash to its leaf hash (changed)');
      expect(text).toContain("the export's signature does not verify");
    });

    it('finds a removed event, in the middle and at the end', () => {
      const middle = copy(exported);
      middle.events.splice(1, 1);
      const first = verify(middle, '--key', nodeKeyFile);
      expect(first.code).toBe(1);
      expect(first.text).toContain('revision(s) 1 missing: event(s) removed');
      // The last one leaves no gap: only the node's signature over the whole export can tell.
      const last = copy(exported);
      last.events.pop();
      const second = verify(last, '--key', nodeKeyFile);
      expect(second.code).toBe(1);
      expect(second.text).toContain("the export's signature does not verify");
      expect(second.text).not.toContain('hash to its leaf hash (changed)');
    });

    it('finds reordered events', () => {
      const bundle = copy(exported);
      [bundle.events[1], bundle.events[2]] = [bundle.events[2], bundle.events[1]];
      const { code, text } = verify(bundle, '--key', nodeKeyFile);
      expect(code).toBe(1);
      expect(text).toContain('comes after revision 2: events reordered');
    });

    it('finds a forged checkpoint signature', () => {
      const bundle = copy(exported);
      const forger = generateKeyPairSync('ed25519').privateKey;
      const { signCheckpoint, Ed25519Signer } = jest.requireActual('@nrm/event-store');
      const forged = signCheckpoint({ ...bundle.integrity.checkpoint }, new Ed25519Signer(forger));
      bundle.integrity.checkpoint.signature = forged.signature;
      const { code, text } = verify(bundle, '--key', nodeKeyFile);
      expect(code).toBe(1);
      expect(text).toContain(
        `the checkpoint of size ${bundle.integrity.checkpoint.size}: its signature does not verify`,
      );
    });

    it('finds a proof for another tree size', async () => {
      // A genuine, later checkpoint: signed by the node, but the exported proofs lead to an older root.
      await node.request('POST', '/api/cases', { as: 'identification_officer', body: REGISTRATION });
      const later = (await node.request('GET', '/api/audit/checkpoint', { as: 'auditor' })).body.checkpoint;
      const bundle = copy(exported);
      bundle.integrity.checkpoint = later;
      const { code, text } = verify(bundle, '--key', nodeKeyFile);
      expect(code).toBe(1);
      expect(text).toContain(`the checkpoint of size ${later.size} (root`); // its signature holds
      expect(text).toContain(
        `its inclusion proof does not lead to the root of the checkpoint of size ${later.size}`,
      );
    });

    it('refuses a key that is not the node’s', () => {
      const other = join(dir, 'other.pub.pem');
      const { publicKey } = generateKeyPairSync('ed25519');
      writeFileSync(other, publicKey.export({ type: 'spki', format: 'pem' }));
      const { code, text } = verify(exported, '--key', other);
      expect(code).toBe(1);
      expect(text).toContain(
        `the document was issued under key ${exported.integrity.publicKeyId}, not the node key you gave`,
      );
      expect(text).toContain('its signature does not verify with the node key');
      // A document whose own key was swapped for another: named, and signatures fail under it.
      const swapped = copy(exported);
      swapped.integrity.publicKey = publicKey.export({ type: 'spki', format: 'pem' });
      const inside = verify(swapped);
      expect(inside.code).toBe(1);
      expect(inside.text).toContain(
        `the document names key id ${exported.integrity.publicKeyId} but carries the key`,
      );
    });

    it('shows what it cannot check when data is withheld from the recipient (prosecution liaison)', async () => {
      const risk = { kind: 'general', level: 'high', notes: 'fears her recruiter' };
      await node.request('POST', `/api/cases/${caseId}/risk-assessments`, { as: 'case_manager', body: risk });
      const res = await node.request('GET', `/api/cases/${caseId}/export?purpose=prosecution`, {
        as: 'prosecution_liaison',
      });
      expect(res.status).toBe(200);
      const { code, text } = verify(res.body, '--key', nodeKeyFile);
      expect(text).toMatch(/1 event\(s\) have their data withheld from the recipient/);
      expect(code).toBe(0);
    });

    it('answers 2 for what is not a bundle, without a verdict', () => {
      expect(verify('not json').code).toBe(2);
      expect(verify({ format: 'something-else' }).code).toBe(2);
      expect(verify({ format: 'nrm-case-export' }).code).toBe(2);
    });
  });

  describe('GET /api/audit/events/:position/proof', () => {
    it('proves an event in the latest checkpoint, and nrm-verify checks it offline', async () => {
      const position = exported.events[0].position;
      const res = await node.request('GET', `/api/audit/events/${position}/proof`, { as: 'auditor' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        format: 'nrm-event-proof',
        event: { position, streamId: `case-${caseId}` },
        inclusion: {
          leafIndex: exported.events[0].inclusion.leafIndex,
          leafHash: exported.events[0].leafHash,
        },
      });
      expect(verify(res.body, '--key', nodeKeyFile).code).toBe(0);
      const changed = copy(res.body);
      changed.event.data.sex = changed.event.data.sex === 'female' ? 'male' : 'female';
      const verdict = verify(changed, '--key', nodeKeyFile);
      expect(verdict.code).toBe(1);
      expect(verdict.text).toContain("does not hash to the proof's leaf hash (changed)");
    });

    it('proves it against an older checkpoint when asked, and refuses one that predates the event', async () => {
      const position = exported.events[exported.events.length - 1].position;
      const sizes = (
        await node.request('GET', '/api/audit/checkpoints?limit=1000', { as: 'auditor' })
      ).body.items.map((checkpoint: Json) => checkpoint.size as number);
      const first = sizes.find((size: number) => size >= position);
      const at = await node.request('GET', `/api/audit/events/${position}/proof?treeSize=${first}`, {
        as: 'auditor',
      });
      expect(at.status).toBe(200);
      expect(at.body.checkpoint.size).toBe(first);
      expect(verify(at.body).code).toBe(0);
      const earlier = sizes.filter((size: number) => size < position).pop();
      const before = await node.request('GET', `/api/audit/events/${position}/proof?treeSize=${earlier}`, {
        as: 'auditor',
      });
      expect(before.status).toBe(422);
    });

    it('answers 404 for no such event and an unsigned size, 403 to operators', async () => {
      const missing = await node.request('GET', '/api/audit/events/999999/proof', { as: 'auditor' });
      expect(missing.status).toBe(404);
      expect((await node.request('GET', '/api/audit/events/x1/proof', { as: 'auditor' })).status).toBe(404);
      const size = await node.request('GET', '/api/audit/events/1/proof?treeSize=999999', { as: 'auditor' });
      expect(size.status).toBe(404);
      const operator = await node.request('GET', '/api/audit/events/1/proof', { as: 'case_manager' });
      expect(operator.status).toBe(403);
    });
  });

  describe('checkpoints and consistency', () => {
    it('lists the signed checkpoints by size, paged, each signed by the node key', async () => {
      const all = await node.request('GET', '/api/audit/checkpoints?limit=1000', { as: 'auditor' });
      expect(all.status).toBe(200);
      const sizes = all.body.items.map((c: Json) => c.size);
      expect(sizes).toEqual([...sizes].sort((a: number, b: number) => a - b));
      expect(all.body.total).toBe(sizes.length);
      const page = await node.request('GET', '/api/audit/checkpoints?fromSize=3&limit=2', { as: 'auditor' });
      expect(page.body.items.map((c: Json) => c.size)).toEqual(
        sizes.filter((s: number) => s >= 3).slice(0, 2),
      );
      // Numbered pages: page 3 of 2 is the fifth and sixth checkpoint.
      const third = await node.request('GET', '/api/audit/checkpoints?limit=2&page=3', { as: 'auditor' });
      expect(third.body.items.map((c: Json) => c.size)).toEqual(sizes.slice(4, 6));
      expect(third.body.total).toBe(sizes.length);
      const { verifyCheckpoint } = jest.requireActual('@nrm/event-store');
      for (const checkpoint of all.body.items)
        expect(verifyCheckpoint(checkpoint, all.body.publicKey)).toBe(true);
    });

    it('proves an old checkpoint a prefix of the latest, which nrm-verify checks offline', async () => {
      // Size 4: the organisation's district and agency (one append each), then the first case's two events.
      const res = await node.request('GET', '/api/audit/consistency?from=4', { as: 'auditor' });
      expect(res.status).toBe(200);
      expect(res.body.from.size).toBe(4);
      expect(verify(res.body, '--key', nodeKeyFile).code).toBe(0);
      const tampered = copy(res.body);
      tampered.path[0] = tampered.path[0].replace(/^./, (c: string) => (c === '0' ? '1' : '0'));
      const verdict = verify(tampered, '--key', nodeKeyFile);
      expect(verdict.code).toBe(1);
      expect(verdict.text).toContain('does not verify: the older log is not a prefix of the newer one');
      const reversed = await node.request('GET', `/api/audit/consistency?from=${res.body.to.size}&to=4`, {
        as: 'auditor',
      });
      expect(reversed.status).toBe(422);
      expect(
        (await node.request('GET', '/api/audit/consistency?from=999999', { as: 'auditor' })).status,
      ).toBe(404);
    });
  });

  it('runs as `npx nrm-verify` (the bin of this repository)', async () => {
    const file = join(dir, 'for-npx.json');
    writeFileSync(file, JSON.stringify(exported));
    const { stdout } = await promisify(execFile)(
      'npx',
      ['--offline', 'nrm-verify', file, '--key', nodeKeyFile],
      {
        cwd: join(__dirname, '..', '..'),
      },
    );
    expect(stdout).toMatch(/\nVALID\n$/);
    const bad = copy(exported);
    bad.events[0].revision = 7;
    writeFileSync(file, JSON.stringify(bad));
    await expect(
      promisify(execFile)('npx', ['--offline', 'nrm-verify', file], { cwd: join(__dirname, '..', '..') }),
    ).rejects.toMatchObject({ code: 1 });
  }, 60_000);

  it('builds into one file that runs on Node alone, away from any checkout', async () => {
    const away = mkdtempSync(join(tmpdir(), 'nrm-court-'));
    const repo = join(__dirname, '..', '..');
    await promisify(execFile)(process.execPath, [
      join(repo, 'tools', 'build-verify.js'),
      join(away, 'nrm-verify.cjs'),
    ]);
    writeFileSync(join(away, 'bundle.json'), JSON.stringify(exported));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['nrm-verify.cjs', 'bundle.json', '--key', nodeKeyFile],
      { cwd: away, env: { PATH: process.env.PATH ?? '' } },
    );
    expect(stdout).toMatch(/\nVALID\n$/);
  }, 60_000);
});
