import type { StoredEvent } from '@nrm/event-store/port';
import type { StatisticsCount } from '../statistics/statistics-tables';
import type { AccessLogEntry, AccessLogFilterQuery, AccessLogQuery } from './access-log-entry';
import type {
  CaseDetail,
  CaseHistoryEntry,
  CaseListPage,
  CaseListQuery,
  CaseloadQuery,
  CaseloadSummary,
} from './case-views';
import type { ReadModelRow } from './read-model-row';

/**
 * One read model kept up to date from the log. `handle` applies the events above the checkpoint
 * and moves the checkpoint to the last one IN THE SAME TRANSACTION: a crash never applies an event
 * twice nor skips one, and replaying events at or below the checkpoint changes nothing.
 * Events are upcast by the projection itself, so callers hand over stored events as they are.
 */
export interface Projection {
  readonly name: string;
  /** Position of the last event applied, 0 when none. */
  checkpoint(): Promise<number>;
  handle(events: readonly StoredEvent[]): Promise<void>;
}

/**
 * The read side: queries for the HTTP layer, projections for the runner. Every adapter
 * (embedded SQLite, MongoDB) can drop everything and be rebuilt from the log.
 */
export interface ReadModelStore {
  /** Filtered, ordered and paged by the store; RangeError for paging or `now` out of range. */
  listCases(query: CaseListQuery): Promise<CaseListPage>;
  /** Counted by the store, never by loading every case; RangeError for a window or `now` out of range. */
  caseloadSummary(query: CaseloadQuery): Promise<CaseloadSummary>;
  getCase(caseId: string): Promise<CaseDetail | undefined>;
  /** Oldest first; [] for an unknown case. */
  getHistory(caseId: string): Promise<CaseHistoryEntry[]>;
  /**
   * The reads of personal data recorded as `PersonalDataAccessed` in the streams `access-<caseId>`,
   * oldest (lowest log position) first; RangeError for a `limit` that is not a positive integer, a
   * `from`/`to` that is not a canonical ISO instant, a bad `page`, or `page` with `limit`.
   */
  accessLog(query: AccessLogQuery): Promise<AccessLogEntry[]>;
  /** How many reads match (for paging), counted by the store; RangeError as `accessLog`. */
  countAccessLog(query: AccessLogFilterQuery): Promise<number>;
  /**
   * The statistics projection's facts (codes and quarters only, never a case id), counted by the
   * store per table, category and quarter; ordered by table, category, year and quarter.
   */
  statisticsCounts(): Promise<StatisticsCount[]>;
  /**
   * Every row of every read model in the adapters' shared canonical form, ordered by
   * `compareRowOrder`, read a page at a time (for audits: compared with a store rebuilt from the log).
   */
  rows(): AsyncIterable<ReadModelRow>;
  projections(): readonly Projection[];
  /** Drops and recreates every read model and resets every checkpoint to 0. */
  reset(): Promise<void>;
  /**
   * A rebuild is about to replay the whole log: the store may write in bulk until the returned
   * function is awaited (still crash-safe: each page commits with its checkpoint). Optional.
   */
  beginBulkLoad?(): () => Promise<void>;
  close(): Promise<void>;
}

export const READ_MODEL_STORE = Symbol('READ_MODEL_STORE');
