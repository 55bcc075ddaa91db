import { SignedCheckpoint, verifyCheckpoint, verifyConsistency } from '@nrm/event-store/integrity';
import { isLowerHex } from '../envelope/encoding';

export type WitnessFailure = 'bad-signature' | 'wrong-origin' | 'rewritten' | 'gap' | 'rolled-back';

/**
 * `extends`: the partner's log grew and still holds everything it showed before; `same`: it did not
 * move. Either way `next` becomes the checkpoint to keep. Any failure leaves the kept one as it was.
 */
export type WitnessResult = { status: 'extends' | 'same' } | { status: WitnessFailure; detail: string };

export interface ConsistencyClaim {
  /** Size of the checkpoint the proof starts from (the one the sender last showed this node). */
  fromSize: number;
  /** Hex RFC 6962 proof nodes from `fromSize` to the new checkpoint's size. */
  proof: readonly string[];
}

/**
 * Witnesses one of a partner's checkpoints against the last one this node kept from it. Pure: the
 * caller keeps `next` only on `extends` or `same`. Because every partner keeps what it was shown, a
 * node that rewrites, forks or rolls back its log is caught by the next partner it talks to.
 *
 * - the signature must verify with the partner's key and the origin must be the partner's node id;
 * - nothing kept yet: the proof must start from the empty tree (fromSize 0), whatever the size;
 * - smaller than kept: rolled-back; same size: `same` if the root matches, rewritten if not;
 * - larger: the proof must start exactly at the kept size (otherwise `gap`: it cannot be checked,
 *   so it is not trusted) and must verify (otherwise rewritten).
 */
export function witnessCheckpoint(
  previous: SignedCheckpoint | undefined,
  next: SignedCheckpoint,
  consistency: ConsistencyClaim,
  partnerPublicKeyPem: string,
  partnerNodeId: string,
): WitnessResult {
  if (!verifyCheckpoint(next, partnerPublicKeyPem)) {
    return {
      status: 'bad-signature',
      detail: `checkpoint of size ${next.size} does not verify with the partner key`,
    };
  }
  if (next.origin !== partnerNodeId) {
    return {
      status: 'wrong-origin',
      detail: `checkpoint is for log "${next.origin}", not "${partnerNodeId}"`,
    };
  }
  const keptSize = previous?.size ?? 0;
  if (previous && next.size < previous.size) {
    return { status: 'rolled-back', detail: `log shrank from ${previous.size} to ${next.size} leaves` };
  }
  if (previous && next.size === previous.size) {
    return next.root === previous.root
      ? { status: 'same' }
      : { status: 'rewritten', detail: `two different roots signed for size ${next.size}` };
  }
  if (consistency.fromSize !== keptSize) {
    return {
      status: 'gap',
      detail: `proof starts at size ${consistency.fromSize}, but the last checkpoint kept has size ${keptSize}`,
    };
  }
  // Every tree extends the empty one: there is nothing to prove, so a proof here is a wrong one.
  if (keptSize === 0) {
    return consistency.proof.length === 0
      ? { status: 'extends' }
      : { status: 'rewritten', detail: 'a proof from the empty log must be empty' };
  }
  const kept = previous as SignedCheckpoint;
  const proof: Buffer[] = [];
  for (const node of consistency.proof) {
    if (!isLowerHex(node, 64))
      return { status: 'rewritten', detail: 'a proof node is not a 32-byte hex hash' };
    proof.push(Buffer.from(node, 'hex'));
  }
  const valid =
    isLowerHex(kept.root, 64) &&
    verifyConsistency(
      keptSize,
      next.size,
      Buffer.from(kept.root, 'hex'),
      Buffer.from(next.root, 'hex'),
      proof,
    );
  return valid
    ? { status: 'extends' }
    : {
        status: 'rewritten',
        detail: `size ${next.size} does not extend the kept checkpoint of size ${keptSize}`,
      };
}
