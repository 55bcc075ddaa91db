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

type Claim = RequestBody<'/api/cases/{id}/compensation-claims', 'post'>;
const AGAINST = ENUM_VALUES['CompensationClaimDto.against'];

/** Compensation claimed for the person, against whom and how much. */
export function CompensationSection({ view, revision, onReload }: SectionProps) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { role } = useUser();
  const canSend = can(role, 'POST /api/cases/{id}/compensation-claims');
  const claims = view.prosecution.compensationClaims;
  const amountOf = (amount?: number, currency?: string) => {
    if (amount === undefined) return '—';
    return currency
      ? new Intl.NumberFormat(i18n.language, { style: 'currency', currency }).format(amount)
      : format.number(amount);
  };
  return (
    <SectionCard
      title={t('casework.compensation.title')}
      empty={claims.length ? undefined : t('casework.compensation.none')}
    >
      {claims.length > 0 && (
        <ListTable
          caption={t('casework.compensation.recorded')}
          headers={[
            t('casework.compensation.against'),
            t('casework.compensation.amount'),
            t('casework.common.at'),
          ]}
          rows={claims.map((claim) => ({
            key: claim.claimId,
            cells: [
              t(`casework.compensationAgainst.${claim.against}`),
              amountOf(claim.amount, claim.currency),
              format.dateTime(claim.at),
            ],
          }))}
        />
      )}
      {canSend && (
        <CommandForm<Claim>
          caseId={view.caseId}
          revision={revision}
          onReload={onReload}
          submitLabel={t('casework.compensation.record')}
          fields={[
            {
              name: 'against',
              kind: 'select',
              label: t('casework.compensation.against'),
              required: true,
              options: options(t, 'casework.compensationAgainst', AGAINST),
            },
            { name: 'amount', kind: 'number', label: t('casework.compensation.amount') },
            {
              name: 'currency',
              kind: 'text',
              label: t('casework.compensation.currency'),
              description: t('casework.compensation.currencyHelp'),
            },
          ]}
          toBody={(values) => {
            const amount = text(values, 'amount');
            return {
              against: required(AGAINST, values.against),
              amount: amount === undefined ? undefined : Number(amount),
              currency: text(values, 'currency')?.toUpperCase(),
            };
          }}
          send={(body, header) =>
            data(
              nrm.POST('/api/cases/{id}/compensation-claims', {
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
