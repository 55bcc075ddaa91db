import type { SignedCheckpoint } from '@nrm/event-store/integrity';
import type { TrmPurpose } from '../registry/partner';

/** What crosses the border, message by message (docs/transnational.md tells each one). */
export const TRM_MESSAGE_KINDS = [
  'handover.proposed',
  'handover.accepted',
  'handover.declined',
  'return.travel-started',
  'return.arrival-confirmed',
  'return.reception-confirmed',
  'reintegration.plan-adopted',
  'reintegration.progress-recorded',
  'consent.restriction-requested',
  'alert.urgent',
] as const;
export type TrmMessageKind = (typeof TRM_MESSAGE_KINDS)[number];

export const TRM_TYPE_PREFIX = 'org.nrm.trm.';
export type TrmEventType = `${typeof TRM_TYPE_PREFIX}${TrmMessageKind}`;

/**
 * A cross-border message as a CloudEvents 1.0 event in structured JSON mode. The `nrm*` members are
 * CloudEvents extension attributes (lowercase alphanumerics, as the spec requires).
 */
export interface CrossBorderEnvelope {
  specversion: '1.0';
  /** Message id (UUID): the receiver drops a second message with the same id. */
  id: string;
  /** `urn:nrm:node:<sender node id>`. */
  source: string;
  type: TrmEventType;
  /** The shared case reference: random, agreed for this case between the two nodes, never a local case id. */
  subject: string;
  /** When the sender built the message (ISO 8601). */
  time: string;
  datacontenttype: 'application/json';
  nrmsender: string;
  nrmrecipient: string;
  nrmpurpose: TrmPurpose;
  /** The sender's latest signed checkpoint when the message was built. */
  nrmcheckpoint: SignedCheckpoint;
  /**
   * RFC 6962 consistency proof (hex nodes) from the checkpoint the sender put in its previous message
   * to this recipient (`fromSize`, 0 for the first message) to `nrmcheckpoint`.
   */
  nrmconsistency: { fromSize: number; proof: string[] };
  /** base64 Ed25519 signature by the sender over the canonical encoding of every other member. */
  nrmsignature: string;
  /**
   * The minimal payload that consent and the agreement allow, sealed to the recipient's X25519 key:
   * outboxes, Kafka topics and proxies on the way only ever hold ciphertext.
   */
  data: SealedPayload;
}

/** ECDH X25519 (ephemeral key) + HKDF-SHA256 + AES-256-GCM; AAD binds the ciphertext to the message. */
export interface SealedPayload {
  alg: 'X25519-HKDF-SHA256-A256GCM';
  /** The sender's ephemeral X25519 public key, base64url of its raw 32 bytes. */
  epk: string;
  /** base64url nonce (12 bytes), ciphertext and tag (16 bytes). */
  iv: string;
  ct: string;
  tag: string;
}

export type UnsignedEnvelope = Omit<CrossBorderEnvelope, 'nrmsignature'>;
