import { Anchor, Card, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { nrm } from '../api/nrm';
import { data } from '../api/problems';
import { ProblemAlert } from '../errors/ProblemAlert';
import { useFormat } from '../i18n/format';

/** Handover proposals waiting for an answer (from partner countries, or ours waiting for theirs). */
export function PendingProposals() {
  const { t } = useTranslation();
  const format = useFormat();
  const proposals = useQuery({
    queryKey: ['cases', 'list', { stage: 'handover_proposed' }],
    queryFn: () =>
      data(nrm.GET('/api/cases', { params: { query: { stage: 'handover_proposed', pageSize: 20 } } })),
  });
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        {t('dashboard.proposals')}
      </Title>
      {proposals.isError && <ProblemAlert error={proposals.error} />}
      {proposals.data && proposals.data.items.length === 0 && <Text>{t('dashboard.noProposals')}</Text>}
      {proposals.data && proposals.data.items.length > 0 && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cases.case')}</Table.Th>
              <Table.Th>{t('cases.citizenship')}</Table.Th>
              <Table.Th>{t('cases.updated')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {proposals.data.items.map((item) => (
              <Table.Tr key={item.caseId}>
                <Table.Td>
                  <Anchor component={Link} to={`/cases/${item.caseId}`}>
                    {item.caseId.slice(0, 8)}
                  </Anchor>
                </Table.Td>
                <Table.Td>{format.country(item.citizenship)}</Table.Td>
                <Table.Td>{format.dateTime(item.updatedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
