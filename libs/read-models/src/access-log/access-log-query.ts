import type { AccessLogQuery } from '../port/access-log-entry';

/** Checks the limit the same way for every adapter. */
export function checkAccessLogQuery(query: AccessLogQuery): void {
  const { limit } = query;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
    throw new RangeError('limit must be a positive integer');
  }
}
