import { ENUM_VALUES, type RequestBody } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { can } from '../../../access/can';
import { nrm } from '../../../api/nrm';
import { data } from '../../../api/problems';
import { useFormat } from '../../../i18n/format';
import { useUser } from '../../../session/session-store';
import { CommandForm } from '../common/CommandForm';
import { flag, required } from '../common/field-spec';
import { FactsTable } from '../../../layout/FactsTable';
import { options } from '../common/options';
import type { SectionProps } from '../common/section-props';
import { SectionCard } from '../common/SectionCard';

type ReturnRequest = RequestBody<'/api/cases/{id}/return-request', 'post'>;
const STATED_BY = ENUM_VALUES['ReturnRequestDto.statedBy'];

/** The person's request to return: a return is voluntary, so it starts here or not at all. */
export function ReturnRequestSection({ view, revision, onReload }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { role } = useUser();
  const requested = view.return.requested;
  const canSend = can(role, 'POST /api/cases/{id}/return-request') && !requested;
  if (!requested && !canSend) return null;
  return (
    <SectionCard title={t('casework.returnRequest.title')}>
      {requested && (
        <FactsTable
          rows={[
            [t('casework.returnRequest.statedBy'), t(`casework.statedBy.${requested.statedBy}`)],
            [
              t('casework.returnRequest.early'),
              t(requested.earlyReturnRequested ? 'casework.common.yes' : 'casework.common.no'),
            ],
            [t('casework.common.at'), format.dateTime(requested.at)],
          ]}
        />
      )}
      {canSend && (
        <CommandForm<ReturnRequest>
          caseId={view.caseId}
          revision={revision}
          onReload={onReload}
          submitLabel={t('casework.returnRequest.record')}
          fields={[
            {
              name: 'statedBy',
              kind: 'select',
              label: t('casework.returnRequest.statedBy'),
              required: true,
              options: options(t, 'casework.statedBy', STATED_BY),
            },
            {
              name: 'earlyReturnRequested',
              kind: 'checkbox',
              label: t('casework.returnRequest.early'),
              description: t('casework.returnRequest.earlyHelp'),
            },
          ]}
          defaults={{ statedBy: STATED_BY[0], earlyReturnRequested: false }}
          toBody={(values) => ({
            statedBy: required(STATED_BY, values.statedBy),
            earlyReturnRequested: flag(values, 'earlyReturnRequested'),
          })}
          send={(body, header) =>
            data(
              nrm.POST('/api/cases/{id}/return-request', {
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
