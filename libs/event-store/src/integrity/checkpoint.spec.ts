import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { checkpointNote, Ed25519Signer, publicKeyId, signCheckpoint, verifyCheckpoint } from './checkpoint';

const root = 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7';

describe('signed checkpoints', () => {
  it('signs the C2SP checkpoint body: origin, size and base64 root, one per line', () => {
    expect(checkpointNote({ origin: 'node.md', size: 4, root }).toString('utf8')).toBe(
      `node.md\n4\n${Buffer.from(root, 'hex').toString('base64')}\n`,
    );
  });

  it('verifies with the signer public key and with nothing else', () => {
    const signer = Ed25519Signer.generate();
    const signed = signCheckpoint({ origin: 'node.md', size: 4, root }, signer);
    expect(signed.keyId).toBe(publicKeyId(signer.publicKeyPem));
    expect(verifyCheckpoint(signed, signer.publicKeyPem)).toBe(true);
    expect(verifyCheckpoint(signed, createPublicKey(signer.publicKeyPem))).toBe(true);
    expect(verifyCheckpoint(signed, Ed25519Signer.generate().publicKeyPem)).toBe(false);
  });

  it.each([
    ['size', { size: 5 }],
    ['root', { root: '00'.repeat(32) }],
    ['origin', { origin: 'node.ro' }],
    ['signature', { signature: Buffer.alloc(64).toString('base64') }],
    ['signature encoding', { signature: 'not base64 at all' }],
  ])('rejects a checkpoint whose %s was changed', (_field, change) => {
    const signer = Ed25519Signer.generate();
    const signed = signCheckpoint({ origin: 'node.md', size: 4, root }, signer);
    expect(verifyCheckpoint({ ...signed, ...change }, signer.publicKeyPem)).toBe(false);
  });

  it('refuses to sign a malformed checkpoint', () => {
    const signer = Ed25519Signer.generate();
    expect(() => signCheckpoint({ origin: 'a\nb', size: 1, root }, signer)).toThrow();
    expect(() => signCheckpoint({ origin: 'a', size: -1, root }, signer)).toThrow();
    expect(() => signCheckpoint({ origin: 'a', size: 1, root: 'abc' }, signer)).toThrow();
  });

  it('accepts only Ed25519 private keys', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(() => new Ed25519Signer(privateKey)).toThrow(/Ed25519/);
  });
});
