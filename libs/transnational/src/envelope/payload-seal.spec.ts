import {
  createDecipheriv,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomUUID,
} from 'node:crypto';
import { generateNodeEncryptionKey } from './node-encryption-key';
import { MAX_PAYLOAD_BYTES, openPayload, PayloadOpenError, rawX25519, sealPayload } from './payload-seal';
import type { SealedPayload } from './cross-border-envelope';

describe('sealed payloads', () => {
  const recipient = generateNodeEncryptionKey();
  const id = randomUUID();
  const payload = {
    'person.ageBand': '15-17',
    'case.presumedMinor': true,
    'reintegration.services': ['shelter'],
  };

  function openError(run: () => unknown): PayloadOpenError {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(PayloadOpenError);
      return error as PayloadOpenError;
    }
    throw new Error('expected openPayload to throw');
  }

  it('opens with the recipient key and the same message id', () => {
    const sealed = sealPayload(payload, recipient.publicKeyPem, id);
    expect(openPayload(sealed, recipient.privateKey, id)).toEqual(payload);
  });

  it('follows the documented construction, so that a partner with another implementation can open it', () => {
    const sealed = sealPayload(payload, recipient.publicKeyPem, id);
    const epk = Buffer.from(sealed.epk, 'base64url');
    const ephemeral = createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: sealed.epk }, format: 'jwk' });
    const shared = diffieHellman({ privateKey: recipient.privateKey, publicKey: ephemeral });
    const recipientRaw = Buffer.from(
      createPublicKey(recipient.publicKeyPem).export({ format: 'jwk' }).x as string,
      'base64url',
    );
    const key = Buffer.from(
      hkdfSync('sha256', shared, Buffer.concat([epk, recipientRaw]), 'nrm-trm-payload-v1', 32),
    );
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64url'));
    decipher.setAAD(Buffer.from(id, 'utf8'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64url'));
    const plaintext = Buffer.concat([decipher.update(Buffer.from(sealed.ct, 'base64url')), decipher.final()]);
    // Canonical JSON inside: the same payload always has the same plaintext bytes.
    expect(plaintext.toString('utf8')).toBe(
      '{"case.presumedMinor":true,"person.ageBand":"15-17","reintegration.services":["shelter"]}',
    );
  });

  it('holds only ciphertext, under a fresh ephemeral key and nonce every time', () => {
    const a = sealPayload(payload, recipient.publicKeyPem, id);
    const b = sealPayload(payload, recipient.publicKeyPem, id);
    expect(a.alg).toBe('X25519-HKDF-SHA256-A256GCM');
    expect(Buffer.from(a.ct, 'base64url').toString('utf8')).not.toContain('15-17');
    expect(JSON.stringify(a)).not.toContain('ageBand');
    expect(a.epk).not.toBe(b.epk);
    expect(a.iv).not.toBe(b.iv);
    expect(Buffer.from(a.epk, 'base64url')).toHaveLength(32);
    expect(Buffer.from(a.iv, 'base64url')).toHaveLength(12);
    expect(Buffer.from(a.tag, 'base64url')).toHaveLength(16);
  });

  it('cannot be opened with another key or under another message id', () => {
    const sealed = sealPayload(payload, recipient.publicKeyPem, id);
    expect(openError(() => openPayload(sealed, generateNodeEncryptionKey().privateKey, id)).failure).toBe(
      'undecryptable',
    );
    expect(openError(() => openPayload(sealed, recipient.privateKey, randomUUID())).failure).toBe(
      'undecryptable',
    );
  });

  const flip = (text: string, at = 0): string => {
    const bytes = Buffer.from(text, 'base64url');
    bytes[at] ^= 0x01;
    return bytes.toString('base64url');
  };
  it.each<[string, (s: SealedPayload) => SealedPayload]>([
    ['ciphertext', (s) => ({ ...s, ct: flip(s.ct, 3) })],
    ['tag', (s) => ({ ...s, tag: flip(s.tag) })],
    ['nonce', (s) => ({ ...s, iv: flip(s.iv) })],
    [
      'ephemeral key',
      (s) => ({ ...s, epk: rawX25519(generateKeyPairSync('x25519').publicKey).toString('base64url') }),
    ],
  ])('detects a changed %s', (_what, change) => {
    const sealed = sealPayload(payload, recipient.publicKeyPem, id);
    expect(openError(() => openPayload(change(sealed), recipient.privateKey, id)).failure).toBe(
      'undecryptable',
    );
  });

  it.each<[string, Partial<Record<keyof SealedPayload, unknown>>]>([
    ['another algorithm', { alg: 'A128GCM' }],
    ['a short nonce', { iv: Buffer.alloc(8).toString('base64url') }],
    ['a short tag', { tag: Buffer.alloc(12).toString('base64url') }],
    ['a key that is not base64url', { epk: '+'.repeat(43) }],
    ['a missing ciphertext', { ct: undefined }],
  ])('refuses %s as malformed', (_what, change) => {
    const sealed = { ...sealPayload(payload, recipient.publicKeyPem, id), ...change } as SealedPayload;
    expect(openError(() => openPayload(sealed, recipient.privateKey, id)).failure).toBe('malformed');
  });

  it('refuses a low-order ephemeral key (all-zero shared secret) instead of deriving a public key', () => {
    const sealed = {
      ...sealPayload(payload, recipient.publicKeyPem, id),
      epk: Buffer.alloc(32).toString('base64url'),
    };
    expect(openError(() => openPayload(sealed, recipient.privateKey, id)).failure).toBe('undecryptable');
  });

  it('refuses to seal to a key that is not X25519, and payloads too large to cross the border', () => {
    const ed25519 = generateKeyPairSync('ed25519')
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    expect(() => sealPayload(payload, ed25519, id)).toThrow(/X25519/);
    expect(() => sealPayload({ notes: 'x'.repeat(MAX_PAYLOAD_BYTES) }, recipient.publicKeyPem, id)).toThrow(
      RangeError,
    );
  });

  it('needs an X25519 private key to open', () => {
    const sealed = sealPayload(payload, recipient.publicKeyPem, id);
    expect(() => openPayload(sealed, createPublicKey(recipient.publicKeyPem), id)).toThrow(TypeError);
  });
});
