import { ENUM_VALUES, type RequestBody } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { can } from '../../../access/can';
import { nrm } from '../../../api/nrm';
import { data } from '../../../api/problems';
import { useFormat } from '../../../i18n/format';
import { useUser } from '../../../session/session-store';
import { CommandForm } from '../common/CommandForm';
import { required, text } from '../common/field-spec';
import { FactsTable } from '../../../layout/FactsTable';
import { options } from '../common/options';
import type { SectionProps } from '../common/section-props';
import { SectionCard } from '../common/SectionCard';

type Monitoring = RequestBody<'/api/cases/{id}/monitoring', 'post'>;
const STATUSES = ENUM_VALUES['MonitoringDto.status'];

/** Monitoring visits after the return: the latest one's finding. */
export function MonitoringSection({ view, revision, onReload }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { role } = useUser();
  const canSend = can(role, 'POST /api/cases/{id}/monitoring');
  const monitoring = view.monitoring;
  if (!monitoring && !canSend) return null;
  return (
    <SectionCard
      title={t('casework.monitoring.title')}
      empty={monitoring ? undefined : t('casework.monitoring.none')}
    >
      {monitoring && (
        <FactsTable
          rows={[
            [t('casework.common.status'), t(`casework.progressStatus.${monitoring.status}`)],
            [t('casework.common.at'), format.dateTime(monitoring.at)],
            ...(monitoring.nextVisitDue
              ? [
                  [t('casework.monitoring.nextVisitDue'), format.date(monitoring.nextVisitDue)] as [
                    string,
                    string,
                  ],
                ]
              : []),
          ]}
        />
      )}
      {canSend && (
        <CommandForm<Monitoring>
          caseId={view.caseId}
          revision={revision}
          onReload={onReload}
          submitLabel={t('casework.monitoring.record')}
          fields={[
            {
              name: 'status',
              kind: 'select',
              label: t('casework.monitoring.status'),
              required: true,
              options: options(t, 'casework.progressStatus', STATUSES),
            },
            {
              name: 'nextVisitDue',
              kind: 'date',
              label: t('casework.monitoring.nextVisitDue'),
              description: t('casework.monitoring.nextVisitDueHint'),
            },
            { name: 'notes', kind: 'textarea', label: t('casework.common.notes') },
          ]}
          toBody={(values) => ({
            status: required(STATUSES, values.status),
            nextVisitDue: text(values, 'nextVisitDue'),
            notes: text(values, 'notes'),
          })}
          send={(body, header) =>
            data(
              nrm.POST('/api/cases/{id}/monitoring', { params: { path: { id: view.caseId }, header }, body }),
            )
          }
        />
      )}
    </SectionCard>
  );
}
