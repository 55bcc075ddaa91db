import { ENUM_VALUES, type RequestBody } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { can } from '../../../access/can';
import { nrm } from '../../../api/nrm';
import { data } from '../../../api/problems';
import { useFormat } from '../../../i18n/format';
import { FactsTable } from '../../../layout/FactsTable';
import { useUser } from '../../../session/session-store';
import { CommandForm } from '../common/CommandForm';
import { required, text } from '../common/field-spec';
import { options } from '../common/options';
import type { SectionProps } from '../common/section-props';
import { SectionCard } from '../common/SectionCard';

type Reopening = RequestBody<'/api/cases/{id}/reopening', 'post'>;
const REASONS = ENUM_VALUES['ReopeningDto.reason'];

/** A closed case taken up again (e.g. re-trafficking), and the case's earlier reopenings. */
export function ReopeningSection({ view, revision, onReload }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { role } = useUser();
  const reopenings = view.reopenings ?? [];
  const canSend = can(role, 'POST /api/cases/{id}/reopening') && view.closure !== undefined;
  if (reopenings.length === 0 && !canSend) return null;
  return (
    <SectionCard title={t('lifecycles.reopening.title')}>
      {reopenings.map((reopening) => (
        <FactsTable
          key={reopening.reopenedAt}
          rows={[
            [t('lifecycles.reopening.reason'), t(`lifecycles.reopeningReasons.${reopening.reason}`)],
            [t('lifecycles.reopening.reopenedAt'), format.dateTime(reopening.reopenedAt)],
            ...(reopening.closure
              ? ([
                  [
                    t('lifecycles.reopening.closedBefore'),
                    `${t(`casework.closureReasons.${reopening.closure.reason}`)}, ${format.dateTime(reopening.closure.closedAt)}`,
                  ],
                ] as [string, string][])
              : []),
          ]}
        />
      ))}
      {canSend && (
        <CommandForm<Reopening>
          caseId={view.caseId}
          revision={revision}
          onReload={onReload}
          submitLabel={t('lifecycles.reopening.reopen')}
          fields={[
            {
              name: 'reason',
              kind: 'select',
              label: t('lifecycles.reopening.reason'),
              required: true,
              options: options(t, 'lifecycles.reopeningReasons', REASONS),
            },
            { name: 'note', kind: 'textarea', label: t('lifecycles.reopening.note') },
          ]}
          toBody={(values) => ({ reason: required(REASONS, values.reason), note: text(values, 'note') })}
          send={(body, header) =>
            data(
              nrm.POST('/api/cases/{id}/reopening', { params: { path: { id: view.caseId }, header }, body }),
            )
          }
        />
      )}
    </SectionCard>
  );
}
