import { Inject, Injectable } from '@nestjs/common';
import { canonicalJson } from '@nrm/common';
import { trmStreamOf } from '@nrm/contracts';
import { DuplicateEventIdError, EVENT_STORE, EventStore, StoredEvent } from '@nrm/event-store/port';
import type { CrossBorderEnvelope, TrmMessageKind } from '@nrm/transnational';
import { TRM_TYPE_PREFIX } from '@nrm/transnational';
import { createHash, randomUUID } from 'node:crypto';
import { NODE_CONFIG, NodeConfig } from '@nrm/config/node-config';
import { EventWriter } from '@nrm/application/log/event-writer';
import type { CrossBorderLink } from './bridge-state';

export const JOURNAL_TYPES = {
  linked: 'CrossBorderLinkOpened',
  sent: 'CrossBorderMessageSent',
  received: 'CrossBorderMessageReceived',
  refused: 'CrossBorderMessageRefused',
  withheld: 'CrossBorderMessageWithheld',
} as const;

/** The kinds of record the partner journal holds. */
export type JournalRecordType = (typeof JOURNAL_TYPES)[keyof typeof JOURNAL_TYPES];

/**
 * One record of the partner journal as auditors read it (GET /api/audit/partner-journal): a link
 * opened with the partner (the shared reference and this node's side), or a message's journal entry.
 */
export type JournalRecord = JournalLinkRecord | JournalMessageRecord;

/** A link opened with the partner: the reference both nodes use for the case, and this node's side. */
export type JournalLinkRecord = {
  type: typeof JOURNAL_TYPES.linked;
  /** When this node recorded it. */
  recordedAt: string;
} & Pick<CrossBorderLink, 'sharedCaseRef' | 'side'>;

/** A message sent, received, refused or withheld. */
export type JournalMessageRecord = {
  type: Exclude<JournalRecordType, typeof JOURNAL_TYPES.linked>;
  /** When this node recorded it. */
  recordedAt: string;
} & JournalEntry;

/**
 * A journal record's kind: a handover message's kind, 'any' for a withheld step of unknown kind, or a
 * later kind (e.g. `alert.urgent`, urgent alerts): clients must expect kinds they do not know.
 */
export type JournalKind = string;

/** One line of the handover history, as both nodes can compare it. No personal data: ids, kinds, hashes. */
export interface JournalEntry {
  messageId?: string;
  /** The message's kind; 'any' where a step was withheld before its kind was known. */
  kind?: JournalKind;
  sharedCaseRef?: string;
  partnerNodeId?: string;
  direction: 'outgoing' | 'incoming';
  /** When the sender built the message (the envelope's `time`). */
  sentAt?: string;
  /**
   * SHA-256 (hex) of the message's content (canonical envelope without what is stamped at each attempt:
   * time, checkpoint, proof, signature): equal on both sides for the same message, whichever attempt
   * delivered it.
   */
  digest?: string;
  outcome: string;
  detail?: string;
  /** The sender's checkpoint the message carried. */
  checkpoint?: { size: number; root: string };
  /** Who a message refused before its sender was authenticated claimed to come from. */
  claimedSender?: string;
  /** How many deliveries a sent message took. */
  attempts?: number;
  /** The type of the case event a withheld step came from. */
  causedBy?: string;
}

export function envelopeDigest(envelope: CrossBorderEnvelope): string {
  const { time: _t, nrmcheckpoint: _c, nrmconsistency: _p, nrmsignature: _s, ...content } = envelope;
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

export const kindOf = (envelope: Pick<CrossBorderEnvelope, 'type'>): TrmMessageKind =>
  envelope.type.slice(TRM_TYPE_PREFIX.length) as TrmMessageKind;

/** The journal entry an envelope makes, with its outcome. */
export function entryFor(
  envelope: CrossBorderEnvelope,
  direction: 'outgoing' | 'incoming',
  outcome: string,
  detail?: string,
): JournalEntry {
  return {
    messageId: envelope.id,
    kind: kindOf(envelope),
    sharedCaseRef: envelope.subject,
    partnerNodeId: direction === 'outgoing' ? envelope.nrmrecipient : envelope.nrmsender,
    direction,
    sentAt: envelope.time,
    digest: envelopeDigest(envelope),
    outcome,
    ...(detail === undefined ? {} : { detail }),
    checkpoint: { size: envelope.nrmcheckpoint.size, root: envelope.nrmcheckpoint.root },
  };
}

/**
 * Deterministic event ids from a message id: a retried message, or a bridge restarted halfway, writes
 * the same ids again and the log refuses the copy (DuplicateEventIdError), so each record is kept once.
 */
export function derivedEventId(messageId: string, purpose: string): string {
  const hex = createHash('sha256').update(`${purpose}:${messageId}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Writes and reads the bridge's records in the node's own log (tamper-evident like every case event). */
@Injectable()
export class TrmJournal {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly writer: EventWriter,
    @Inject(NODE_CONFIG) private readonly config: Pick<NodeConfig, 'nodeId'>,
  ) {}

  /**
   * Appends once: a second record under the same id is dropped silently. The message id, where there
   * is one, is the record's correlation id: both nodes' records of one message share it.
   */
  async record(
    stream: string,
    type: JournalRecordType,
    /** A link opened (linked), or a message's entry (every other type). */
    data: JournalEntry | CrossBorderLink,
    eventId: string = randomUUID(),
  ): Promise<void> {
    const messageId = (data as { messageId?: unknown }).messageId;
    try {
      await this.writer.append(stream, [{ type, data }], 'any', {
        actor: { userId: `node:${this.config.nodeId}`, role: 'partner_bridge' },
        correlationId: typeof messageId === 'string' ? messageId : randomUUID(),
        eventId: () => eventId,
      });
    } catch (error) {
      if (error instanceof DuplicateEventIdError) return;
      throw error;
    }
  }

  /** The messages exchanged about these shared references, oldest first (by the sender's clock). */
  async history(
    partnerNodeId: string,
    sharedCaseRefs: readonly string[],
  ): Promise<(JournalEntry & { recordedAt: string })[]> {
    const refs = new Set(sharedCaseRefs);
    const events: StoredEvent[] = await this.store.readStream(trmStreamOf(partnerNodeId));
    return events
      .filter((e) => e.type !== JOURNAL_TYPES.linked && refs.has(String(e.data.sharedCaseRef)))
      .map((e) => ({ ...(e.data as unknown as JournalEntry), recordedAt: e.occurredAt }))
      .sort(
        (a, b) =>
          (a.sentAt ?? '').localeCompare(b.sentAt ?? '') ||
          (a.messageId ?? '').localeCompare(b.messageId ?? ''),
      );
  }
}
