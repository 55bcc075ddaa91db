import type { RequestBody } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { can } from '../../../access/can';
import { nrm } from '../../../api/nrm';
import { data } from '../../../api/problems';
import { useFormat } from '../../../i18n/format';
import { useUser } from '../../../session/session-store';
import { CommandForm } from '../common/CommandForm';
import { instant } from '../common/field-spec';
import { FactsTable } from '../../../layout/FactsTable';
import type { SectionProps } from '../common/section-props';
import { SectionCard } from '../common/SectionCard';

type Extension = RequestBody<'/api/cases/{id}/reflection-period/extension', 'post'>;

/** The reflection and recovery period, and extending it (the person's recovery may need longer). */
export function ReflectionExtensionSection({ view, revision, onReload }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { role } = useUser();
  const canSend = can(role, 'POST /api/cases/{id}/reflection-period/extension');
  const period = view.reflectionPeriod;
  if (!period && !canSend) return null;
  return (
    <SectionCard
      title={t('casework.reflection.title')}
      empty={period ? undefined : t('casework.reflection.none')}
    >
      {period && (
        <FactsTable
          rows={[
            [t('casework.reflection.startsAt'), format.dateTime(period.startsAt)],
            [t('casework.reflection.endsAt'), format.dateTime(period.endsAt)],
            [t('casework.reflection.days'), format.number(period.days)],
          ]}
        />
      )}
      {canSend && (
        <CommandForm<Extension>
          caseId={view.caseId}
          revision={revision}
          onReload={onReload}
          submitLabel={t('casework.reflection.extend')}
          fields={[
            { name: 'endsAt', kind: 'datetime', label: t('casework.reflection.newEnd'), required: true },
          ]}
          toBody={(values) => ({ endsAt: instant(values, 'endsAt') ?? '' })}
          send={(body, header) =>
            data(
              nrm.POST('/api/cases/{id}/reflection-period/extension', {
                params: { path: { id: view.caseId }, header },
                body,
              }),
            )
          }
        />
      )}
    </SectionCard>
  );
}
