import { useTranslation } from 'react-i18next';
import { can } from '../../../access/can';
import { nrm } from '../../../api/nrm';
import { data } from '../../../api/problems';
import { useUser } from '../../../session/session-store';
import { PlanForm } from '../common/PlanForm';
import { PlanTable } from '../common/PlanTable';
import type { SectionProps } from '../common/section-props';
import { SectionCard } from '../common/SectionCard';

/** The reintegration plan once the person is received: services in the country of origin. */
export function ReintegrationPlanSection({ view, revision, onReload }: SectionProps) {
  const { t } = useTranslation();
  const { role } = useUser();
  const canSend = can(role, 'POST /api/cases/{id}/reintegration-plan');
  const plan = view.return.reintegrationPlan;
  if (!plan && !canSend) return null;
  return (
    <SectionCard
      title={t('casework.reintegrationPlan.title')}
      empty={plan ? undefined : t('casework.plan.none')}
    >
      {plan && <PlanTable plan={plan} />}
      {canSend && (
        <PlanForm
          caseId={view.caseId}
          revision={revision}
          onReload={onReload}
          submitLabel={t('casework.reintegrationPlan.adopt')}
          send={(body, header) =>
            data(
              nrm.POST('/api/cases/{id}/reintegration-plan', {
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
