import type { Schema } from '@nrm/api-client';
import { nrm } from '../api/nrm';
import { data } from '../api/problems';
import { EXPORT_PAGE_SIZE, type AccessLogQuery } from './access-log-filters';
import { toCsv } from '@nrm/common/csv';

type Entry = Schema<'AccessLogEntry'>;

/** Column names are the API's field names: the file is for tools as much as for people. */
const COLUMNS = ['at', 'userId', 'role', 'agency', 'caseId', 'purpose', 'channel'] as const;

/** Every entry the filters match, gathered page by page from the API (oldest first, as it answers). */
async function everyEntry(filters: Omit<AccessLogQuery, 'page' | 'pageSize'>): Promise<Entry[]> {
  const entries: Entry[] = [];
  for (let page = 1; ; page += 1) {
    const answer = await data(
      nrm.GET('/api/audit/access-log', {
        params: { query: { ...filters, page, pageSize: EXPORT_PAGE_SIZE } },
      }),
    );
    entries.push(...answer.items);
    if (answer.items.length < EXPORT_PAGE_SIZE || entries.length >= answer.total) return entries;
  }
}

/** The filtered access log as CSV text (RFC 4180, formula-safe). */
export async function accessLogCsv(filters: Omit<AccessLogQuery, 'page' | 'pageSize'>): Promise<string> {
  const entries = await everyEntry(filters);
  return toCsv([COLUMNS, ...entries.map((entry) => COLUMNS.map((column) => entry[column]))]);
}
