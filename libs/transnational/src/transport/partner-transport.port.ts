import type { CrossBorderEnvelope } from '../envelope/cross-border-envelope';
import type { Partner } from '../registry/partner';

/**
 * What the receiving node answers for one envelope. `accepted` and `duplicate` end delivery (the
 * sender marks the message delivered); `rejected` ends it too (retrying a forged or out-of-agreement
 * message cannot help; the sender records the refusal); `unavailable` asks the sender to retry later.
 */
export type InboxVerdict =
  | { outcome: 'accepted' }
  | { outcome: 'duplicate' }
  | { outcome: 'rejected'; reason: string }
  | { outcome: 'unavailable'; reason: string };

/** The receiving side: verifies, records, applies. Must be idempotent by envelope id. */
export type InboxHandler = (envelope: unknown) => Promise<InboxVerdict>;

/**
 * Moves signed envelopes between partner nodes. Delivery is at least once and in order per
 * recipient: `send` resolves once the message is durably queued (outbox) — never loses it if the
 * process stops — and the transport keeps retrying with backoff until the recipient gives a final
 * verdict. One adapter per technology: HTTP (embedded default) and Kafka.
 */
export interface PartnerTransport {
  /** Queues the envelope for `partner` (durably); delivery happens in the background. */
  send(partner: Partner, envelope: CrossBorderEnvelope): Promise<void>;
  /** Starts receiving (and delivering the outbox). Call once. */
  start(inbox: InboxHandler, onDelivered?: (delivery: Delivery) => Promise<void> | void): Promise<void>;
  /**
   * Drops every undelivered message about one shared case (`subject`): consent withdrawn or data
   * erased stops sharing at once, also for what was queued. Returns how many were dropped.
   */
  withdraw(subject: string): Promise<number>;
  /** Messages queued and not yet given a final verdict, per recipient node id. */
  pending(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

/**
 * The end of delivery for a message this node sent: the recipient's final verdict (HTTP), or
 * `published` when the transport's own log took it durably and the recipient reads it from there
 * (Kafka: the receiver records its verdict in its own log).
 */
export interface Delivery {
  envelope: CrossBorderEnvelope;
  recipientNodeId: string;
  verdict: Exclude<InboxVerdict, { outcome: 'unavailable' }> | { outcome: 'published' };
  attempts: number;
}
