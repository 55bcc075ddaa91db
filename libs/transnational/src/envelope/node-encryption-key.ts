import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const NODE_ENCRYPTION_PRIVATE_KEY_FILE = 'node-x25519.key.pem';
export const NODE_ENCRYPTION_PUBLIC_KEY_FILE = 'node-x25519.pub.pem';

/** The node's X25519 key: partners seal payloads to `publicKeyPem`, only this node opens them. */
export interface NodeEncryptionKey {
  privateKey: KeyObject;
  publicKeyPem: string;
}

export function generateNodeEncryptionKey(): NodeEncryptionKey {
  return nodeEncryptionKey(generateKeyPairSync('x25519').privateKey);
}

/**
 * Loads the node's X25519 payload key from `dataDir`, creating it on first start, exactly as the
 * checkpoint key is handled (loadOrCreateNodeSigningKey): 0600, published with link(2), which never
 * overwrites, so two processes starting at once end up with the same key and a crash never leaves a
 * half-written one. A separate key from the signing key: Ed25519 signs, X25519 agrees keys, and
 * rotating one must not force rotating the other.
 */
export function loadOrCreateNodeEncryptionKey(dataDir: string): NodeEncryptionKey {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const privatePath = path.join(dataDir, NODE_ENCRYPTION_PRIVATE_KEY_FILE);
  const publicPath = path.join(dataDir, NODE_ENCRYPTION_PUBLIC_KEY_FILE);

  if (!fs.existsSync(privatePath)) {
    const { privateKey } = generateKeyPairSync('x25519');
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
  const privateKey = createPrivateKey(fs.readFileSync(privatePath, 'utf8'));
  if (privateKey.asymmetricKeyType !== 'x25519') {
    throw new Error(`${privatePath} does not hold an X25519 private key`);
  }
  const key = nodeEncryptionKey(privateKey);
  const existingPublic = fs.existsSync(publicPath) ? fs.readFileSync(publicPath, 'utf8') : undefined;
  if (existingPublic !== key.publicKeyPem) writeDurably(publicPath, key.publicKeyPem, 0o644);
  return key;
}

function nodeEncryptionKey(privateKey: KeyObject): NodeEncryptionKey {
  const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  return { privateKey, publicKeyPem };
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

/** A key that others could read may already be copied: refuse it rather than silently open with it. */
function assertPrivate(file: string): void {
  if (process.platform === 'win32') return;
  const mode = fs.statSync(file).mode & 0o777;
  if (mode & 0o077) {
    throw new Error(`${file} is readable by other users (mode ${mode.toString(8)}); expected 600`);
  }
}
