import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { apiError, type Schema } from '@nrm/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can } from '../access/can';
import { nrm } from '../api/nrm';
import { data } from '../api/problems';
import { ProblemAlert } from '../errors/ProblemAlert';
import { useFormat } from '../i18n/format';
import { useUser } from '../session/session-store';

/** New alerts are looked for this often while the dashboard is open: they are urgent. */
const POLL_MS = 30_000;
const QUERY_KEY = ['alerts'];

function OpenAlert({ alert }: { alert: Schema<'ReceivedUrgentAlert'> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { role } = useUser();
  const queries = useQueryClient();
  const acknowledge = useMutation({
    mutationFn: () =>
      data(
        nrm.POST('/api/alerts/{alertId}/acknowledgement', { params: { path: { alertId: alert.alertId } } }),
      ),
    onSettled: () => void queries.invalidateQueries({ queryKey: QUERY_KEY }),
  });
  const title = t('alerts.dashboard.alertTitle', {
    subject: t(`alerts.subjects.${alert.subject}`),
    danger: t(`alerts.dangers.${alert.danger}`),
  });
  return (
    <Alert color="red" title={title} role="alert" aria-live="assertive">
      <Stack gap="xs">
        <Text size="sm">
          {t('alerts.dashboard.from', {
            country: format.country(alert.fromCountry),
            node: alert.fromNode,
            raisedAt: format.dateTime(alert.raisedAt),
            receivedAt: format.dateTime(alert.receivedAt),
          })}
        </Text>
        {alert.caseId && (
          <Anchor component={Link} to={`/cases/${alert.caseId}`} size="sm">
            {t('alerts.dashboard.openCase', { id: alert.caseId.slice(0, 8) })}
          </Anchor>
        )}
        <ProblemAlert error={acknowledge.error} />
        {can(role, 'POST /api/alerts/{alertId}/acknowledgement') && (
          <Group>
            <Button color="red" loading={acknowledge.isPending} onClick={() => acknowledge.mutate()}>
              {t('alerts.dashboard.acknowledge')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

/**
 * Urgent alerts received from partner nodes (Convention CETS 197, art. 33), at the top of the
 * dashboard: open ones as alerts to acknowledge, the acknowledged ones listed below with who and when.
 */
export function UrgentAlertsPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const alerts = useQuery({
    queryKey: QUERY_KEY,
    queryFn: async () => {
      const result = await nrm.GET('/api/alerts');
      if (!result.data) throw apiError(result);
      return result.data;
    },
    refetchInterval: POLL_MS,
  });
  const all = alerts.data?.alerts ?? [];
  const open = all.filter((alert) => alert.status === 'open');
  const acknowledged = all.filter((alert) => alert.status === 'acknowledged').slice(0, 5);
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {t('alerts.dashboard.title')}
        </Title>
        {open.length > 0 && (
          <Badge color="red">{t('alerts.dashboard.openCount', { count: open.length })}</Badge>
        )}
      </Group>
      {alerts.isError && <ProblemAlert error={alerts.error} />}
      {alerts.data && open.length === 0 && <Text>{t('alerts.dashboard.none')}</Text>}
      <Stack>
        {open.map((alert) => (
          <OpenAlert key={alert.alertId} alert={alert} />
        ))}
        {acknowledged.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('alerts.dashboard.acknowledged')}
            </Text>
            {acknowledged.map((alert) => (
              <Text size="sm" key={alert.alertId}>
                {t('alerts.dashboard.acknowledgedLine', {
                  subject: t(`alerts.subjects.${alert.subject}`),
                  danger: t(`alerts.dangers.${alert.danger}`),
                  country: format.country(alert.fromCountry),
                  by: alert.acknowledgedBy ?? '—',
                  at: alert.acknowledgedAt ? format.dateTime(alert.acknowledgedAt) : '—',
                })}
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
