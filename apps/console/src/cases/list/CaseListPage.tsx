import {
  Anchor,
  Badge,
  Group,
  Pagination,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { ENUM_VALUES } from '@nrm/api-client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { nrm } from '../../api/nrm';
import { data } from '../../api/problems';
import { ProblemAlert } from '../../errors/ProblemAlert';
import { useCountryOptions } from '../../forms/country-options';
import { useFormat } from '../../i18n/format';
import { PAGE_SIZE, queryFromSearch, searchWith } from './case-list-filters';
import { Loading } from '../../layout/Loading';
import { useUser } from '../../session/session-store';

/** Every filter, sort and page is answered by the read model: the browser never holds more than a page. */
export function CaseListPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const countries = useCountryOptions();
  const user = useUser();
  const [search, setSearch] = useSearchParams();
  const query = queryFromSearch(search);
  const cases = useQuery({
    queryKey: ['cases', 'list', query],
    queryFn: () => data(nrm.GET('/api/cases', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const set = (changes: Record<string, string | undefined>) => setSearch(searchWith(search, changes));
  const yesNo = [
    { value: 'true', label: t('common.yes') },
    { value: 'false', label: t('common.no') },
  ];
  const pages = cases.data ? Math.max(1, Math.ceil(cases.data.total / PAGE_SIZE)) : 1;

  return (
    <Stack>
      <Title order={2}>{t('cases.title')}</Title>
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t('cases.stage')}
          clearable
          value={search.get('stage')}
          onChange={(value) => set({ stage: value ?? undefined })}
          data={ENUM_VALUES.CaseStage.map((stage) => ({ value: stage, label: t(`stages.${stage}`) }))}
        />
        <Select
          label={t('atRisk.kindLabel')}
          clearable
          value={search.get('kind')}
          onChange={(value) => set({ kind: value ?? undefined })}
          data={ENUM_VALUES.CaseKind.map((kind) => ({ value: kind, label: t(`atRisk.kinds.${kind}`) }))}
        />
        <Select
          label={t('cases.overdue')}
          clearable
          value={search.get('overdue')}
          onChange={(value) => set({ overdue: value ?? undefined })}
          data={yesNo}
          w={120}
        />
        <Select
          label={t('cases.presumedChild')}
          clearable
          value={search.get('presumedMinor')}
          onChange={(value) => set({ presumedMinor: value ?? undefined })}
          data={yesNo}
          w={140}
        />
        <Select
          label={t('cases.countryOfExploitation')}
          clearable
          searchable
          value={search.get('country')}
          onChange={(value) => set({ country: value ?? undefined })}
          data={countries('RegisterCaseDto.countryOfExploitation')}
        />
        <Select
          label={t('cases.citizenship')}
          clearable
          searchable
          value={search.get('citizenship')}
          onChange={(value) => set({ citizenship: value ?? undefined })}
          data={countries('PersonDto.citizenship')}
        />
        <TextInput
          key={search.get('agency') ?? ''}
          label={t('cases.agency')}
          description={t('cases.agencyHelp')}
          defaultValue={search.get('agency') ?? ''}
          // Applied when the code is complete (Enter or leaving the field), not at every keystroke.
          onBlur={(event) => set({ agency: event.currentTarget.value.trim() || undefined })}
          onKeyDown={(event) => {
            if (event.key === 'Enter') set({ agency: event.currentTarget.value.trim() || undefined });
          }}
        />
        {user.agency && (
          // An operator's own caseload: the cases they acted on (kept in the URL as mine=true).
          <Switch
            label={t('mine.onlyMine')}
            description={t('mine.onlyMineHelp')}
            checked={search.get('mine') === 'true'}
            onChange={(event) => set({ mine: event.currentTarget.checked ? 'true' : undefined })}
          />
        )}
        <Select
          label={t('cases.sort')}
          value={`${search.get('sort') ?? 'registeredAt'}:${search.get('order') ?? 'desc'}`}
          onChange={(value) => {
            const [sort, order] = (value ?? 'registeredAt:desc').split(':');
            set({ sort, order });
          }}
          data={ENUM_VALUES['GET /api/cases sort'].flatMap((sort) => [
            { value: `${sort}:desc`, label: `${t(`cases.sortBy.${sort}`)} ↓` },
            { value: `${sort}:asc`, label: `${t(`cases.sortBy.${sort}`)} ↑` },
          ])}
          allowDeselect={false}
        />
      </Group>
      {cases.isError && <ProblemAlert error={cases.error} />}
      {cases.isPending && <Loading />}
      {cases.data && (
        <>
          <Text size="sm" aria-live="polite">
            {t('cases.found', { count: cases.data.total })}
          </Text>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('cases.case')}</Table.Th>
                <Table.Th>{t('cases.stage')}</Table.Th>
                <Table.Th>{t('cases.countryOfExploitation')}</Table.Th>
                <Table.Th>{t('cases.citizenship')}</Table.Th>
                <Table.Th>{t('cases.registered')}</Table.Th>
                <Table.Th>{t('cases.flags')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cases.data.items.map((item) => (
                <Table.Tr key={item.caseId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/cases/${item.caseId}`}>
                      {item.caseId.slice(0, 8)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`stages.${item.stage}`)}</Table.Td>
                  <Table.Td>{format.country(item.countryOfExploitation)}</Table.Td>
                  <Table.Td>{format.country(item.citizenship)}</Table.Td>
                  <Table.Td>{format.date(item.registeredAt)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {item.kind === 'person_at_risk' && (
                        <Badge color="dark">{t('atRisk.kinds.person_at_risk')}</Badge>
                      )}
                      {item.presumedMinor && <Badge color="grape">{t('cases.child')}</Badge>}
                      {item.overdue && <Badge color="red">{t('dashboard.overdueBadge')}</Badge>}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pagination
            total={pages}
            value={query.page ?? 1}
            onChange={(page) => set({ page: String(page) })}
            getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
            getItemProps={(page) => ({ 'aria-label': t('pagination.page', { page }) })}
          />
        </>
      )}
    </Stack>
  );
}

export default CaseListPage;
