import { Stack } from '@mantine/core';
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
import { chosen, itemOptions } from '../legal-status/item-options';
import { money } from './money';
import { NotifiedBadge } from './NotifiedBadge';

type Award = RequestBody<'/api/cases/{id}/compensation-claims/{claimId}/award', 'post'>;
type Payment = RequestBody<'/api/cases/{id}/compensation-claims/{claimId}/payments', 'post'>;
type Refusal = RequestBody<'/api/cases/{id}/compensation-claims/{claimId}/refusal', 'post'>;
const BODIES = ENUM_VALUES['CompensationAwardDto.awardedBy'];

/** What became of each compensation claim: awarded and paid (in parts), or refused. */
export function CompensationOutcomeSection({ view, revision, onReload }: SectionProps) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { role } = useUser();
  const canRecord = can(role, 'POST /api/cases/{id}/compensation-claims/{claimId}/award');
  const claims = view.prosecution.compensationClaims;
  if (claims.length === 0) return null;
  const common = { caseId: view.caseId, revision, onReload };
  const claimName = (claim: (typeof claims)[number]) => t(`casework.compensationAgainst.${claim.against}`);
  const undecided = itemOptions(
    t,
    claims,
    (c) => c.claimId,
    claimName,
    (c) => !c.award && !c.refusal,
  );
  const awarded = itemOptions(
    t,
    claims,
    (c) => c.claimId,
    claimName,
    (c) => c.award !== undefined && c.paidTotal < c.award.amount,
  );
  const claimField = (choices: typeof undecided) => ({
    name: 'claimId',
    kind: 'select' as const,
    label: t('proceedings.compensation.claim'),
    required: true,
    options: choices,
  });
  const path = (claimId: string | undefined) => ({ id: view.caseId, claimId: claimId ?? '' });
  const outcomeOf = (claim: (typeof claims)[number]) => {
    if (claim.refusal)
      return (
        <span>
          {t('proceedings.compensation.refusedLine', {
            by: t(`proceedings.bodies.${claim.refusal.refusedBy}`),
            date: format.date(claim.refusal.refusedAt),
          })}{' '}
          <NotifiedBadge notified={claim.refusal.victimNotified} />
        </span>
      );
    if (!claim.award) return t('proceedings.compensation.pending');
    return (
      <span>
        {t('proceedings.compensation.awardedLine', {
          amount: money(i18n.language, claim.award.amount, claim.award.currency),
          by: t(`proceedings.bodies.${claim.award.awardedBy}`),
          date: format.date(claim.award.awardedAt),
        })}{' '}
        <NotifiedBadge notified={claim.award.victimNotified} />
      </span>
    );
  };
  const paymentsOf = (claim: (typeof claims)[number]) =>
    claim.payments.length === 0 ? (
      '—'
    ) : (
      <Stack gap={4}>
        {claim.payments.map((payment) => (
          <span key={payment.at}>
            {t('proceedings.compensation.paymentLine', {
              amount: money(i18n.language, payment.amount, claim.award?.currency),
              date: format.date(payment.paidAt),
            })}{' '}
            <NotifiedBadge notified={payment.victimNotified} />
          </span>
        ))}
        <span>
          {t('proceedings.compensation.paidTotal', {
            paid: money(i18n.language, claim.paidTotal, claim.award?.currency),
            awarded: money(i18n.language, claim.award?.amount ?? 0, claim.award?.currency),
          })}
        </span>
      </Stack>
    );
  return (
    <SectionCard title={t('proceedings.compensation.title')}>
      <Stack>
        <ListTable
          caption={t('proceedings.compensation.recorded')}
          headers={[
            t('proceedings.compensation.claim'),
            t('proceedings.compensation.outcome'),
            t('proceedings.compensation.payments'),
          ]}
          rows={claims.map((claim) => ({
            key: claim.claimId,
            cells: [claimName(claim), outcomeOf(claim), paymentsOf(claim)],
          }))}
        />
        {canRecord && undecided.length > 0 && (
          <>
            <CommandForm<Award & { claimId?: string }>
              {...common}
              submitLabel={t('proceedings.compensation.award')}
              fields={[
                claimField(undecided),
                {
                  name: 'amount',
                  kind: 'number',
                  label: t('proceedings.compensation.amount'),
                  required: true,
                },
                {
                  name: 'currency',
                  kind: 'text',
                  label: t('proceedings.compensation.currency'),
                  required: true,
                  description: t('proceedings.compensation.currencyHelp'),
                },
                {
                  name: 'awardedBy',
                  kind: 'select',
                  label: t('proceedings.compensation.awardedBy'),
                  required: true,
                  options: options(t, 'proceedings.bodies', BODIES),
                },
                {
                  name: 'awardedAt',
                  kind: 'date',
                  label: t('proceedings.compensation.awardedAt'),
                  required: true,
                },
              ]}
              toBody={(values) => ({
                claimId: chosen(values.claimId),
                amount: Number(text(values, 'amount') ?? ''),
                currency: (text(values, 'currency') ?? '').toUpperCase(),
                awardedBy: required(BODIES, values.awardedBy),
                awardedAt: text(values, 'awardedAt') ?? '',
              })}
              send={({ claimId, ...body }, header) =>
                data(
                  nrm.POST('/api/cases/{id}/compensation-claims/{claimId}/award', {
                    params: { path: path(claimId), header },
                    body,
                  }),
                )
              }
            />
            <CommandForm<Refusal & { claimId?: string }>
              {...common}
              submitLabel={t('proceedings.compensation.refuse')}
              variant="default"
              fields={[
                claimField(undecided),
                {
                  name: 'refusedBy',
                  kind: 'select',
                  label: t('proceedings.compensation.refusedBy'),
                  required: true,
                  options: options(t, 'proceedings.bodies', BODIES),
                },
                {
                  name: 'refusedAt',
                  kind: 'date',
                  label: t('proceedings.compensation.refusedAt'),
                  required: true,
                },
              ]}
              toBody={(values) => ({
                claimId: chosen(values.claimId),
                refusedBy: required(BODIES, values.refusedBy),
                refusedAt: text(values, 'refusedAt') ?? '',
              })}
              send={({ claimId, ...body }, header) =>
                data(
                  nrm.POST('/api/cases/{id}/compensation-claims/{claimId}/refusal', {
                    params: { path: path(claimId), header },
                    body,
                  }),
                )
              }
            />
          </>
        )}
        {canRecord && awarded.length > 0 && (
          <CommandForm<Payment & { claimId?: string }>
            {...common}
            submitLabel={t('proceedings.compensation.pay')}
            fields={[
              claimField(awarded),
              {
                name: 'amount',
                kind: 'number',
                label: t('proceedings.compensation.paidAmount'),
                required: true,
                description: t('proceedings.compensation.paidAmountHelp'),
              },
              { name: 'paidAt', kind: 'date', label: t('proceedings.compensation.paidAt'), required: true },
            ]}
            toBody={(values) => ({
              claimId: chosen(values.claimId),
              amount: Number(text(values, 'amount') ?? ''),
              paidAt: text(values, 'paidAt') ?? '',
            })}
            send={({ claimId, ...body }, header) =>
              data(
                nrm.POST('/api/cases/{id}/compensation-claims/{claimId}/payments', {
                  params: { path: path(claimId), header },
                  body,
                }),
              )
            }
          />
        )}
      </Stack>
    </SectionCard>
  );
}
