import type Database from 'better-sqlite3';
import type { StoredEvent } from '@nrm/event-store/port';
import { accessLogRecordOf } from '../access-log/access-log-event';
import type { SqliteBatchApplier } from './sqlite-projection';

/** One row per read of personal data, indexed by case and by user; other events are ignored. */
export class AccessLogApplier implements SqliteBatchApplier {
  private readonly insert;

  constructor(db: Database.Database) {
    // Keyed by position and unique by event id: an event applied again is ignored, never a second row.
    this.insert = db.prepare<[number, string, string, string, string, string | null, string, string, string]>(
      `INSERT OR IGNORE INTO access_log (position, event_id, case_id, user_id, role, agency, purpose, channel, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  apply(events: readonly StoredEvent[]): void {
    for (const event of events) {
      const record = accessLogRecordOf(event);
      if (!record) continue;
      const { entry } = record;
      this.insert.run(
        record.position,
        record.eventId,
        entry.caseId,
        entry.userId,
        entry.role,
        entry.agency ?? null,
        entry.purpose,
        entry.channel,
        entry.at,
      );
    }
  }
}
