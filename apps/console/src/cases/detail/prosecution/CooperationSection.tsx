import type { RequestBody } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { can } from '../../../access/can';
import { nrm } from '../../../api/nrm';
import { data } from '../../../api/problems';
import { useFormat } from '../../../i18n/format';
import { useUser } from '../../../session/session-store';
import { CommandForm } from '../common/CommandForm';
import { FactsTable } from '../../../layout/FactsTable';
import type { SectionProps } from '../common/section-props';
import { SectionCard } from '../common/SectionCard';

type Cooperation = RequestBody<'/api/cases/{id}/cooperation-decision', 'post'>;

/** The person's own decision to cooperate with law enforcement; assistance never depends on it. */
export function CooperationSection({ view, revision, onReload }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { role } = useUser();
  const canSend = can(role, 'POST /api/cases/{id}/cooperation-decision');
  const cooperation = view.prosecution.cooperation;
  return (
    <SectionCard
      title={t('casework.cooperation.title')}
      empty={cooperation ? undefined : t('casework.cooperation.none')}
    >
      {cooperation && (
        <FactsTable
          rows={[
            [
              t('casework.cooperation.decision'),
              t(cooperation.willing ? 'casework.cooperation.willing' : 'casework.cooperation.unwilling'),
            ],
            [t('casework.common.at'), format.dateTime(cooperation.at)],
          ]}
        />
      )}
      {canSend && (
        <CommandForm<Cooperation>
          caseId={view.caseId}
          revision={revision}
          onReload={onReload}
          submitLabel={t('casework.cooperation.record')}
          fields={[
            {
              name: 'willing',
              kind: 'select',
              label: t('casework.cooperation.decision'),
              description: t('casework.cooperation.help'),
              required: true,
              options: [
                { value: 'true', label: t('casework.cooperation.willing') },
                { value: 'false', label: t('casework.cooperation.unwilling') },
              ],
            },
          ]}
          toBody={(values) => ({ willing: values.willing === 'true' })}
          send={(body, header) =>
            data(
              nrm.POST('/api/cases/{id}/cooperation-decision', {
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
