import { ENUM_VALUES, type RequestBody } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { can } from '../../../access/can';
import { nrm } from '../../../api/nrm';
import { data } from '../../../api/problems';
import { useFormat } from '../../../i18n/format';
import { useUser } from '../../../session/session-store';
import { CommandForm } from '../common/CommandForm';
import { required, text } from '../common/field-spec';
import { ListTable } from '../common/ListTable';
import { options } from '../common/options';
import type { SectionProps } from '../common/section-props';
import { SectionCard } from '../common/SectionCard';

type RiskAssessment = RequestBody<'/api/cases/{id}/risk-assessments', 'post'>;
/** The return risk assessment has its own section in the return phase (the return officer's). */
const KINDS = ENUM_VALUES['RiskAssessmentDto.kind'].filter((kind) => kind !== 'return');
const LEVELS = ENUM_VALUES['RiskAssessmentDto.level'];

/** Risk assessments of the person's safety (general, family) during assistance. */
export function RiskAssessmentSection({ view, revision, onReload }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { role } = useUser();
  // The document names both roles for the route; the node takes general and family assessments from
  // case managers only (the return officer's kind is the return one, in the return phase).
  const canSend = can(role, 'POST /api/cases/{id}/risk-assessments') && role === 'case_manager';
  const risks = view.assessments.risks;
  if (risks.length === 0 && !canSend) return null;
  return (
    <SectionCard title={t('casework.risk.title')} empty={risks.length ? undefined : t('casework.risk.none')}>
      {risks.length > 0 && (
        <ListTable
          caption={t('casework.risk.recorded')}
          headers={[t('casework.risk.kind'), t('casework.risk.level'), t('casework.common.at')]}
          rows={risks.map((risk) => ({
            key: `${risk.kind}:${risk.at}`,
            cells: [
              t(`casework.riskKinds.${risk.kind}`),
              t(`casework.riskLevels.${risk.level}`),
              format.dateTime(risk.at),
            ],
          }))}
        />
      )}
      {canSend && (
        <CommandForm<RiskAssessment>
          caseId={view.caseId}
          revision={revision}
          onReload={onReload}
          submitLabel={t('casework.risk.record')}
          fields={[
            {
              name: 'kind',
              kind: 'select',
              label: t('casework.risk.kind'),
              required: true,
              options: options(t, 'casework.riskKinds', KINDS),
            },
            {
              name: 'level',
              kind: 'select',
              label: t('casework.risk.level'),
              required: true,
              options: options(t, 'casework.riskLevels', LEVELS),
            },
            { name: 'notes', kind: 'textarea', label: t('casework.common.notes'), required: true },
          ]}
          toBody={(values) => ({
            kind: required(KINDS, values.kind),
            level: required(LEVELS, values.level),
            notes: text(values, 'notes') ?? '',
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
