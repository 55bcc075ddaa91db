import type { RequestBody } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { can } from '../../../access/can';
import { nrm } from '../../../api/nrm';
import { data } from '../../../api/problems';
import { useFormat } from '../../../i18n/format';
import { useUser } from '../../../session/session-store';
import { CommandForm } from '../common/CommandForm';
import { text } from '../common/field-spec';
import { FactsTable } from '../../../layout/FactsTable';
import type { SectionProps } from '../common/section-props';
import { SectionCard } from '../common/SectionCard';

type Guardian = RequestBody<'/api/cases/{id}/guardian', 'post'>;

/**
 * A presumed child's guardian. The guardian's name is personal data: the case page reads the case
 * without it, so only the authority and the date are shown here.
 */
export function GuardianSection({ view, revision, onReload }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { role } = useUser();
  const canSend = can(role, 'POST /api/cases/{id}/guardian');
  const { guardian } = view;
  if (!guardian && !(canSend && view.presumedMinor)) return null;
  return (
    <SectionCard
      title={t('casework.guardian.title')}
      empty={guardian ? undefined : t('casework.guardian.none')}
    >
      {guardian && (
        <FactsTable
          rows={[
            [t('casework.guardian.authority'), guardian.authority],
            [t('casework.guardian.appointedAt'), format.dateTime(guardian.appointedAt)],
          ]}
        />
      )}
      {canSend && (
        <CommandForm<Guardian>
          caseId={view.caseId}
          revision={revision}
          onReload={onReload}
          submitLabel={t('casework.guardian.appoint')}
          fields={[
            { name: 'name', kind: 'text', label: t('casework.guardian.name'), required: true },
            { name: 'authority', kind: 'text', label: t('casework.guardian.authority'), required: true },
          ]}
          toBody={(values) => ({
            name: text(values, 'name') ?? '',
            authority: text(values, 'authority') ?? '',
          })}
          send={(body, header) =>
            data(
              nrm.POST('/api/cases/{id}/guardian', { params: { path: { id: view.caseId }, header }, body }),
            )
          }
        />
      )}
    </SectionCard>
  );
}
