import { ENUM_VALUES, type RequestBody } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { can } from '../../../access/can';
import { nrm } from '../../../api/nrm';
import { data } from '../../../api/problems';
import { useFormat } from '../../../i18n/format';
import { useUser } from '../../../session/session-store';
import { CommandForm } from '../common/CommandForm';
import { instant, required } from '../common/field-spec';
import { FactsTable } from '../../../layout/FactsTable';
import { options } from '../common/options';
import type { SectionProps } from '../common/section-props';
import { SectionCard } from '../common/SectionCard';

type Application = RequestBody<'/api/cases/{id}/asylum-application', 'post'>;
type Closure = RequestBody<'/api/cases/{id}/asylum-application/closure', 'post'>;
const OUTCOMES = ENUM_VALUES['AsylumClosureDto.outcome'];

/**
 * An asylum application: while it is pending the country of origin may not be contacted, so it bars
 * handovers; its closure (granted keeps the bar, refused or withdrawn lifts it).
 */
export function AsylumSection({ view, revision, onReload }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { role } = useUser();
  const asylum = view.return.asylum;
  const canApply = can(role, 'POST /api/cases/{id}/asylum-application') && asylum?.status !== 'pending';
  const canClose =
    can(role, 'POST /api/cases/{id}/asylum-application/closure') && asylum?.status === 'pending';
  if (!asylum && !canApply) return null;
  const common = { caseId: view.caseId, revision, onReload };
  return (
    <SectionCard title={t('casework.asylum.title')} empty={asylum ? undefined : t('casework.asylum.none')}>
      {asylum && (
        <FactsTable
          rows={[
            [t('casework.common.status'), t(`casework.asylumStatus.${asylum.status}`)],
            [t('casework.asylum.appliedAt'), format.dateTime(asylum.appliedAt)],
            [t('casework.common.at'), format.dateTime(asylum.at)],
          ]}
        />
      )}
      {canApply && (
        <CommandForm<Application>
          {...common}
          submitLabel={t('casework.asylum.record')}
          fields={[
            {
              name: 'appliedAt',
              kind: 'datetime',
              label: t('casework.asylum.appliedAt'),
              description: t('casework.common.defaultNow'),
            },
          ]}
          toBody={(values) => ({ appliedAt: instant(values, 'appliedAt') })}
          send={(body, header) =>
            data(
              nrm.POST('/api/cases/{id}/asylum-application', {
                params: { path: { id: view.caseId }, header },
                body,
              }),
            )
          }
        />
      )}
      {canClose && (
        <CommandForm<Closure>
          {...common}
          submitLabel={t('casework.asylum.close')}
          fields={[
            {
              name: 'outcome',
              kind: 'select',
              label: t('casework.asylum.outcome'),
              required: true,
              options: options(t, 'casework.asylumStatus', OUTCOMES),
            },
          ]}
          toBody={(values) => ({ outcome: required(OUTCOMES, values.outcome) })}
          send={(body, header) =>
            data(
              nrm.POST('/api/cases/{id}/asylum-application/closure', {
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
