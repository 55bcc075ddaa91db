import { ENUM_VALUES, type RequestBody } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { can } from '../../../access/can';
import { nrm } from '../../../api/nrm';
import { data } from '../../../api/problems';
import { useFormat } from '../../../i18n/format';
import { useUser } from '../../../session/session-store';
import { CommandForm } from '../common/CommandForm';
import { several, text } from '../common/field-spec';
import { FactsTable } from '../../../layout/FactsTable';
import { options } from '../common/options';
import type { SectionProps } from '../common/section-props';
import { SectionCard } from '../common/SectionCard';

type NeedsAssessment = RequestBody<'/api/cases/{id}/needs-assessments', 'post'>;
const NEEDS = ENUM_VALUES['NeedsAssessmentDto.needs'];

/** What the person needs, as last assessed: the ground of the assistance plan. */
export function NeedsAssessmentSection({ view, revision, onReload }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { role } = useUser();
  const canSend = can(role, 'POST /api/cases/{id}/needs-assessments');
  const needs = view.assessments.needs;
  if (!needs && !canSend) return null;
  return (
    <SectionCard title={t('casework.needs.title')} empty={needs ? undefined : t('casework.needs.none')}>
      {needs && (
        <FactsTable
          rows={[
            [
              t('casework.needs.needs'),
              needs.needs.map((need) => t(`casework.serviceKinds.${need}`)).join(', '),
            ],
            [t('casework.common.at'), format.dateTime(needs.at)],
          ]}
        />
      )}
      {canSend && (
        <CommandForm<NeedsAssessment>
          caseId={view.caseId}
          revision={revision}
          onReload={onReload}
          submitLabel={t('casework.needs.record')}
          fields={[
            {
              name: 'needs',
              kind: 'multiselect',
              label: t('casework.needs.needs'),
              required: true,
              options: options(t, 'casework.serviceKinds', NEEDS),
            },
            { name: 'notes', kind: 'textarea', label: t('casework.common.notes') },
          ]}
          defaults={{ needs: [] }}
          toBody={(values) => ({ needs: several(NEEDS, values.needs), notes: text(values, 'notes') })}
          send={(body, header) =>
            data(
              nrm.POST('/api/cases/{id}/needs-assessments', {
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
