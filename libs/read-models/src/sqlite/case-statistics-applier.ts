import type Database from 'better-sqlite3';
import type { StoredEvent } from '@nrm/event-store/port';
import { caseIdOfStream } from '@nrm/contracts';
import {
  emptyCaseStatistics,
  evolveCaseStatistics,
  type CaseStatistics,
} from '../statistics/case-statistics';
import type { SqliteBatchApplier } from './sqlite-projection';

interface Touched {
  state: CaseStatistics;
  lastPosition: number;
  changed: boolean;
}

/** The statistics: per case its non-personal facts, and one row per fact for the store to count. */
export class CaseStatisticsApplier implements SqliteBatchApplier {
  private readonly select;
  private readonly upsert;
  private readonly clearFacts;
  private readonly insertFact;

  constructor(db: Database.Database) {
    this.select = db.prepare<[string], { state: string; lastPosition: number }>(
      'SELECT state, last_position AS lastPosition FROM case_statistics WHERE case_id = ?',
    );
    this.upsert = db.prepare<[string, string, number]>(
      `INSERT INTO case_statistics (case_id, state, last_position) VALUES (?, ?, ?)
       ON CONFLICT (case_id) DO UPDATE SET state = excluded.state, last_position = excluded.last_position
       WHERE excluded.last_position > case_statistics.last_position`,
    );
    this.clearFacts = db.prepare<[string]>('DELETE FROM statistics_facts WHERE case_id = ?');
    this.insertFact = db.prepare<[string, string, string, number, number]>(
      'INSERT INTO statistics_facts (case_id, tbl, category, year, quarter) VALUES (?, ?, ?, ?, ?)',
    );
  }

  apply(events: readonly StoredEvent[]): void {
    const touched = new Map<string, Touched>();
    for (const event of events) {
      const caseId = caseIdOfStream(event.streamId);
      if (caseId === undefined) continue;
      const current = touched.get(caseId) ?? this.load(caseId);
      if (event.position > current.lastPosition) {
        const state = evolveCaseStatistics(current.state, event);
        current.changed ||= state !== current.state;
        current.state = state;
        current.lastPosition = event.position;
      }
      touched.set(caseId, current);
    }
    for (const [caseId, { state, lastPosition, changed }] of touched) {
      if (!changed) continue;
      this.upsert.run(caseId, JSON.stringify(state), lastPosition);
      this.clearFacts.run(caseId);
      for (const f of state.facts) this.insertFact.run(caseId, f.table, f.category, f.year, f.quarter);
    }
  }

  private load(caseId: string): Touched {
    const row = this.select.get(caseId);
    return row
      ? { state: JSON.parse(row.state) as CaseStatistics, lastPosition: row.lastPosition, changed: false }
      : { state: emptyCaseStatistics(), lastPosition: 0, changed: false };
  }
}
