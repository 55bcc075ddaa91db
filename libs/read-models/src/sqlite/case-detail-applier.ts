import type Database from 'better-sqlite3';
import type { StoredEvent } from '@nrm/event-store/port';
import { toMillis } from '../case-view/case-deadlines';
import { caseIdOfStream } from '@nrm/contracts';
import { DEFAULT_DEADLINE_POLICY, type DeadlinePolicy } from '../case-view/deadline-policy';
import { foldCaseDetail } from '../case-view/evolve-case-detail';
import { stageRank } from '../case-view/list-query';
import type { CaseDetail } from '../port/case-views';
import type { SqliteBatchApplier } from './sqlite-projection';
import { knownCitizenship, registeredAtOf } from '../case-view/case-list-item';

interface CaseRow {
  caseId: string;
  stage: string;
  country: string | null;
  citizenship: string | null;
  registeredAtMs: number | null;
  updatedAtMs: number;
  reflectionEndsAtMs: number | null;
  stageRank: number;
  presumedMinor: 0 | 1;
  detail: string;
  lastPosition: number;
}

interface StoredCase {
  detail: string;
  lastPosition: number;
}

/**
 * Case list and case detail: one row per case, its open deadlines indexed for the overdue filter and
 * its involved agencies for the agency filter, the users who acted on it for "my cases".
 */
export class CaseDetailApplier implements SqliteBatchApplier {
  private readonly select;
  private readonly upsert;
  private readonly clearDeadlines;
  private readonly insertDeadline;
  private readonly clearAgencies;
  private readonly insertAgency;
  private readonly insertActor;

  constructor(
    db: Database.Database,
    private readonly policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY,
  ) {
    this.select = db.prepare<[string], StoredCase>(
      'SELECT detail, last_position AS lastPosition FROM case_detail WHERE case_id = ?',
    );
    this.upsert = db.prepare<CaseRow>(
      `INSERT INTO case_detail
         (case_id, stage, country_of_exploitation, citizenship, registered_at_ms, updated_at_ms,
          reflection_ends_at_ms, stage_rank, presumed_minor, detail, last_position)
       VALUES (@caseId, @stage, @country, @citizenship, @registeredAtMs, @updatedAtMs,
          @reflectionEndsAtMs, @stageRank, @presumedMinor, @detail, @lastPosition)
       ON CONFLICT (case_id) DO UPDATE SET stage = excluded.stage,
         country_of_exploitation = excluded.country_of_exploitation, citizenship = excluded.citizenship,
         registered_at_ms = excluded.registered_at_ms, updated_at_ms = excluded.updated_at_ms,
         reflection_ends_at_ms = excluded.reflection_ends_at_ms, stage_rank = excluded.stage_rank,
         presumed_minor = excluded.presumed_minor, detail = excluded.detail,
         last_position = excluded.last_position
       WHERE excluded.last_position > case_detail.last_position`,
    );
    this.clearDeadlines = db.prepare<[string]>('DELETE FROM case_deadlines WHERE case_id = ?');
    this.insertDeadline = db.prepare<[string, string, string, number, string]>(
      'INSERT OR REPLACE INTO case_deadlines (case_id, kind, ref, due_at_ms, due_at) VALUES (?, ?, ?, ?, ?)',
    );
    // Agencies leave a case when the consent they came in under is withdrawn: the set is replaced.
    this.clearAgencies = db.prepare<[string]>('DELETE FROM case_agencies WHERE case_id = ?');
    this.insertAgency = db.prepare<[string, string]>(
      'INSERT OR IGNORE INTO case_agencies (case_id, agency) VALUES (?, ?)',
    );
    // Likewise actors: a user who acted on a case always has.
    this.insertActor = db.prepare<[string, string]>(
      'INSERT OR IGNORE INTO case_actors (case_id, user_id) VALUES (?, ?)',
    );
  }

  apply(events: readonly StoredEvent[]): void {
    // A batch often holds several events of one case: read, fold and write each case once.
    const touched = new Map<string, { detail?: CaseDetail; lastPosition: number; fresh: StoredEvent[] }>();
    for (const event of events) {
      const caseId = caseIdOfStream(event.streamId);
      if (caseId === undefined) continue;
      const current = touched.get(caseId) ?? { ...this.load(caseId), fresh: [] };
      // Same guard as the MongoDB adapter: an event the row already reflects is not folded again.
      if (event.position > current.lastPosition) {
        current.fresh.push(event);
        current.lastPosition = event.position;
      }
      touched.set(caseId, current);
    }
    for (const [caseId, { detail, lastPosition, fresh }] of touched) {
      if (fresh.length) this.save(foldCaseDetail(detail, caseId, fresh, this.policy), lastPosition);
    }
  }

  private load(caseId: string): { detail?: CaseDetail; lastPosition: number } {
    const row = this.select.get(caseId);
    return row
      ? { detail: JSON.parse(row.detail) as CaseDetail, lastPosition: row.lastPosition }
      : { lastPosition: 0 };
  }

  private save(detail: CaseDetail, lastPosition: number): void {
    const registeredAt = registeredAtOf(detail);
    const reflectionEndsAt = detail.reflectionPeriod?.endsAt;
    this.upsert.run({
      caseId: detail.caseId,
      stage: detail.stage,
      country: detail.registration?.countryOfExploitation ?? null,
      citizenship: knownCitizenship(detail) ?? null,
      registeredAtMs: registeredAt ? toMillis(registeredAt) : null,
      updatedAtMs: toMillis(detail.updatedAt),
      reflectionEndsAtMs: reflectionEndsAt ? toMillis(reflectionEndsAt) : null,
      stageRank: stageRank(detail.stage),
      presumedMinor: detail.presumedMinor ? 1 : 0,
      detail: JSON.stringify(detail),
      lastPosition,
    });
    this.clearDeadlines.run(detail.caseId);
    for (const deadline of detail.deadlines) {
      const { kind, ref, dueAt } = deadline;
      this.insertDeadline.run(detail.caseId, kind, ref ?? '', toMillis(dueAt), dueAt);
    }
    this.clearAgencies.run(detail.caseId);
    for (const agency of detail.agencies) this.insertAgency.run(detail.caseId, agency);
    for (const userId of detail.actors) this.insertActor.run(detail.caseId, userId);
  }
}
