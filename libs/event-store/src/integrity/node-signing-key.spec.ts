import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { signCheckpoint, verifyCheckpoint } from './checkpoint';
import { loadOrCreateNodeSigningKey, NODE_PRIVATE_KEY_FILE, NODE_PUBLIC_KEY_FILE } from './node-signing-key';

describe('loadOrCreateNodeSigningKey', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-key-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates a key pair once, private key readable by the owner only, and reloads the same key', () => {
    const dataDir = path.join(dir, 'data');
    const first = loadOrCreateNodeSigningKey(dataDir);
    if (process.platform !== 'win32') {
      expect(fs.statSync(path.join(dataDir, NODE_PRIVATE_KEY_FILE)).mode & 0o777).toBe(0o600);
    }
    expect(fs.readFileSync(path.join(dataDir, NODE_PUBLIC_KEY_FILE), 'utf8')).toBe(first.publicKeyPem);
    expect(fs.readdirSync(dataDir).sort()).toEqual([NODE_PRIVATE_KEY_FILE, NODE_PUBLIC_KEY_FILE].sort());

    const again = loadOrCreateNodeSigningKey(dataDir);
    expect(again.keyId).toBe(first.keyId);
    const signed = signCheckpoint({ origin: 'n', size: 1, root: 'ab'.repeat(32) }, again);
    expect(verifyCheckpoint(signed, first.publicKeyPem)).toBe(true);
  });

  it('restores a deleted public key file from the private key', () => {
    const signer = loadOrCreateNodeSigningKey(dir);
    fs.rmSync(path.join(dir, NODE_PUBLIC_KEY_FILE));
    expect(loadOrCreateNodeSigningKey(dir).publicKeyPem).toBe(signer.publicKeyPem);
    expect(fs.readFileSync(path.join(dir, NODE_PUBLIC_KEY_FILE), 'utf8')).toBe(signer.publicKeyPem);
  });

  if (process.platform !== 'win32') {
    it('refuses a private key that other users can read', () => {
      loadOrCreateNodeSigningKey(dir);
      fs.chmodSync(path.join(dir, NODE_PRIVATE_KEY_FILE), 0o644);
      expect(() => loadOrCreateNodeSigningKey(dir)).toThrow(/readable by other users/);
    });
  }
});
