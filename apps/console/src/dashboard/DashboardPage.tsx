import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { can } from '../access/can';
import { nrm } from '../api/nrm';
import { data } from '../api/problems';
import { ProblemAlert } from '../errors/ProblemAlert';
import { useFormat } from '../i18n/format';
import { useUser } from '../session/session-store';
import { hasDashboard } from './dashboard-access';
import { HeldPartners } from './HeldPartners';
import { PendingProposals } from './PendingProposals';
import { Loading } from '../layout/Loading';
import { UrgentAlertsPanel } from '../alerts/UrgentAlertsPanel';

const CaseloadChart = lazy(() => import('./CaseloadChart'));

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder padding="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
    </Card>
  );
}

/**
 * The user's own caseload (the cases they acted on: the API's mine=true, as no case worker is assigned
 * to a case) beside their agency's, for an operator; an auditor acts on no case.
 */
function MyCaseload({ agencyTotal }: { agencyTotal: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const mine = useQuery({
    queryKey: ['cases', 'summary', 'mine'],
    queryFn: () =>
      data(nrm.GET('/api/cases/summary', { params: { query: { dueWithinDays: 14, mine: true } } })),
  });
  if (mine.isError) return <ProblemAlert error={mine.error} />;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <Card withBorder padding="md">
        <Text size="sm" c="dimmed">
          {t('mine.myCases')}
        </Text>
        <Text size="xl" fw={700}>
          {mine.data ? format.number(mine.data.total) : '…'}
        </Text>
        <Text size="sm">{t('mine.myCasesHelp')}</Text>
        {mine.data && mine.data.overdue > 0 && (
          <Text size="sm" c="red.9">
            {t('mine.overdue', { count: mine.data.overdue })}
          </Text>
        )}
        <Anchor component={Link} to="/cases?mine=true" size="sm">
          {t('mine.openMine')}
        </Anchor>
      </Card>
      <Figure label={t('mine.agencyCases')} value={format.number(agencyTotal)} />
    </SimpleGrid>
  );
}

function Caseload({ operator }: { operator: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const summary = useQuery({
    queryKey: ['cases', 'summary'],
    queryFn: () => data(nrm.GET('/api/cases/summary', { params: { query: { dueWithinDays: 14 } } })),
  });
  if (summary.isPending) return <Loading />;
  if (summary.isError) return <ProblemAlert error={summary.error} />;
  const { byStage, total, overdue, presumedMinors, peopleAtRisk, dueSoon } = summary.data;
  return (
    <Stack>
      {operator && <MyCaseload agencyTotal={total} />}
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <Figure label={t('dashboard.total')} value={format.number(total)} />
        <Figure label={t('dashboard.overdue')} value={format.number(overdue)} />
        <Figure label={t('dashboard.children')} value={format.number(presumedMinors)} />
        <Figure label={t('atRisk.dashboard.peopleAtRisk')} value={format.number(peopleAtRisk)} />
      </SimpleGrid>
      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          {t('dashboard.byStage')}
        </Title>
        <Suspense fallback={<Loading />}>
          <CaseloadChart
            rows={byStage.map((row) => ({ stage: t(`stages.${row.stage}`), count: row.count }))}
            label={t('dashboard.cases')}
          />
        </Suspense>
        {/* The chart's figures as text, for screen readers and for reading exact numbers. */}
        <Table mt="sm" captionSide="top">
          <Table.Tbody>
            {byStage
              .filter((row) => row.count > 0)
              .map((row) => (
                <Table.Tr key={row.stage}>
                  <Table.Td>{t(`stages.${row.stage}`)}</Table.Td>
                  <Table.Td ta="right">{format.number(row.count)}</Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          {t('dashboard.due')}
        </Title>
        {dueSoon.length === 0 ? (
          <Text>{t('dashboard.nothingDue')}</Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('cases.case')}</Table.Th>
                <Table.Th>{t('dashboard.deadline')}</Table.Th>
                <Table.Th>{t('dashboard.dueAt')}</Table.Th>
                <Table.Th>{t('dashboard.daysLeft')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {dueSoon.map((item) => (
                <Table.Tr key={`${item.caseId}:${item.kind}:${item.ref ?? ''}`}>
                  <Table.Td>
                    <Anchor component={Link} to={`/cases/${item.caseId}`}>
                      {item.caseId.slice(0, 8)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`deadlines.${item.kind}`)}</Table.Td>
                  <Table.Td>{format.date(item.dueAt)}</Table.Td>
                  <Table.Td>
                    {item.overdue ? (
                      <Badge color="red">{t('dashboard.overdueBadge')}</Badge>
                    ) : (
                      t('dashboard.days', { count: format.daysLeft(item.dueAt) })
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );
}

/** What a user of each role needs first: their caseload, what is due, what waits from partners. */
export function DashboardPage() {
  const { t } = useTranslation();
  const user = useUser();
  // The home of a role with nothing here (the analyst) is the statistics, decided by what it may read.
  if (!hasDashboard(user.role) && can(user.role, 'GET /api/statistics'))
    return <Navigate to="/statistics" replace />;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('dashboard.title')}</Title>
        {user.agency && <Badge variant="light">{user.agency}</Badge>}
      </Group>
      {/* Someone is in immediate danger: above everything else. */}
      {can(user.role, 'GET /api/alerts') && <UrgentAlertsPanel />}
      {can(user.role, 'GET /api/cases/summary') && <Caseload operator={Boolean(user.agency)} />}
      {can(user.role, 'GET /api/cases') && <PendingProposals />}
      {can(user.role, 'GET /api/partners') && <HeldPartners />}
    </Stack>
  );
}

export default DashboardPage;
