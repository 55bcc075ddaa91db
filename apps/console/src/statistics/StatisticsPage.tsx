import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
// The CLI's own CSV function (pure, no imports): the download has exactly the CLI export's lines.
import { statisticsCsv } from '../../../../libs/application/src/statistics/statistics-csv';
import { nrm } from '../api/nrm';
import { data } from '../api/problems';
import { saveFile } from '../audit/save-file';
import { searchWith } from '../cases/list/case-list-filters';
import { ProblemAlert } from '../errors/ProblemAlert';
import { Loading } from '../layout/Loading';
import { periodParts } from './category-names';
import { DisclosureLegend } from './DisclosureLegend';
import { StatisticsControls, type StatisticsView } from './StatisticsControls';
import { queryFromSearch, statisticsKey, type StatisticsQuery } from './statistics-search';
import { StatisticsTableCard } from './StatisticsTableCard';
import { PeopleAtRiskStatistics } from '../cases/at-risk/PeopleAtRiskStatistics';

const fetchStatistics = (query: StatisticsQuery) => data(nrm.GET('/api/statistics', { params: { query } }));

/** Published counts for closed years, as charts and tables, under disclosure control (docs/statistics.md). */
export function StatisticsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const query = queryFromSearch(search);
  const report = useQuery({
    queryKey: statisticsKey(query),
    queryFn: () => fetchStatistics(query),
    placeholderData: keepPreviousData,
  });
  // The default question answers every published year: the years the range may name.
  const years = useQuery({
    queryKey: statisticsKey({}),
    queryFn: () => fetchStatistics({}),
    select: (answer) => answer.periods,
  });
  const published = years.data ?? [];
  const view: StatisticsView = {
    period: query.period ?? 'year',
    from: query.from !== undefined ? String(query.from) : (published[0] ?? null),
    to: query.to !== undefined ? String(query.to) : (published.at(-1) ?? null),
  };
  const change = (next: Partial<StatisticsView>) => {
    const merged = { ...view, ...next };
    setSearch(
      searchWith(search, {
        period: merged.period === 'year' ? undefined : merged.period,
        from: merged.from ?? undefined,
        to: merged.to ?? undefined,
      }),
    );
  };
  const download = () => {
    if (!report.data) return;
    const { periods, period } = report.data;
    const first = periodParts(periods[0] ?? '').year;
    const last = periodParts(periods.at(-1) ?? '').year;
    saveFile(
      statisticsCsv(report.data),
      'text/csv;charset=utf-8',
      `statistics-${period}-${first}-${last}.csv`,
    );
  };

  return (
    <Stack>
      <Title order={2}>{t('statistics.title')}</Title>
      <Text size="sm">{t('statistics.intro')}</Text>
      <Group justify="space-between" align="flex-end">
        <StatisticsControls view={view} years={published} onChange={change} />
        <Button variant="default" disabled={!report.data?.periods.length} onClick={download}>
          {t('statistics.downloadCsv')}
        </Button>
      </Group>
      {report.isError && <ProblemAlert error={report.error} />}
      {report.isPending && <Loading />}
      {report.data && (
        <>
          <DisclosureLegend threshold={report.data.method.threshold} />
          {report.data.periods.length === 0 ? (
            <Text>{t('statistics.none')}</Text>
          ) : (
            <>
              {report.data.tables.map((table) => (
                <StatisticsTableCard key={table.name} table={table} periods={report.data.periods} />
              ))}
              <PeopleAtRiskStatistics tables={report.data.peopleAtRisk} periods={report.data.periods} />
            </>
          )}
        </>
      )}
    </Stack>
  );
}

export default StatisticsPage;
