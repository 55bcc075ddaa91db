/**
 * One read of a person's data, as an auditor sees it: who (by id, role and agency), which case, why,
 * through which channel and when. Ids and codes only: the access log holds nothing about the person.
 */
export interface AccessLogEntry {
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
}
