import { createHash, createPublicKey, generateKeyPairSync, KeyObject, sign, verify } from 'node:crypto';

/** A signed statement "the log of `origin` had `size` leaves with this root". */
export interface Checkpoint {
  /** The node id whose log this is. */
  origin: string;
  size: number;
  /** Tree root, lowercase hex. */
  root: string;
}

export interface SignedCheckpoint extends Checkpoint {
  /** base64 Ed25519 signature over `checkpointNote(checkpoint)`. */
  signature: string;
  keyId: string;
}

/** Whatever holds the node's private key (a key file today, an HSM or KMS later). Signing is synchronous
 * because the embedded store signs inside its write transaction. */
export interface CheckpointSigner {
  readonly keyId: string;
  readonly publicKeyPem: string;
  sign(bytes: Uint8Array): Uint8Array;
}

/**
 * The checkpoint body of the C2SP tlog-checkpoint format ("<origin>\n<size>\n<base64 root>\n"),
 * so that witnesses and tools built for transparency logs can read what we sign.
 */
export function checkpointNote(checkpoint: Checkpoint): Buffer {
  if (!checkpoint.origin || /[\n]/.test(checkpoint.origin))
    throw new Error('checkpoint origin must be one line');
  if (!Number.isSafeInteger(checkpoint.size) || checkpoint.size < 0)
    throw new Error('invalid checkpoint size');
  if (!/^[0-9a-f]{64}$/.test(checkpoint.root))
    throw new Error('checkpoint root must be 32 bytes of lowercase hex');
  const root = Buffer.from(checkpoint.root, 'hex').toString('base64');
  return Buffer.from(`${checkpoint.origin}\n${checkpoint.size}\n${root}\n`, 'utf8');
}

/** Short, stable identifier of a public key: the first 8 bytes of SHA-256 over its SPKI DER encoding. */
export function publicKeyId(publicKey: KeyObject | string): string {
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  const der = key.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

export class Ed25519Signer implements CheckpointSigner {
  readonly keyId: string;
  readonly publicKeyPem: string;

  constructor(private readonly privateKey: KeyObject) {
    if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519') {
      throw new Error('Ed25519Signer needs an Ed25519 private key');
    }
    const publicKey = createPublicKey(privateKey);
    this.publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    this.keyId = publicKeyId(publicKey);
  }

  static generate(): Ed25519Signer {
    return new Ed25519Signer(generateKeyPairSync('ed25519').privateKey);
  }

  sign(bytes: Uint8Array): Uint8Array {
    return sign(null, bytes, this.privateKey);
  }

  /** PKCS#8 PEM, for the event store's writer thread only (it signs inside the commit). */
  privateKeyPem(): string {
    return this.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  }
}

export function signCheckpoint(checkpoint: Checkpoint, signer: CheckpointSigner): SignedCheckpoint {
  const signature = Buffer.from(signer.sign(checkpointNote(checkpoint))).toString('base64');
  return { ...checkpoint, signature, keyId: signer.keyId };
}

/** True only for a well-formed checkpoint whose signature verifies with this public key. */
export function verifyCheckpoint(checkpoint: SignedCheckpoint, publicKey: KeyObject | string): boolean {
  try {
    const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
    return verify(null, checkpointNote(checkpoint), key, Buffer.from(checkpoint.signature, 'base64'));
  } catch {
    return false;
  }
}
