import {
  createCipheriv,
  createDecipheriv,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  KeyObject,
  randomBytes,
} from 'node:crypto';
import { canonicalJson } from '@nrm/common';
import type { SealedPayload } from './cross-border-envelope';
import { decodeBase64url } from './encoding';

export const SEAL_ALGORITHM: SealedPayload['alg'] = 'X25519-HKDF-SHA256-A256GCM';
const HKDF_INFO = 'nrm-trm-payload-v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/**
 * Largest plaintext a node seals or opens. The payload is the minimum an agreement allows (a few
 * fields, at most some notes), so 64 KiB is generous; envelope-shape derives its size bounds from it.
 */
export const MAX_PAYLOAD_BYTES = 64 * 1024;

export type PayloadOpenFailure = 'malformed' | 'undecryptable' | 'not-an-object';

/**
 * Opening failed. `undecryptable` covers a changed ciphertext, tag, nonce or ephemeral key, a wrong
 * recipient key and a wrong message id alike: GCM cannot tell them apart, and neither should a caller.
 */
export class PayloadOpenError extends Error {
  constructor(
    readonly failure: PayloadOpenFailure,
    message: string,
  ) {
    super(message);
    this.name = 'PayloadOpenError';
  }
}

/**
 * Seals `payload` to the recipient's X25519 key with a fresh ephemeral key, so only the recipient can
 * read it and the sender keeps nothing that opens it later. `aad` (the message id) binds the
 * ciphertext to its envelope: moved into another message, it no longer opens.
 */
export function sealPayload(
  payload: Record<string, unknown>,
  recipientEncryptionKeyPem: string,
  aad: string,
): SealedPayload {
  const recipient = x25519PublicKey(createPublicKey(recipientEncryptionKeyPem));
  const plaintext = Buffer.from(canonicalJson(payload), 'utf8');
  if (plaintext.length > MAX_PAYLOAD_BYTES) {
    throw new RangeError(
      `payload is ${plaintext.length} bytes; at most ${MAX_PAYLOAD_BYTES} may cross the border`,
    );
  }
  const ephemeral = generateKeyPairSync('x25519');
  const epk = rawX25519(ephemeral.publicKey);
  const key = deriveKey(ephemeral.privateKey, recipient, epk, rawX25519(recipient));
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return {
    alg: SEAL_ALGORITHM,
    epk: epk.toString('base64url'),
    iv: iv.toString('base64url'),
    ct: ct.toString('base64url'),
    tag: cipher.getAuthTag().toString('base64url'),
  };
}

/** Opens a sealed payload with the node's X25519 private key; throws PayloadOpenError on any failure. */
export function openPayload(
  sealed: SealedPayload,
  recipientPrivateKey: KeyObject,
  aad: string,
): Record<string, unknown> {
  if (recipientPrivateKey.type !== 'private' || recipientPrivateKey.asymmetricKeyType !== 'x25519') {
    throw new TypeError('openPayload needs an X25519 private key');
  }
  const epk = decodeBase64url(sealed?.epk, KEY_BYTES);
  const iv = decodeBase64url(sealed?.iv, IV_BYTES);
  const ct = decodeBase64url(sealed?.ct);
  const tag = decodeBase64url(sealed?.tag, TAG_BYTES);
  if (sealed?.alg !== SEAL_ALGORITHM || !epk || !iv || !ct || !tag) {
    throw new PayloadOpenError('malformed', 'sealed payload is malformed');
  }
  if (ct.length > MAX_PAYLOAD_BYTES) throw new PayloadOpenError('malformed', 'sealed payload is too large');

  let plaintext: Buffer;
  try {
    const ephemeral = createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: sealed.epk }, format: 'jwk' });
    const recipientPublic = createPublicKey(recipientPrivateKey);
    const key = deriveKey(recipientPrivateKey, ephemeral, epk, rawX25519(recipientPublic));
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    plaintext = Buffer.concat([decipher.update(ct), decipher.final()]);
  } catch {
    throw new PayloadOpenError('undecryptable', 'sealed payload does not open with this key and message id');
  }

  let value: unknown;
  try {
    value = JSON.parse(plaintext.toString('utf8'));
  } catch {
    throw new PayloadOpenError('not-an-object', 'sealed payload is not JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new PayloadOpenError('not-an-object', 'sealed payload is not a JSON object');
  }
  return value as Record<string, unknown>;
}

/** HKDF-SHA256 over the shared secret, salted with both public keys so the key is bound to this pair. */
function deriveKey(privateKey: KeyObject, publicKey: KeyObject, epk: Buffer, recipientRaw: Buffer): Buffer {
  const shared = diffieHellman({ privateKey, publicKey });
  // A low-order public key yields an all-zero secret (RFC 7748 §6.1): anyone could compute it.
  if (shared.every((byte) => byte === 0)) throw new Error('X25519 produced an all-zero shared secret');
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([epk, recipientRaw]), HKDF_INFO, KEY_BYTES));
}

function x25519PublicKey(key: KeyObject): KeyObject {
  if (key.asymmetricKeyType !== 'x25519') throw new TypeError('the recipient encryption key must be X25519');
  return key;
}

/** The raw 32-byte X25519 public key (the JWK `x`). */
export function rawX25519(publicKey: KeyObject): Buffer {
  const { x } = publicKey.export({ format: 'jwk' });
  return Buffer.from(x as string, 'base64url');
}
