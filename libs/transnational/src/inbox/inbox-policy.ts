import type { SignedCheckpoint } from '@nrm/event-store/integrity';
import type { CrossBorderEnvelope } from '../envelope/cross-border-envelope';
import { verifyEnvelopeSignature } from '../envelope/envelope-signature';
import { parseEnvelope } from '../envelope/envelope-shape';
import type { Partner } from '../registry/partner';
import { WitnessFailure, WitnessResult, witnessCheckpoint } from '../witness/witness';

export type RejectReason =
  | 'malformed'
  | 'unknown-sender'
  | 'bad-signature'
  | 'partner-removed'
  | 'wrong-recipient'
  | 'stale'
  | 'out-of-agreement';

export type HoldReason = 'partner-held' | 'witness-failed';

export type IncomingJudgement =
  | { verdict: 'accept'; envelope: CrossBorderEnvelope; witness: { status: 'extends' | 'same' } }
  | { verdict: 'duplicate' }
  | {
      verdict: 'reject';
      reason: RejectReason;
      detail: string;
      /** Present once the signature verified: the caller records the refusal under this message id. */
      envelope?: CrossBorderEnvelope;
      /**
       * The sender's checkpoint, proven to extend the kept one: keep it as the partner's last
       * witnessed checkpoint although the message is refused. The sender's next proof starts from
       * this message's checkpoint (delivery is in order and a refusal is final); without it, the next
       * honest message would look like a gap.
       */
      witnessed?: SignedCheckpoint;
    }
  | {
      verdict: 'hold';
      reason: HoldReason;
      detail: string;
      envelope: CrossBorderEnvelope;
      /** For 'witness-failed': how the checkpoint failed (the evidence for admins and auditors). */
      witness?: { status: WitnessFailure; detail: string };
      /** As for a refusal: keep it, the sender's next proof starts from it. */
      witnessed?: SignedCheckpoint;
    };

export interface InboxContext {
  localNodeId: string;
  partners: ReadonlyMap<string, Partner>;
  /** The receiver's clock (ISO 8601). */
  now: string;
  /**
   * This message id was given a verdict before (accepted, held or refused after its signature
   * verified). Ids must be remembered for at least maxMessageAgeMs + maxClockSkewMs: older messages
   * are refused as stale, so a replay can never outlive the memory of its id.
   */
  alreadySeen: boolean;
  /** The sender's checkpoint this node kept last (undefined before its first message). */
  lastWitnessed?: SignedCheckpoint;
  maxClockSkewMs?: number;
  maxMessageAgeMs?: number;
}

/** How far ahead of the receiver's clock a message may be: NTP-synchronised servers agree far better. */
export const DEFAULT_MAX_CLOCK_SKEW_MS = 5 * 60_000;
/**
 * How old a message may be. Senders retry with backoff until the receiver answers, so a message may
 * legitimately wait out a receiver's outage: a week covers a long weekend with margin. Ids are kept
 * that long (a few thousand ids at most), which is what makes replays of old captured messages fail.
 */
export const DEFAULT_MAX_MESSAGE_AGE_MS = 7 * 24 * 3_600_000;

/**
 * The receiving node's decision for one incoming message, without decrypting it (checking the
 * payload's fields against the agreement is the caller's, after opening). The order is the point:
 *
 *  1. malformed        parseEnvelope: only bounded, well-formed input is looked at further.
 *  2. unknown-sender   the registry must know nrmsender (its key is needed for step 3).
 *  3. bad-signature    nothing in the envelope is believed before this, so every later answer is
 *                      about a message the partner really signed.
 *  4. partner-removed  a removed partner gets nothing from this node, not even "duplicate".
 *  5. wrong-recipient  the signed recipient is not this node (a message for another node replayed here).
 *  6. duplicate        only now: a forger cannot probe which ids this node has seen.
 *  7. stale            time outside [now - maxAge - skew, now + skew]. Before witnessing, because a
 *                      replayed old message carries an old checkpoint and must not raise a false
 *                      alarm (it would look rolled back); its checkpoint is kept if it extends.
 *  8. partner-held     (hold) the partner's history failed witnessing earlier; an admin decides.
 *  9. witness-failed   (hold) this checkpoint does not extend the kept one: a rewritten history is
 *                      evidence, so the message is kept aside, not applied and not refused.
 * 10. out-of-agreement the purpose is not in the agreement or the agreement has expired (after
 *                      witnessing, so that an out-of-agreement message still tells of a rewrite).
 *                      Restriction requests are always covered (see outsideAgreement).
 * 11. accept
 */
