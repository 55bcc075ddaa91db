import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  loadOrCreateNodeEncryptionKey,
  NODE_ENCRYPTION_PRIVATE_KEY_FILE,
  NODE_ENCRYPTION_PUBLIC_KEY_FILE,
} from './node-encryption-key';
import { openPayload, sealPayload } from './payload-seal';

describe('loadOrCreateNodeEncryptionKey', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-enc-key-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates an X25519 key pair once, private key readable by the owner only, and reloads the same key', () => {
    const dataDir = path.join(dir, 'data');
    const first = loadOrCreateNodeEncryptionKey(dataDir);
    expect(first.privateKey.asymmetricKeyType).toBe('x25519');
    if (process.platform !== 'win32') {
      expect(fs.statSync(path.join(dataDir, NODE_ENCRYPTION_PRIVATE_KEY_FILE)).mode & 0o777).toBe(0o600);
    }
    expect(fs.readFileSync(path.join(dataDir, NODE_ENCRYPTION_PUBLIC_KEY_FILE), 'utf8')).toBe(
      first.publicKeyPem,
    );
    expect(fs.readdirSync(dataDir).sort()).toEqual(
      [NODE_ENCRYPTION_PRIVATE_KEY_FILE, NODE_ENCRYPTION_PUBLIC_KEY_FILE].sort(),
    );

    const again = loadOrCreateNodeEncryptionKey(dataDir);
    expect(again.publicKeyPem).toBe(first.publicKeyPem);
    const id = randomUUID();
    expect(openPayload(sealPayload({ a: 1 }, first.publicKeyPem, id), again.privateKey, id)).toEqual({
      a: 1,
    });
  });

  it('restores a deleted public key file from the private key', () => {
    const key = loadOrCreateNodeEncryptionKey(dir);
    fs.rmSync(path.join(dir, NODE_ENCRYPTION_PUBLIC_KEY_FILE));
    expect(loadOrCreateNodeEncryptionKey(dir).publicKeyPem).toBe(key.publicKeyPem);
    expect(fs.readFileSync(path.join(dir, NODE_ENCRYPTION_PUBLIC_KEY_FILE), 'utf8')).toBe(key.publicKeyPem);
  });

  it('lives next to the signing key without touching it', () => {
    fs.writeFileSync(path.join(dir, 'node-ed25519.key.pem'), 'untouched', { mode: 0o600 });
    loadOrCreateNodeEncryptionKey(dir);
    expect(fs.readFileSync(path.join(dir, 'node-ed25519.key.pem'), 'utf8')).toBe('untouched');
  });

  if (process.platform !== 'win32') {
    it('refuses a private key that other users can read', () => {
      loadOrCreateNodeEncryptionKey(dir);
      fs.chmodSync(path.join(dir, NODE_ENCRYPTION_PRIVATE_KEY_FILE), 0o644);
      expect(() => loadOrCreateNodeEncryptionKey(dir)).toThrow(/readable by other users/);
    });
  }
});
