/**
 * One read of a person's data, as an auditor sees it: who (by id, role and agency), which case, why,
 * through which channel and when. Ids and codes only: the access log holds nothing about the person.
 */
export interface AccessLogEntry {
  /**
   * The log position of the read's `PersonalDataAccessed` event: GET /api/audit/events/{position}/proof
   * proves the read was logged, and when, against a signed checkpoint.
   */
  position: number;
  at: string;
  userId: string;
  role: string;
  agency?: string;
  caseId: string;
  purpose: string;
  channel: string;
}

/** Both filters together narrow to one user's reads of one case; neither means every read. */
export interface AccessLogQuery {
  caseId?: string;
  userId?: string;
  /** Only the newest `limit` matches (still answered oldest first); every match when absent. */
  limit?: number;
  /**
   * Only reads at or after this instant, and before `to` (exclusive). Canonical ISO 8601 in UTC with
   * milliseconds, as the log writes `at` (`Date#toISOString`): the stores compare them as text.
   */
  from?: string;
  to?: string;
  /** A window of the matches, oldest first (not with `limit`): skips `offset`, answers up to `size`. */
  page?: { offset: number; size: number };
}

/** What narrows the access log, without windowing: what `countAccessLog` counts. */
export type AccessLogFilterQuery = Omit<AccessLogQuery, 'limit' | 'page'>;
