import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Ed25519Signer } from './checkpoint';

export const NODE_PRIVATE_KEY_FILE = 'node-ed25519.key.pem';
export const NODE_PUBLIC_KEY_FILE = 'node-ed25519.pub.pem';

/**
 * Loads the node's Ed25519 checkpoint key from `dataDir`, creating it on first start. The private key
 * file is 0600 and is published with link(2), which never overwrites: two processes starting at once
 * end up with the same key, and a crash never leaves a half-written key behind.
 */
export function loadOrCreateNodeSigningKey(dataDir: string): Ed25519Signer {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const privatePath = path.join(dataDir, NODE_PRIVATE_KEY_FILE);
  const publicPath = path.join(dataDir, NODE_PUBLIC_KEY_FILE);

  if (!fs.existsSync(privatePath)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const tmp = `${privatePath}.${process.pid}.tmp`;
    writeDurably(tmp, pem, 0o600);
    try {
      fs.linkSync(tmp, privatePath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      fs.unlinkSync(tmp);
    }
  }

  assertPrivate(privatePath);
  const signer = new Ed25519Signer(createPrivateKey(fs.readFileSync(privatePath, 'utf8')));
  const existingPublic = fs.existsSync(publicPath) ? fs.readFileSync(publicPath, 'utf8') : undefined;
  if (existingPublic !== signer.publicKeyPem) writeDurably(publicPath, signer.publicKeyPem, 0o644);
  return signer;
}

function writeDurably(file: string, text: string, mode: number): void {
  const fd = fs.openSync(file, 'w', mode);
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** A key that others could read may already be copied: refuse it rather than silently sign with it. */
function assertPrivate(file: string): void {
  if (process.platform === 'win32') return;
  const mode = fs.statSync(file).mode & 0o777;
  if (mode & 0o077) {
    throw new Error(`${file} is readable by other users (mode ${mode.toString(8)}); expected 600`);
  }
}
