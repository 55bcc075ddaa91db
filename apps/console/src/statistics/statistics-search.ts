import { ENUM_VALUES, type QueryParams } from '@nrm/api-client';

export type StatisticsQuery = QueryParams<'/api/statistics', 'get'>;
type Period = NonNullable<StatisticsQuery['period']>;

const PERIODS: readonly string[] = ENUM_VALUES['GET /api/statistics period'];
const YEAR = /^\d{4}$/;

/**
 * The view lives in the URL (period and years: nothing about a person), so it survives a reload and
 * can be shared. Only what the API accepts is read; a `to` before `from` is dropped rather than sent
 * to be refused.
 */
export function queryFromSearch(search: URLSearchParams): StatisticsQuery {
  const query: StatisticsQuery = {};
  const period = search.get('period');
  if (period && PERIODS.includes(period)) query.period = period as Period;
  const from = search.get('from');
  const to = search.get('to');
  if (from && YEAR.test(from)) query.from = Number(from);
  if (to && YEAR.test(to) && (query.from === undefined || Number(to) >= query.from)) query.to = Number(to);
  return query;
}

/** One cache entry per question: the default question (every published year) also lists the years. */
export const statisticsKey = (query: StatisticsQuery) => ['statistics', query] as const;
