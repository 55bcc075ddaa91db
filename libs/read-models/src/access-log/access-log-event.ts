import type { StoredEvent } from '@nrm/event-store/port';
import type { AccessLogEntry } from '../port/access-log-entry';

import { ACCESS_STREAM_PREFIX, PERSONAL_DATA_ACCESSED } from '@nrm/contracts';

/** An access log entry with where it sits in the log (its order) and its event id (its identity). */
export interface AccessLogRecord {
  position: number;
  eventId: string;
  entry: AccessLogEntry;
}

/**
 * The entry an event makes in the access log, or undefined for any other event. Only the actor's ids,
 * the case id and the codes are copied: nothing of the person is ever in the access log.
 */
export function accessLogRecordOf(event: StoredEvent): AccessLogRecord | undefined {
  if (event.type !== PERSONAL_DATA_ACCESSED || !event.streamId.startsWith(ACCESS_STREAM_PREFIX)) {
    return undefined;
  }
  const { actor, data } = event;
  return {
    position: event.position,
    eventId: event.id,
    entry: {
      position: event.position,
      at: event.occurredAt,
      userId: actor.userId,
      role: actor.role,
      // Absent stays absent (never null), as in every view both adapters answer with.
      ...(typeof actor.agency === 'string' ? { agency: actor.agency } : {}),
      // The stream names the case: that is what "the accesses to this case" always meant.
      caseId: event.streamId.slice(ACCESS_STREAM_PREFIX.length),
      purpose: String(data.purpose),
      channel: String(data.channel),
    },
  };
}
