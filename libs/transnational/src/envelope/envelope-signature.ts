import { createPublicKey, KeyObject, verify } from 'node:crypto';
import { canonicalJson } from '@nrm/common';
import type { CheckpointSigner } from '@nrm/event-store/integrity';
import type { CrossBorderEnvelope, UnsignedEnvelope } from './cross-border-envelope';
import { decodeBase64 } from './encoding';

/**
 * Prefix of the signed bytes. The node key also signs checkpoints (C2SP notes, which start with the
 * origin): the prefix keeps an envelope signature from ever being passed off as a checkpoint
 * signature or the other way round.
 */
export const ENVELOPE_SIGNATURE_DOMAIN = 'nrm-trm-envelope-v1\n';

const ED25519_SIGNATURE_BYTES = 64;

/** The bytes the sender signs: the domain, then the canonical JSON of every member but the signature. */
export function envelopeSigningBytes(unsigned: UnsignedEnvelope): Buffer {
  const { nrmsignature: _ignored, ...members } = unsigned as UnsignedEnvelope & { nrmsignature?: unknown };
  return Buffer.from(ENVELOPE_SIGNATURE_DOMAIN + canonicalJson(members), 'utf8');
}

export function signEnvelope(unsigned: UnsignedEnvelope, signer: CheckpointSigner): CrossBorderEnvelope {
  const signature = Buffer.from(signer.sign(envelopeSigningBytes(unsigned))).toString('base64');
  const { nrmsignature: _previous, ...members } = unsigned as UnsignedEnvelope & { nrmsignature?: unknown };
  return { ...members, nrmsignature: signature };
}

/** True only when the signature verifies with this Ed25519 key; never throws, whatever it is given. */
export function verifyEnvelopeSignature(
  envelope: CrossBorderEnvelope,
  publicKey: string | KeyObject,
): boolean {
  try {
    const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
    if (key.type !== 'public' || key.asymmetricKeyType !== 'ed25519') return false;
    const signature = decodeBase64(envelope.nrmsignature, ED25519_SIGNATURE_BYTES);
    if (!signature) return false;
    return verify(null, envelopeSigningBytes(envelope), key, signature);
  } catch {
    return false;
  }
}
