import { randomUUID } from 'node:crypto';
import { Ed25519Signer } from '@nrm/event-store/integrity';
import { makeTestEnvelope, makeTestPartner } from '../testing/test-partner';
import type { CrossBorderEnvelope } from './cross-border-envelope';
import {
  ENVELOPE_SIGNATURE_DOMAIN,
  envelopeSigningBytes,
  signEnvelope,
  verifyEnvelopeSignature,
} from './envelope-signature';
import { sealPayload } from './payload-seal';

describe('envelope signatures', () => {
  const sender = makeTestPartner({ nodeId: 'nrm-md' });
  const recipient = makeTestPartner({ nodeId: 'nrm-ro' });
  sender.log.append(5);
  const envelope = makeTestEnvelope(sender, recipient, { fromSize: 3 });

  it('verifies with the sender key and with no other key', () => {
    expect(verifyEnvelopeSignature(envelope, sender.signer.publicKeyPem)).toBe(true);
    expect(verifyEnvelopeSignature(envelope, recipient.signer.publicKeyPem)).toBe(false);
    expect(verifyEnvelopeSignature(envelope, Ed25519Signer.generate().publicKeyPem)).toBe(false);
  });

  it('signs the domain prefix and the canonical JSON of every member but the signature', () => {
    const { nrmsignature: _s, ...unsigned } = envelope;
    const bytes = envelopeSigningBytes(unsigned).toString('utf8');
    expect(bytes.startsWith(ENVELOPE_SIGNATURE_DOMAIN)).toBe(true);
    const signed = JSON.parse(bytes.slice(ENVELOPE_SIGNATURE_DOMAIN.length));
    expect(signed).toEqual(unsigned);
    // Member order does not matter; the bytes are the same for a reordered copy.
    const reordered = Object.fromEntries(Object.entries(unsigned).reverse()) as typeof unsigned;
    expect(envelopeSigningBytes(reordered).equals(envelopeSigningBytes(unsigned))).toBe(true);
  });

  it('ignores a signature already present on the input and signs again', () => {
    const again = signEnvelope({ ...envelope, nrmsignature: 'stale' } as CrossBorderEnvelope, sender.signer);
    expect(verifyEnvelopeSignature(again, sender.signer.publicKeyPem)).toBe(true);
  });

  const changes: [string, (e: CrossBorderEnvelope) => CrossBorderEnvelope][] = [
    ['id', (e) => ({ ...e, id: randomUUID() })],
    ['source', (e) => ({ ...e, source: 'urn:nrm:node:nrm-ua' })],
    ['type', (e) => ({ ...e, type: 'org.nrm.trm.handover.accepted' })],
    ['subject', (e) => ({ ...e, subject: randomUUID() })],
    ['time', (e) => ({ ...e, time: '2030-01-01T00:00:00.000Z' })],
    ['sender', (e) => ({ ...e, nrmsender: 'nrm-ua' })],
    ['recipient', (e) => ({ ...e, nrmrecipient: 'nrm-ua' })],
    ['purpose', (e) => ({ ...e, nrmpurpose: 'reintegration' })],
    ['checkpoint size', (e) => ({ ...e, nrmcheckpoint: { ...e.nrmcheckpoint, size: 4 } })],
    ['checkpoint root', (e) => ({ ...e, nrmcheckpoint: { ...e.nrmcheckpoint, root: '00'.repeat(32) } })],
    ['consistency fromSize', (e) => ({ ...e, nrmconsistency: { ...e.nrmconsistency, fromSize: 2 } })],
    ['consistency proof', (e) => ({ ...e, nrmconsistency: { ...e.nrmconsistency, proof: [] } })],
    [
      'data ciphertext',
      (e) => ({ ...e, data: { ...e.data, ct: `${e.data.ct[0] === 'A' ? 'B' : 'A'}${e.data.ct.slice(1)}` } }),
    ],
    [
      'whole sealed data',
      (e) => ({ ...e, data: sealPayload({ x: 1 }, recipient.partner.encryptionKeyPem, e.id) }),
    ],
    ['an added member', (e) => ({ ...e, extra: 'x' }) as CrossBorderEnvelope],
    ['a removed member', ({ subject: _s, ...e }) => e as CrossBorderEnvelope],
  ];
  it.each(changes)('fails after a change to: %s', (_what, change) => {
    const changed = change(envelope);
    expect(changed).not.toEqual(envelope);
    expect(verifyEnvelopeSignature(changed, sender.signer.publicKeyPem)).toBe(false);
  });

  it.each([
    ['empty', ''],
    ['not base64', '!!!not base64!!!'],
    ['too short', Buffer.alloc(63).toString('base64')],
    ['zeros', Buffer.alloc(64).toString('base64')],
    ['a number', 42],
    ['missing', undefined],
  ])('returns false for a %s signature and never throws', (_what, nrmsignature) => {
    const forged = { ...envelope, nrmsignature } as unknown as CrossBorderEnvelope;
    expect(verifyEnvelopeSignature(forged, sender.signer.publicKeyPem)).toBe(false);
  });

  it('refuses a second spelling of the same signature bytes (signatures are not malleable in transit)', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const last = alphabet.indexOf(envelope.nrmsignature[85]);
    // The 86th character carries 2 bits; its 4 low bits are padding that decoders ignore.
    const respelled = `${envelope.nrmsignature.slice(0, 85)}${alphabet[last | 1]}==`;
    expect(Buffer.from(respelled, 'base64').equals(Buffer.from(envelope.nrmsignature, 'base64'))).toBe(true);
    expect(respelled).not.toBe(envelope.nrmsignature);
    expect(
      verifyEnvelopeSignature({ ...envelope, nrmsignature: respelled }, sender.signer.publicKeyPem),
    ).toBe(false);
  });

  it('returns false for keys that are not an Ed25519 public key, and for envelopes that are not objects', () => {
    expect(verifyEnvelopeSignature(envelope, 'not a pem')).toBe(false);
    expect(verifyEnvelopeSignature(envelope, sender.partner.encryptionKeyPem)).toBe(false);
    expect(verifyEnvelopeSignature(null as unknown as CrossBorderEnvelope, sender.signer.publicKeyPem)).toBe(
      false,
    );
    const circular: Record<string, unknown> = { ...envelope };
    circular.data = circular;
    expect(
      verifyEnvelopeSignature(circular as unknown as CrossBorderEnvelope, sender.signer.publicKeyPem),
    ).toBe(false);
  });
});
