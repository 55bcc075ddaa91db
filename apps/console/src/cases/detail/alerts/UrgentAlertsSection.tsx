import { Text } from '@mantine/core';
import { apiError, ENUM_VALUES, type RequestBody } from '@nrm/api-client';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { can } from '../../../access/can';
import { nrm } from '../../../api/nrm';
import { data } from '../../../api/problems';
import { ProblemAlert } from '../../../errors/ProblemAlert';
import { useFormat } from '../../../i18n/format';
import { useUser } from '../../../session/session-store';
import { CommandForm } from '../common/CommandForm';
import { required, text } from '../common/field-spec';
import { ListTable } from '../common/ListTable';
import { options } from '../common/options';
import type { SectionProps } from '../common/section-props';
import { SectionCard } from '../common/SectionCard';

type Alert = RequestBody<'/api/cases/{id}/urgent-alerts', 'post'>;
const COUNTRIES = ENUM_VALUES['UrgentAlertDto.toCountry'];
const SUBJECTS = ENUM_VALUES['UrgentAlertDto.subject'];
const DANGERS = ENUM_VALUES['UrgentAlertDto.danger'];
/** While an alert waits in the outbox, its delivery is read again this often. */
const WHILE_QUEUED_MS = 2000;

/** How far an alert got: the journal's outcome, its reason named when there is one. */
function Delivery({ delivery }: { delivery: string }) {
  const { t } = useTranslation();
  const [outcome, reason] = delivery.split(':', 2);
  // Plain for delivered or sending, red for what did not go (refused, withheld, no partner).
  const failed = !['accepted', 'published', 'duplicate', 'queued'].includes(outcome);
  return (
    <Text size="sm" fw={600} c={failed ? 'red.9' : undefined}>
      {t(`alerts.delivery.${outcome}`, { defaultValue: outcome })}
      {reason ? ` (${reason})` : ''}
    </Text>
  );
}

/**
 * Urgent alerts to partner countries (Convention CETS 197, art. 33): someone is in immediate danger
 * there. Raising one sends it at once to the country's partner node; the list says how far each got.
 */
export function UrgentAlertsSection({ view, revision, onReload }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { role } = useUser();
  const canRead = can(role, 'GET /api/cases/{id}/urgent-alerts');
  const canRaise = can(role, 'POST /api/cases/{id}/urgent-alerts');
  const alerts = useQuery({
    queryKey: ['case', view.caseId, 'urgent-alerts'],
    enabled: canRead,
    queryFn: async () => {
      const result = await nrm.GET('/api/cases/{id}/urgent-alerts', {
        params: { path: { id: view.caseId } },
      });
      if (!result.data) throw apiError(result);
      return result.data;
    },
    refetchInterval: (query) =>
      query.state.data?.alerts.some((alert) => alert.delivery === 'queued') ? WHILE_QUEUED_MS : false,
  });
  if (!canRead && !canRaise) return null;
  const raised = alerts.data?.alerts ?? [];
  const countries = COUNTRIES.map((code) => ({ value: code, label: format.country(code) })).sort((a, b) =>
    a.label.localeCompare(b.label),
  );
  return (
    <SectionCard
      title={t('alerts.case.title')}
      empty={alerts.data && raised.length === 0 ? t('alerts.case.none') : undefined}
    >
      {alerts.isError && <ProblemAlert error={alerts.error} />}
      {raised.length > 0 && (
        <ListTable
          caption={t('alerts.case.raised')}
          headers={[
            t('alerts.fields.toCountry'),
            t('alerts.fields.subject'),
            t('alerts.fields.danger'),
            t('alerts.fields.raisedAt'),
            t('alerts.fields.delivery'),
          ]}
          rows={raised.map((alert) => ({
            key: alert.alertId,
            cells: [
              format.country(alert.toCountry),
              t(`alerts.subjects.${alert.subject}`),
              t(`alerts.dangers.${alert.danger}`),
              format.dateTime(alert.raisedAt),
              <Delivery key="delivery" delivery={alert.delivery} />,
            ],
          }))}
        />
      )}
      {canRaise && (
        <>
          <Text size="sm" mb="sm">
            {t('alerts.case.explain')}
          </Text>
          <CommandForm<Alert>
            caseId={view.caseId}
            revision={revision}
            onReload={onReload}
            submitLabel={t('alerts.case.raise')}
            variant="filled"
            fields={[
              {
                name: 'toCountry',
                kind: 'select',
                label: t('alerts.fields.toCountry'),
                required: true,
                searchable: true,
                options: countries,
              },
              {
                name: 'subject',
                kind: 'select',
                label: t('alerts.fields.subject'),
                required: true,
                options: options(t, 'alerts.subjects', SUBJECTS),
              },
              {
                name: 'danger',
                kind: 'select',
                label: t('alerts.fields.danger'),
                required: true,
                options: options(t, 'alerts.dangers', DANGERS),
              },
              {
                name: 'note',
                kind: 'textarea',
                label: t('alerts.fields.note'),
                description: t('alerts.fields.noteHelp'),
              },
            ]}
            toBody={(values) => ({
              toCountry: required(COUNTRIES, values.toCountry),
              subject: required(SUBJECTS, values.subject),
              danger: required(DANGERS, values.danger),
              note: text(values, 'note'),
            })}
            send={(body, header) =>
              data(
                nrm.POST('/api/cases/{id}/urgent-alerts', {
                  params: { path: { id: view.caseId }, header },
                  body,
                }),
              )
            }
          />
        </>
      )}
    </SectionCard>
  );
}
