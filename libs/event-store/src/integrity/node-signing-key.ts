import { Ed25519Signer } from './checkpoint';
import { loadOrCreateNodeKey } from './node-key-file';

export const NODE_PRIVATE_KEY_FILE = 'node-ed25519.key.pem';
export const NODE_PUBLIC_KEY_FILE = 'node-ed25519.pub.pem';

/** Loads the node's Ed25519 checkpoint key from `dataDir`, creating it on first start (see loadOrCreateNodeKey). */
export function loadOrCreateNodeSigningKey(dataDir: string): Ed25519Signer {
  const { privateKey } = loadOrCreateNodeKey(dataDir, {
    privateFile: NODE_PRIVATE_KEY_FILE,
    publicFile: NODE_PUBLIC_KEY_FILE,
    type: 'ed25519',
  });
  return new Ed25519Signer(privateKey);
}
