import type { QueryParams } from '@nrm/api-client';

export type CaseListQuery = QueryParams<'/api/cases', 'get'>;

export const PAGE_SIZE = 25;

/** Filters live in the URL, so a link to a filtered list can be shared (it holds no personal data). */
export function queryFromSearch(search: URLSearchParams): CaseListQuery {
  const query: Record<string, string | number | boolean> = {};
  for (const key of ['stage', 'kind', 'country', 'citizenship', 'agency', 'sort', 'order'] as const) {
    const value = search.get(key);
    if (value) query[key] = value;
  }
  // mine: only the cases the user acted on (their own caseload)
  for (const key of ['overdue', 'presumedMinor', 'mine'] as const) {
    const value = search.get(key);
    if (value === 'true' || value === 'false') query[key] = value === 'true';
  }
  const page = Number(search.get('page'));
  query.page = Number.isInteger(page) && page > 0 ? page : 1;
  query.pageSize = PAGE_SIZE;
  return query as CaseListQuery;
}

/** The search parameters for `query` with `changes` applied; any change but paging goes back to page 1. */
export function searchWith(
  search: URLSearchParams,
  changes: Record<string, string | undefined>,
): URLSearchParams {
  const next = new URLSearchParams(search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, value);
  }
  if (!('page' in changes)) next.delete('page');
  return next;
}
