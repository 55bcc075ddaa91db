import type Database from 'better-sqlite3';
import type { StoredEvent } from '@nrm/event-store/port';
import { toMillis } from '../case-view/case-deadlines';
import { caseIdOfStream } from '@nrm/contracts';
import { evolveCaseDetail } from '../case-view/evolve-case-detail';
import type { CaseDetail } from '../port/case-views';
import type { SqliteBatchApplier } from './sqlite-projection';

interface StoredCase {
  detail: string;
  lastPosition: number;
}

/**
 * Case list and case detail: one row per case, its open deadlines indexed for the overdue filter and
 * its involved agencies for the agency filter.
 */
export class CaseDetailApplier implements SqliteBatchApplier {
  private readonly select;
  private readonly upsert;
  private readonly clearDeadlines;
  private readonly insertDeadline;
  private readonly insertAgency;

  constructor(db: Database.Database) {
    this.select = db.prepare<[string], StoredCase>(
      'SELECT detail, last_position AS lastPosition FROM case_detail WHERE case_id = ?',
    );
    this.upsert = db.prepare<[string, string, string | null, string | null, number | null, string, number]>(
      `INSERT INTO case_detail
         (case_id, stage, country_of_exploitation, citizenship, registered_at_ms, detail, last_position)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (case_id) DO UPDATE SET stage = excluded.stage,
         country_of_exploitation = excluded.country_of_exploitation, citizenship = excluded.citizenship,
         registered_at_ms = excluded.registered_at_ms, detail = excluded.detail,
         last_position = excluded.last_position
       WHERE excluded.last_position > case_detail.last_position`,
    );
    this.clearDeadlines = db.prepare<[string]>('DELETE FROM case_deadlines WHERE case_id = ?');
    this.insertDeadline = db.prepare<[string, string, string, number]>(
      'INSERT OR REPLACE INTO case_deadlines (case_id, kind, ref, due_at_ms) VALUES (?, ?, ?, ?)',
    );
    // Agencies only ever join a case, so inserting the current set is enough.
    this.insertAgency = db.prepare<[string, string]>(
      'INSERT OR IGNORE INTO case_agencies (case_id, agency) VALUES (?, ?)',
    );
  }

  apply(events: readonly StoredEvent[]): void {
    // A batch often holds several events of one case: read and write each case once.
    const touched = new Map<string, { detail?: CaseDetail; lastPosition: number; changed?: boolean }>();
    for (const event of events) {
      const caseId = caseIdOfStream(event.streamId);
      if (caseId === undefined) continue;
      const current = touched.get(caseId) ?? this.load(caseId);
      // Same guard as the MongoDB adapter: an event the row already reflects is not folded again.
      if (event.position > current.lastPosition) {
        current.detail = evolveCaseDetail(current.detail, caseId, event);
        current.lastPosition = event.position;
        current.changed = true;
      }
      touched.set(caseId, current);
    }
    for (const { detail, lastPosition, changed } of touched.values()) {
      if (detail && changed) this.save(detail, lastPosition);
    }
  }

  private load(caseId: string): { detail?: CaseDetail; lastPosition: number; changed?: boolean } {
    const row = this.select.get(caseId);
    return row
      ? { detail: JSON.parse(row.detail) as CaseDetail, lastPosition: row.lastPosition }
      : { lastPosition: 0 };
  }

  private save(detail: CaseDetail, lastPosition: number): void {
    const registeredAt = detail.registration?.registeredAt;
    this.upsert.run(
      detail.caseId,
      detail.stage,
      detail.registration?.countryOfExploitation ?? null,
      detail.registration?.citizenship ?? null,
      registeredAt ? toMillis(registeredAt) : null,
      JSON.stringify(detail),
      lastPosition,
    );
    this.clearDeadlines.run(detail.caseId);
    for (const deadline of detail.deadlines) {
      this.insertDeadline.run(detail.caseId, deadline.kind, deadline.ref ?? '', toMillis(deadline.dueAt));
    }
    for (const agency of detail.agencies) this.insertAgency.run(detail.caseId, agency);
  }
}
