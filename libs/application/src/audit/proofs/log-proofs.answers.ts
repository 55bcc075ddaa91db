import type { SignedCheckpoint } from '@nrm/event-store';
import type { StoredEvent } from '@nrm/event-store/port';

/** The node key every proof answer names, so that it can be checked away from the node. */
interface NodeKey {
  /** Ed25519 public key (PEM) of the node. */
  publicKey: string;
  /** Its key id (first 8 bytes of SHA-256 over the SPKI DER, hex). */
  publicKeyId: string;
}

/** GET /api/audit/checkpoints: signed tree heads by ascending size. */
export interface CheckpointPage extends NodeKey {
  items: SignedCheckpoint[];
  /** How many checkpoints the log holds in all. */
  total: number;
}

/**
 * GET /api/audit/events/:position/proof: the event as the log holds it (its personal part sealed),
 * the RFC 6962 audit path of its leaf, and the signed checkpoint whose root the path leads to.
 */
export interface EventProofAnswer extends NodeKey {
  format: 'nrm-event-proof';
  formatVersion: 1;
  event: StoredEvent;
  inclusion: {
    /** 0-based place of the event in the log. */
    leafIndex: number;
    /** SHA-256 of 0x00 and the event's canonical JSON (hex). */
    leafHash: string;
    /** Sibling hashes (hex), leaf to root. */
    path: string[];
  };
  checkpoint: SignedCheckpoint;
}

/** GET /api/audit/consistency: the RFC 6962 proof that `from`'s tree is a prefix of `to`'s. */
export interface ConsistencyProofAnswer extends NodeKey {
  format: 'nrm-consistency-proof';
  formatVersion: 1;
  from: SignedCheckpoint;
  to: SignedCheckpoint;
  /** Hashes (hex) of RFC 6962 §2.1.2 PROOF(from.size, D[to.size]). */
  path: string[];
}
