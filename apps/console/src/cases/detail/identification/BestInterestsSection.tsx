import type { RequestBody } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { can } from '../../../access/can';
import { nrm } from '../../../api/nrm';
import { data } from '../../../api/problems';
import { useFormat } from '../../../i18n/format';
import { useUser } from '../../../session/session-store';
import { CommandForm } from '../common/CommandForm';
import { flag, text } from '../common/field-spec';
import { FactsTable } from '../../../layout/FactsTable';
import type { SectionProps } from '../common/section-props';
import { SectionCard } from '../common/SectionCard';

type BestInterests = RequestBody<'/api/cases/{id}/best-interests-determination', 'post'>;

/** The best-interests determination a presumed child's return waits for. */
export function BestInterestsSection({ view, revision, onReload }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { role } = useUser();
  const canSend = can(role, 'POST /api/cases/{id}/best-interests-determination');
  const determination = view.bestInterests;
  if (!determination && !(canSend && view.presumedMinor)) return null;
  return (
    <SectionCard
      title={t('casework.bestInterests.title')}
      empty={determination ? undefined : t('casework.bestInterests.none')}
    >
      {determination && (
        <FactsTable
          rows={[
            [t('casework.bestInterests.outcome'), determination.outcome],
            [
              t('casework.bestInterests.returnInBestInterests'),
              determination.returnInBestInterests === undefined
                ? '—'
                : t(determination.returnInBestInterests ? 'casework.common.yes' : 'casework.common.no'),
            ],
            [t('casework.common.at'), format.dateTime(determination.determinedAt)],
          ]}
        />
      )}
      {canSend && (
        <CommandForm<BestInterests>
          caseId={view.caseId}
          revision={revision}
          onReload={onReload}
          submitLabel={t('casework.bestInterests.record')}
          fields={[
            { name: 'outcome', kind: 'text', label: t('casework.bestInterests.outcome'), required: true },
            { name: 'notes', kind: 'textarea', label: t('casework.common.notes'), required: true },
            {
              name: 'returnInBestInterests',
              kind: 'checkbox',
              label: t('casework.bestInterests.returnInBestInterests'),
            },
          ]}
          defaults={{ returnInBestInterests: false }}
          toBody={(values) => ({
            outcome: text(values, 'outcome') ?? '',
            notes: text(values, 'notes') ?? '',
            returnInBestInterests: flag(values, 'returnInBestInterests'),
          })}
          send={(body, header) =>
            data(
              nrm.POST('/api/cases/{id}/best-interests-determination', {
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
