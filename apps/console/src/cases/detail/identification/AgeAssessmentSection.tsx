import { ENUM_VALUES, type RequestBody } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { can } from '../../../access/can';
import { nrm } from '../../../api/nrm';
import { data } from '../../../api/problems';
import { useFormat } from '../../../i18n/format';
import { useUser } from '../../../session/session-store';
import { CommandForm } from '../common/CommandForm';
import { flag, required } from '../common/field-spec';
import { ListTable } from '../common/ListTable';
import { options } from '../common/options';
import type { SectionProps } from '../common/section-props';
import { SectionCard } from '../common/SectionCard';

type AgeAssessment = RequestBody<'/api/cases/{id}/age-assessment', 'post'>;
const METHODS = ENUM_VALUES['AgeAssessmentDto.method'];

/** Age assessments: a presumed child is protected as one (guardian, best interests) until assessed otherwise. */
export function AgeAssessmentSection({ view, revision, onReload }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { role } = useUser();
  const canSend = can(role, 'POST /api/cases/{id}/age-assessment');
  if (!canSend && view.ageAssessments.length === 0) return null;
  return (
    <SectionCard
      title={t('casework.age.title')}
      empty={view.ageAssessments.length === 0 ? t('casework.age.none') : undefined}
    >
      {view.ageAssessments.length > 0 && (
        <ListTable
          caption={t('casework.age.recorded')}
          headers={[t('casework.age.method'), t('casework.age.outcome'), t('casework.common.at')]}
          rows={view.ageAssessments.map((assessment) => ({
            key: assessment.at,
            cells: [
              t(`casework.ageMethods.${assessment.method}`),
              assessment.presumedMinor ? t('casework.age.minor') : t('casework.age.adult'),
              format.dateTime(assessment.at),
            ],
          }))}
        />
      )}
      {canSend && (
        <CommandForm<AgeAssessment>
          caseId={view.caseId}
          revision={revision}
          onReload={onReload}
          submitLabel={t('casework.age.record')}
          fields={[
            {
              name: 'method',
              kind: 'select',
              label: t('casework.age.method'),
              required: true,
              options: options(t, 'casework.ageMethods', METHODS),
            },
            { name: 'presumedMinor', kind: 'checkbox', label: t('casework.age.presumedMinor') },
          ]}
          defaults={{ presumedMinor: false }}
          toBody={(values) => ({
            method: required(METHODS, values.method),
            presumedMinor: flag(values, 'presumedMinor'),
          })}
          send={(body, header) =>
            data(
              nrm.POST('/api/cases/{id}/age-assessment', {
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
