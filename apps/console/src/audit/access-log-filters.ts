import type { QueryParams } from '@nrm/api-client';

export type AccessLogQuery = QueryParams<'/api/audit/access-log', 'get'>;

export const ACCESS_LOG_PAGE_SIZE = 50;
/** The largest page the API gives: the CSV export gathers the filtered entries in as few requests. */
export const EXPORT_PAGE_SIZE = 500;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A day the auditor picked, as the instant it starts in the browser's time zone: "from 5 May to 6 May"
 * means the auditor's days, not UTC's.
 */
function startOfDay(day: string, plusDays = 0): string | undefined {
  if (!DAY.test(day)) return undefined;
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const start = new Date(year, month - 1, date + plusDays);
  return Number.isNaN(start.getTime()) ? undefined : start.toISOString();
}

/**
 * The filters live in the URL (case and user ids, days: nothing about a person), so a filtered access
 * log survives a reload and can be shared. `to` is inclusive for the auditor: it asks the API for
 * reads before the start of the next day.
 */
export function filtersFromSearch(search: URLSearchParams): Omit<AccessLogQuery, 'page' | 'pageSize'> {
  const query: Omit<AccessLogQuery, 'page' | 'pageSize'> = {};
  const caseId = search.get('caseId')?.trim();
  const userId = search.get('userId')?.trim();
  if (caseId) query.caseId = caseId;
  if (userId) query.userId = userId;
  const from = startOfDay(search.get('from') ?? '');
  const to = startOfDay(search.get('to') ?? '', 1);
  if (from) query.from = from;
  if (to) query.to = to;
  return query;
}

export function pageFromSearch(search: URLSearchParams): number {
  const page = Number(search.get('page'));
  return Number.isInteger(page) && page > 0 ? page : 1;
}
