import { loadOrCreateNodeKey } from '@nrm/event-store/integrity';
import { createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';

export const NODE_ENCRYPTION_PRIVATE_KEY_FILE = 'node-x25519.key.pem';
export const NODE_ENCRYPTION_PUBLIC_KEY_FILE = 'node-x25519.pub.pem';

/** The node's X25519 key: partners seal payloads to `publicKeyPem`, only this node opens them. */
export interface NodeEncryptionKey {
  privateKey: KeyObject;
  publicKeyPem: string;
}

export function generateNodeEncryptionKey(): NodeEncryptionKey {
  const { privateKey } = generateKeyPairSync('x25519');
  return {
    privateKey,
    publicKeyPem: createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/**
 * Loads the node's X25519 payload key from `dataDir`, creating it on first start, exactly as the
 * checkpoint key is handled. A separate key from the signing key: Ed25519 signs, X25519 agrees keys,
 * and rotating one must not force rotating the other.
 */
export function loadOrCreateNodeEncryptionKey(dataDir: string): NodeEncryptionKey {
  return loadOrCreateNodeKey(dataDir, {
    privateFile: NODE_ENCRYPTION_PRIVATE_KEY_FILE,
    publicFile: NODE_ENCRYPTION_PUBLIC_KEY_FILE,
    type: 'x25519',
  });
}
