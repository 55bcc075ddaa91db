import {
  ACCESS_STREAM_PREFIX,
  caseIdOfStream,
  PERSONAL_DATA_ACCESSED,
  PERSONAL_DATA_ERASED,
  TRM_STREAM_PREFIX,
} from '@nrm/contracts';
import type { StoredEvent } from '@nrm/event-store/port';
import type { AccessLogSummary, ErasureRecord, WitnessedCheckpoint } from './integrity-report-data';

/** Journal types whose records carry the checkpoint a message carried (trm-journal.ts). */
const SENT = 'CrossBorderMessageSent';
const RECEIVED = 'CrossBorderMessageReceived';

/** When a message last carried a checkpoint, per partner and direction, by `<size>:<root>`. */
type JournalTimes = Map<string, string>;

/**
 * What the report takes from the log's events, folded in one pass in log order: reads of personal data
 * (counted, never listed by person), erasures (ids, dates, legal basis, role) and the checkpoints
 * partner messages carried. Reads only `data` and the actor's role: never the sealed personal part.
 */
export class LogFacts {
  private accessTotal = 0;
  private accessFrom?: string;
  private accessTo?: string;
  private readonly byPurposeAndRole = new Map<string, { purpose: string; role: string; count: number }>();
  private readonly byChannel = new Map<string, number>();
  private readonly erasureList: ErasureRecord[] = [];
  private readonly journal = new Map<string, { received: JournalTimes; sent: JournalTimes }>();
  /** Position of the last event folded: a second pass resumes after it. */
  lastPosition = 0;

  add(event: StoredEvent): void {
    if (event.position <= this.lastPosition) return;
    this.lastPosition = event.position;
    if (event.type === PERSONAL_DATA_ACCESSED && event.streamId.startsWith(ACCESS_STREAM_PREFIX)) {
      this.addAccess(event);
    } else if (event.type === PERSONAL_DATA_ERASED) {
      const caseId = caseIdOfStream(event.streamId);
      if (caseId) {
        this.erasureList.push({
          caseId,
          at: event.recordedAt,
          legalBasis: String(event.data.legalBasis ?? ''),
          actorRole: event.actor.role,
          position: event.position,
        });
      }
    } else if (
      (event.type === SENT || event.type === RECEIVED) &&
      event.streamId.startsWith(TRM_STREAM_PREFIX)
    ) {
      this.addJournal(event);
    }
  }

  private addAccess(event: StoredEvent): void {
    const purpose = String(event.data.purpose ?? '');
    const channel = String(event.data.channel ?? '');
    const role = event.actor.role;
    this.accessTotal++;
    this.accessFrom ??= event.recordedAt;
    this.accessTo = event.recordedAt;
    const key = `${purpose}\u0000${role}`;
    const row = this.byPurposeAndRole.get(key) ?? { purpose, role, count: 0 };
    row.count++;
    this.byPurposeAndRole.set(key, row);
    this.byChannel.set(channel, (this.byChannel.get(channel) ?? 0) + 1);
  }

  private addJournal(event: StoredEvent): void {
    const checkpoint = event.data.checkpoint as { size?: unknown; root?: unknown } | undefined;
    if (typeof checkpoint?.size !== 'number' || typeof checkpoint.root !== 'string') return;
    const partner = event.streamId.slice(TRM_STREAM_PREFIX.length);
    const entry = this.journal.get(partner) ?? { received: new Map(), sent: new Map() };
    (event.type === RECEIVED ? entry.received : entry.sent).set(
      `${checkpoint.size}:${checkpoint.root}`,
      event.recordedAt,
    );
    this.journal.set(partner, entry);
  }

  accessLog(): AccessLogSummary {
    const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return {
      total: this.accessTotal,
      from: this.accessFrom,
      to: this.accessTo,
      byPurposeAndRole: [...this.byPurposeAndRole.values()].sort(
        (a, b) => byText(a.purpose, b.purpose) || byText(a.role, b.role),
      ),
      byChannel: [...this.byChannel.entries()]
        .map(([channel, count]) => ({ channel, count }))
        .sort((a, b) => byText(a.channel, b.channel)),
    };
  }

  erasures(): ErasureRecord[] {
    return [...this.erasureList];
  }

  /**
   * When this node last recorded a message to or from the partner carrying that checkpoint (a message
   * received carries the partner's, one sent carries ours); undefined when none did.
   */
  checkpointSeenAt(
    partnerNodeId: string,
    direction: 'received' | 'sent',
    checkpoint: Pick<WitnessedCheckpoint, 'size' | 'root'>,
  ): string | undefined {
    return this.journal.get(partnerNodeId)?.[direction].get(`${checkpoint.size}:${checkpoint.root}`);
  }
}
