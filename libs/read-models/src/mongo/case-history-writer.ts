import type { Model } from 'mongoose';
import type { StoredEvent } from '@nrm/event-store/port';
import { caseIdOfStream } from '@nrm/contracts';
import type { CaseHistoryEntry } from '../port/case-views';
import { insertOnce } from './idempotent-writes';
import { jsonForm } from './json-form';
import type { MongoBatchApplier } from './mongo-projection';
import type { HistoryDocument } from './mongo-read-model-schemas';

/** Per case, every event's non-personal envelope and data; the personal ciphertext is not copied. */
export class CaseHistoryWriter implements MongoBatchApplier {
  constructor(private readonly model: Model<HistoryDocument>) {}

  async apply(events: readonly StoredEvent[]): Promise<void> {
    const docs: HistoryDocument[] = [];
    for (const event of events) {
      const caseId = caseIdOfStream(event.streamId);
      if (caseId === undefined) continue;
      // Insert only: an event inserted before a crash collides on its id, i.e. is already applied.
      docs.push({
        _id: event.id,
        caseId,
        position: event.position,
        revision: event.revision,
        type: event.type,
        occurredAt: event.occurredAt,
        actor: jsonForm(event.actor),
        data: jsonForm(event.data),
      });
    }
    await insertOnce(this.model, docs);
  }
}

export function toHistoryEntry(doc: HistoryDocument): CaseHistoryEntry {
  return {
    position: doc.position,
    revision: doc.revision,
    eventId: doc._id,
    type: doc.type,
    occurredAt: doc.occurredAt,
    actor: doc.actor,
    data: doc.data,
  };
}
