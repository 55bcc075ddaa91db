import type Database from 'better-sqlite3';
import type { StoredEvent } from '@nrm/event-store/port';
import { caseIdOfStream } from '@nrm/contracts';
import type { SqliteBatchApplier } from './sqlite-projection';

/** Per case, every event's non-personal envelope and data; the personal ciphertext is not copied. */
export class CaseHistoryApplier implements SqliteBatchApplier {
  private readonly insert;

  constructor(db: Database.Database) {
    this.insert = db.prepare<[number, string, number, string, string, string, string, string]>(
      `INSERT OR IGNORE INTO case_history (position, case_id, revision, event_id, type, occurred_at, actor, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  apply(events: readonly StoredEvent[]): void {
    for (const event of events) {
      const caseId = caseIdOfStream(event.streamId);
      if (caseId === undefined) continue;
      this.insert.run(
        event.position,
        caseId,
        event.revision,
        event.id,
        event.type,
        event.occurredAt,
        JSON.stringify(event.actor),
        JSON.stringify(event.data),
      );
    }
  }
}