export function judgeIncoming(input: unknown, ctx: InboxContext): IncomingJudgement {
  const now = Date.parse(ctx.now);
  if (Number.isNaN(now)) throw new TypeError(`judgeIncoming: now is not a date: ${ctx.now}`);

  const parsed = parseEnvelope(input);
  if (!parsed.ok) return { verdict: 'reject', reason: 'malformed', detail: parsed.problem };
  const envelope = parsed.envelope;

  const partner = ctx.partners.get(envelope.nrmsender);
  if (!partner || partner.nodeId !== envelope.nrmsender) {
    return { verdict: 'reject', reason: 'unknown-sender', detail: `no partner node "${envelope.nrmsender}"` };
  }
  if (!verifyEnvelopeSignature(envelope, partner.publicKeyPem)) {
    return {
      verdict: 'reject',
      reason: 'bad-signature',
      detail: `signature does not verify with the key of "${partner.nodeId}"`,
    };
  }
  const refuse = (reason: RejectReason, detail: string, witnessed?: SignedCheckpoint): IncomingJudgement => ({
    verdict: 'reject',
    reason,
    detail,
    envelope,
    ...(witnessed ? { witnessed } : {}),
  });
  if (partner.status === 'removed')
    return refuse('partner-removed', `partner "${partner.nodeId}" was removed`);
  if (envelope.nrmrecipient !== ctx.localNodeId) {
    return refuse(
      'wrong-recipient',
      `message is for "${envelope.nrmrecipient}", this node is "${ctx.localNodeId}"`,
    );
  }
  if (ctx.alreadySeen) return { verdict: 'duplicate' };

  const witness = witnessCheckpoint(
    ctx.lastWitnessed,
    envelope.nrmcheckpoint,
    envelope.nrmconsistency,
    partner.publicKeyPem,
    partner.nodeId,
  );
  const witnessed = isExtension(witness) ? envelope.nrmcheckpoint : undefined;

  const skew = ctx.maxClockSkewMs ?? DEFAULT_MAX_CLOCK_SKEW_MS;
  const maxAge = ctx.maxMessageAgeMs ?? DEFAULT_MAX_MESSAGE_AGE_MS;
  const sent = Date.parse(envelope.time);
  if (sent > now + skew)
    return refuse('stale', `sent at ${envelope.time}, ahead of this node's clock (${ctx.now})`, witnessed);
  if (sent < now - maxAge - skew)
    return refuse('stale', `sent at ${envelope.time}, too old to be told from a replay`, witnessed);

  if (partner.status === 'held') {
    return {
      verdict: 'hold',
      reason: 'partner-held',
      detail: `partner "${partner.nodeId}" is held`,
      envelope,
      ...(witnessed ? { witnessed } : {}),
    };
  }
  if (!isExtension(witness)) {
    return {
      verdict: 'hold',
      reason: 'witness-failed',
      detail: `checkpoint ${witness.status}: ${witness.detail}`,
      envelope,
      witness,
    };
  }

  const outside = outsideAgreement(envelope, partner, now);
  if (outside) return refuse('out-of-agreement', outside, witnessed);
  return { verdict: 'accept', envelope, witness };
}

/**
 * Why the agreement does not cover this message, if it does not. A restriction request is always
 * covered: it asks the partner to process less, and an agreement that lapsed or never listed it must
 * not keep a victim's restriction from reaching the node that holds the data (protocol's
 * agreementAllows says the same on the sending side).
 */
function outsideAgreement(envelope: CrossBorderEnvelope, partner: Partner, now: number): string | undefined {
  if (envelope.nrmpurpose === 'restriction' || envelope.nrmpurpose === 'protection') return undefined;
  const { agreement } = partner;
  if (agreement.fields[envelope.nrmpurpose] === undefined) {
    return `agreement ${agreement.reference} does not cover "${envelope.nrmpurpose}"`;
  }
  // An unreadable end date ends the agreement: sharing must never outlive what was signed.
  const validUntil = agreement.validUntil === undefined ? Infinity : Date.parse(agreement.validUntil);
  return now <= validUntil ? undefined : `agreement ${agreement.reference} ended ${agreement.validUntil}`;
}

function isExtension(witness: WitnessResult): witness is { status: 'extends' | 'same' } {
  return witness.status === 'extends' || witness.status === 'same';
}
