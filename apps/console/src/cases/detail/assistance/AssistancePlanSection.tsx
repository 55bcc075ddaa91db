import { useTranslation } from 'react-i18next';
import { can } from '../../../access/can';
import { nrm } from '../../../api/nrm';
import { data } from '../../../api/problems';
import { useUser } from '../../../session/session-store';
import { PlanForm } from '../common/PlanForm';
import { PlanTable } from '../common/PlanTable';
import type { SectionProps } from '../common/section-props';
import { SectionCard } from '../common/SectionCard';

/** The assistance plan: services the person receives; adopting a new one replaces the plan. */
export function AssistancePlanSection({ view, revision, onReload }: SectionProps) {
  const { t } = useTranslation();
  const { role } = useUser();
  const canSend = can(role, 'POST /api/cases/{id}/assistance-plan');
  const plan = view.assistancePlan;
  if (!plan && !canSend) return null;
  return (
    <SectionCard
      title={t('casework.assistancePlan.title')}
      empty={plan ? undefined : t('casework.plan.none')}
    >
      {plan && <PlanTable plan={plan} />}
      {canSend && (
        <PlanForm
          caseId={view.caseId}
          revision={revision}
          onReload={onReload}
          submitLabel={t('casework.assistancePlan.adopt')}
          send={(body, header) =>
            data(
              nrm.POST('/api/cases/{id}/assistance-plan', {
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
