import { ENUM_VALUES, type RequestBody } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { can } from '../../../access/can';
import { nrm } from '../../../api/nrm';
import { data } from '../../../api/problems';
import { useFormat } from '../../../i18n/format';
import { useUser } from '../../../session/session-store';
import { CommandForm } from '../common/CommandForm';
import { flag, required, text } from '../common/field-spec';
import { FactsTable } from '../../../layout/FactsTable';
import { options } from '../common/options';
import type { SectionProps } from '../common/section-props';
import { SectionCard } from '../common/SectionCard';

type RiskAssessment = RequestBody<'/api/cases/{id}/risk-assessments', 'post'>;
const LEVELS = ENUM_VALUES['RiskAssessmentDto.level'];

/**
 * The return risk assessment: POST /risk-assessments with kind "return" (the node records it in the
 * return context); a handover cannot be proposed without it.
 */
export function ReturnRiskSection({ view, revision, onReload }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { role } = useUser();
  const canSend = can(role, 'POST /api/cases/{id}/risk-assessments');
  const assessment = view.return.riskAssessment;
  if (!assessment && !canSend) return null;
  return (
    <SectionCard
      title={t('casework.returnRisk.title')}
      empty={assessment ? undefined : t('casework.returnRisk.none')}
    >
      {assessment && (
        <FactsTable
          rows={[
            [t('casework.risk.level'), t(`casework.riskLevels.${assessment.level}`)],
            [
              t('casework.returnRisk.familyAssessed'),
              t(assessment.familyAssessed ? 'casework.common.yes' : 'casework.common.no'),
            ],
            [t('casework.common.at'), format.dateTime(assessment.at)],
          ]}
        />
      )}
      {canSend && (
        <CommandForm<RiskAssessment>
          caseId={view.caseId}
          revision={revision}
          onReload={onReload}
          submitLabel={t('casework.returnRisk.record')}
          fields={[
            {
              name: 'level',
              kind: 'select',
              label: t('casework.risk.level'),
              required: true,
              options: options(t, 'casework.riskLevels', LEVELS),
            },
            { name: 'notes', kind: 'textarea', label: t('casework.common.notes'), required: true },
            { name: 'familyAssessed', kind: 'checkbox', label: t('casework.returnRisk.familyAssessed') },
          ]}
          // As the node assumes when the field is left out: a return risk assessment covers the family.
          defaults={{ familyAssessed: true }}
          toBody={(values) => ({
            kind: 'return',
            level: required(LEVELS, values.level),
            notes: text(values, 'notes') ?? '',
            familyAssessed: flag(values, 'familyAssessed'),
          })}
          send={(body, header) =>
            data(
              nrm.POST('/api/cases/{id}/risk-assessments', {
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
