import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface NodeKeyFiles {
  /** The private key's file name in the data directory (PKCS#8 PEM, mode 0600). */
  privateFile: string;
  /** The public key's file name (SPKI PEM, 0644), rewritten when it does not match. */
  publicFile: string;
  type: 'ed25519' | 'x25519';
}

/**
 * Loads one of the node's own key pairs from `dataDir`, creating it on first start. The private key
 * file is 0600 and is published with link(2), which never overwrites: two processes starting at once
 * end up with the same key, and a crash never leaves a half-written key behind. A key file others
 * could read is refused (it may already be copied).
 */
export function loadOrCreateNodeKey(
  dataDir: string,
  files: NodeKeyFiles,
): { privateKey: KeyObject; publicKeyPem: string } {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const privatePath = path.join(dataDir, files.privateFile);
  const publicPath = path.join(dataDir, files.publicFile);

  if (!fs.existsSync(privatePath)) {
    const { privateKey } = generateKeyPairSync(files.type as 'ed25519');
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
  if (privateKey.asymmetricKeyType !== files.type) {
    throw new Error(`${privatePath} does not hold an ${files.type} private key`);
  }
  const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  const existingPublic = fs.existsSync(publicPath) ? fs.readFileSync(publicPath, 'utf8') : undefined;
  if (existingPublic !== publicKeyPem) writeDurably(publicPath, publicKeyPem, 0o644);
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

function assertPrivate(file: string): void {
  if (process.platform === 'win32') return;
  const mode = fs.statSync(file).mode & 0o777;
  if (mode & 0o077) {
    throw new Error(`${file} is readable by other users (mode ${mode.toString(8)}); expected 600`);
  }
}
