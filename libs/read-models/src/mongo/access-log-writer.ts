import type { Model } from 'mongoose';
import type { StoredEvent } from '@nrm/event-store/port';
import { accessLogRecordOf } from '../access-log/access-log-event';
import type { AccessLogEntry } from '../port/access-log-entry';
import { insertOnce } from './idempotent-writes';
import { jsonForm } from './json-form';
import type { MongoBatchApplier } from './mongo-projection';
import type { AccessLogDocument } from './mongo-read-model-schemas';

/** One document per read of personal data, indexed by case and by user; other events are ignored. */
export class AccessLogWriter implements MongoBatchApplier {
  constructor(private readonly model: Model<AccessLogDocument>) {}

  async apply(events: readonly StoredEvent[]): Promise<void> {
    const docs: AccessLogDocument[] = [];
    for (const event of events) {
      const record = accessLogRecordOf(event);
      if (!record) continue;
      // Insert only: an entry inserted before a crash collides on its event id (and its unique
      // position), i.e. is already applied.
      docs.push(jsonForm({ _id: record.eventId, ...record.entry }));
    }
    await insertOnce(this.model, docs);
  }
}

export function toAccessLogEntry(doc: AccessLogDocument): AccessLogEntry {
  return {
    position: doc.position,
    at: doc.at,
    userId: doc.userId,
    role: doc.role,
    ...(typeof doc.agency === 'string' ? { agency: doc.agency } : {}),
    caseId: doc.caseId,
    purpose: doc.purpose,
    channel: doc.channel,
  };
}
