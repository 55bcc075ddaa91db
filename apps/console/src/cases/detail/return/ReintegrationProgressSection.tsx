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

type Progress = RequestBody<'/api/cases/{id}/reintegration-progress', 'post'>;
const STATUSES = ENUM_VALUES['ReintegrationProgressDto.status'];

/** How the reintegration goes, as last recorded. */
export function ReintegrationProgressSection({ view, revision, onReload }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { role } = useUser();
  const canSend = can(role, 'POST /api/cases/{id}/reintegration-progress');
  const progress = view.return.reintegrationProgress;
  if (!progress && !canSend) return null;
  return (
    <SectionCard
      title={t('casework.progress.title')}
      empty={progress ? undefined : t('casework.progress.none')}
    >
      {progress && (
        <FactsTable
          rows={[
            [t('casework.common.status'), t(`casework.progressStatus.${progress.status}`)],
            [t('casework.common.at'), format.dateTime(progress.at)],
          ]}
        />
      )}
      {canSend && (
        <CommandForm<Progress>
          caseId={view.caseId}
          revision={revision}
          onReload={onReload}
          submitLabel={t('casework.progress.record')}
          fields={[
            {
              name: 'status',
              kind: 'select',
              label: t('casework.progress.status'),
              required: true,
              options: options(t, 'casework.progressStatus', STATUSES),
            },
            { name: 'notes', kind: 'textarea', label: t('casework.common.notes') },
          ]}
          toBody={(values) => ({ status: required(STATUSES, values.status), notes: text(values, 'notes') })}
          send={(body, header) =>
            data(
              nrm.POST('/api/cases/{id}/reintegration-progress', {
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
