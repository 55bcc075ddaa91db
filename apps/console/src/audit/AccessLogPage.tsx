import { Button, Group, Pagination, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { nrm } from '../api/nrm';
import { data } from '../api/problems';
import { searchWith } from '../cases/list/case-list-filters';
import { ProblemAlert } from '../errors/ProblemAlert';
import { Loading } from '../layout/Loading';
import { accessLogCsv } from './access-log-csv';
import { ACCESS_LOG_PAGE_SIZE, filtersFromSearch, pageFromSearch } from './access-log-filters';
import { AccessLogFilterForm, type AccessLogFilterValues } from './AccessLogFilterForm';
import { AccessLogTable } from './AccessLogTable';
import { saveFile } from './save-file';

/** Who read which case's personal data, why and when: filtered and paged by the node, kept in the URL. */
export function AccessLogPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const filters = filtersFromSearch(search);
  const page = pageFromSearch(search);
  const log = useQuery({
    queryKey: ['audit', 'access-log', filters, page],
    queryFn: () =>
      data(
        nrm.GET('/api/audit/access-log', {
          params: { query: { ...filters, page, pageSize: ACCESS_LOG_PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const download = useMutation({
    mutationFn: () => accessLogCsv(filters),
    onSuccess: (csv) =>
      saveFile(csv, 'text/csv;charset=utf-8', `access-log-${new Date().toISOString().slice(0, 10)}.csv`),
  });
  const set = (changes: Record<string, string | undefined>) => setSearch(searchWith(search, changes));
  const values: AccessLogFilterValues = {
    caseId: search.get('caseId') ?? '',
    userId: search.get('userId') ?? '',
    from: search.get('from') ?? '',
    to: search.get('to') ?? '',
  };
  const pages = log.data ? Math.max(1, Math.ceil(log.data.total / ACCESS_LOG_PAGE_SIZE)) : 1;

  return (
    <Stack>
      <Title order={2}>{t('audit.accessLog.title')}</Title>
      <Text size="sm">{t('audit.accessLog.explain')}</Text>
      <AccessLogFilterForm values={values} onApply={(next) => set({ ...next })} />
      {log.isError && <ProblemAlert error={log.error} />}
      {log.isPending && <Loading />}
      {log.data && (
        <>
          <Group justify="space-between">
            <Text size="sm" aria-live="polite">
              {t('audit.accessLog.found', { count: log.data.total })}
            </Text>
            <Button
              variant="default"
              loading={download.isPending}
              disabled={log.data.total === 0}
              onClick={() => download.mutate()}
            >
              {t('audit.accessLog.downloadCsv')}
            </Button>
          </Group>
          {download.isError && <ProblemAlert error={download.error} />}
          <AccessLogTable entries={log.data.items} onUser={(userId) => set({ userId })} />
          <Pagination
            total={pages}
            value={page}
            onChange={(next) => set({ page: String(next) })}
            getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
            getItemProps={(item) => ({ 'aria-label': t('pagination.page', { page: item }) })}
          />
        </>
      )}
    </Stack>
  );
}

export default AccessLogPage;
