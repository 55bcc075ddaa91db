import { Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { nrm } from '../api/nrm';
import { data } from '../api/problems';
import { ProblemAlert } from '../errors/ProblemAlert';
import { Loading } from '../layout/Loading';
import { PartnerJournalTable } from './PartnerJournalTable';

/** Messages refused before any sender was known are journalled under this name, not a partner's. */
const UNAUTHENTICATED = 'unauthenticated';

/** What this node exchanged with one partner node, as the journal recorded it; the partner is in the URL. */
export function PartnerJournalPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const partner = search.get('partner');
  const partners = useQuery({
    queryKey: ['partners'],
    queryFn: () => data(nrm.GET('/api/partners')),
  });
  const journal = useQuery({
    queryKey: ['audit', 'partner-journal', partner],
    enabled: partner !== null,
    queryFn: () =>
      data(nrm.GET('/api/audit/partner-journal', { params: { query: { partner: partner ?? '' } } })),
  });
  const options = [
    ...(partners.data?.items ?? []).map((item) => ({
      value: item.nodeId,
      label: `${item.nodeId} (${item.country})`,
    })),
    { value: UNAUTHENTICATED, label: t('audit.journal.unauthenticated') },
  ];
  return (
    <Stack>
      <Title order={2}>{t('audit.journal.title')}</Title>
      <Text size="sm">{t('audit.journal.explain')}</Text>
      {partners.isError && <ProblemAlert error={partners.error} />}
      <Select
        label={t('audit.journal.partner')}
        data={options}
        value={partner}
        onChange={(value) => setSearch(value ? { partner: value } : {})}
        searchable
        w={360}
      />
      {journal.isError && <ProblemAlert error={journal.error} />}
      {partner !== null && journal.isPending && <Loading />}
      {journal.data && <PartnerJournalTable records={journal.data.items} />}
    </Stack>
  );
}

export default PartnerJournalPage;
