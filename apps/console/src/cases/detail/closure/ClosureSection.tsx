import { ENUM_VALUES, type RequestBody } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { can } from '../../../access/can';
import { nrm } from '../../../api/nrm';
import { data } from '../../../api/problems';
import { useFormat } from '../../../i18n/format';
import { useUser } from '../../../session/session-store';
import { CommandForm } from '../common/CommandForm';
import { required } from '../common/field-spec';
import { FactsTable } from '../../../layout/FactsTable';
import { options } from '../common/options';
import type { SectionProps } from '../common/section-props';
import { SectionCard } from '../common/SectionCard';

type Closure = RequestBody<'/api/cases/{id}/closure', 'post'>;
const REASONS = ENUM_VALUES['ClosureDto.reason'];

/** Closing the case, with why. */
export function ClosureSection({ view, revision, onReload }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { role } = useUser();
  const closure = view.closure;
  const canSend = can(role, 'POST /api/cases/{id}/closure') && !closure;
  if (!closure && !canSend) return null;
  return (
    <SectionCard title={t('casework.closure.title')} empty={closure ? undefined : t('casework.closure.none')}>
      {closure && (
        <FactsTable
          rows={[
            [t('casework.closure.reason'), t(`casework.closureReasons.${closure.reason}`)],
            [t('casework.common.at'), format.dateTime(closure.closedAt)],
          ]}
        />
      )}
      {canSend && (
        <CommandForm<Closure>
          caseId={view.caseId}
          revision={revision}
          onReload={onReload}
          submitLabel={t('casework.closure.close')}
          fields={[
            {
              name: 'reason',
              kind: 'select',
              label: t('casework.closure.reason'),
              required: true,
              options: options(t, 'casework.closureReasons', REASONS),
            },
          ]}
          toBody={(values) => ({ reason: required(REASONS, values.reason) })}
          send={(body, header) =>
            data(nrm.POST('/api/cases/{id}/closure', { params: { path: { id: view.caseId }, header }, body }))
          }
        />
      )}
    </SectionCard>
  );
}
