import { InvalidRequestError } from '@nrm/common';
import {
  statisticsReport,
  type ReadModelStore,
  type StatisticsPeriod,
  type StatisticsReport,
} from '@nrm/read-models';

export interface PublishedStatisticsQuery {
  period?: StatisticsPeriod;
  from?: number;
  to?: number;
}

/**
 * The one path to the statistics, for the API and the CLI alike: the store's counts, protected by
 * `statisticsReport` (closed years, k = 11, complementary suppression). Nothing personal is read, so
 * nothing is recorded in the access log.
 */
export async function publishedStatistics(
  readModels: Pick<ReadModelStore, 'statisticsCounts'>,
  query: PublishedStatisticsQuery,
  now: Date,
): Promise<StatisticsReport> {
  if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
    throw new InvalidRequestError('from must not be after to');
  }
  const counts = await readModels.statisticsCounts();
  return statisticsReport(counts, { ...query, period: query.period ?? 'year', now: now.toISOString() });
}
