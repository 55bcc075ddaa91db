import { Stack, Text, Title } from '@mantine/core';
import { ENUM_VALUES, type RequestBody } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { can } from '../../../access/can';
import { nrm } from '../../../api/nrm';
import { data } from '../../../api/problems';
import { useFormat } from '../../../i18n/format';
import { useUser } from '../../../session/session-store';
import { CommandForm } from '../common/CommandForm';
import { instant, required, text } from '../common/field-spec';
import { ListTable } from '../common/ListTable';
import { options } from '../common/options';
import type { SectionProps } from '../common/section-props';
import { SectionCard } from '../common/SectionCard';
import { chosen, itemOptions } from './item-options';

type Application = RequestBody<'/api/cases/{id}/residence-permits', 'post'>;
type Decision = RequestBody<'/api/cases/{id}/residence-permits/{permitId}/decision', 'post'>;
type Renewal = RequestBody<'/api/cases/{id}/residence-permits/{permitId}/renewal', 'post'>;
type Order = RequestBody<'/api/cases/{id}/removal-orders', 'post'>;
type Lifting = RequestBody<'/api/cases/{id}/removal-orders/{orderId}/lifting', 'post'>;
type Enforcement = RequestBody<'/api/cases/{id}/removal-orders/{orderId}/enforcement', 'post'>;
const BASES = ENUM_VALUES['ResidencePermitApplicationDto.basis'];
const DECISIONS = ENUM_VALUES['ResidencePermitDecisionDto.decision'];
const OUTCOMES = ENUM_VALUES['RemovalOrderLiftingDto.outcome'];

/**
 * Legal status in the country of destination: residence permits for victims (CoE Convention art. 14)
 * and removal orders, never carried out before the identification is concluded (art. 10(2)).
 */
export function LegalStatusSection({ view, revision, onReload }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { role } = useUser();
  const canRecord = can(role, 'POST /api/cases/{id}/residence-permits');
  const permits = view.legalStatus?.residencePermits ?? [];
  const orders = view.legalStatus?.removalOrders ?? [];
  if (!canRecord && permits.length === 0 && orders.length === 0) return null;
  const common = { caseId: view.caseId, revision, onReload };
  // The node refuses a permit for a person at risk (not-a-presumed-victim): no form to fill in vain.
  const atRisk = view.kind === 'person_at_risk';
  const alerted = new Set(
    view.deadlines.filter((d) => d.kind === 'removal_before_identification').map((d) => d.ref),
  );
  const permitName = (permit: (typeof permits)[number]) => t(`legalStatus.bases.${permit.basis}`);
  const orderName = (order: (typeof orders)[number]) =>
    t('legalStatus.orders.notifiedOn', { date: format.dateTime(order.notifiedAt) });
  const applied = itemOptions(
    t,
    permits,
    (p) => p.permitId,
    permitName,
    (p) => p.status === 'applied',
  );
  const granted = itemOptions(
    t,
    permits,
    (p) => p.permitId,
    permitName,
    (p) => p.status === 'granted',
  );
  const pending = itemOptions(
    t,
    orders,
    (o) => o.orderId,
    orderName,
    (o) => o.status === 'notified',
  );
  return (
    <SectionCard title={t('legalStatus.title')}>
      <Stack>
        <Title order={4} size="h5">
          {t('legalStatus.permits.title')}
        </Title>
        {permits.length === 0 ? (
          t('legalStatus.permits.none')
        ) : (
          <ListTable
            caption={t('legalStatus.permits.recorded')}
            headers={[
              t('legalStatus.permits.basis'),
              t('legalStatus.status'),
              t('legalStatus.permits.validUntil'),
              t('legalStatus.permits.appliedAt'),
            ]}
            rows={permits.map((permit) => ({
              key: permit.permitId,
              cells: [
                permitName(permit),
                t(`legalStatus.permitStatus.${permit.status}`),
                permit.validUntil ? format.date(permit.validUntil) : '—',
                format.dateTime(permit.appliedAt),
              ],
            }))}
          />
        )}
        {canRecord && atRisk && <Text size="sm">{t('legalStatus.permits.forVictimsOnly')}</Text>}
        {canRecord && !atRisk && (
          <CommandForm<Application>
            {...common}
            submitLabel={t('legalStatus.permits.apply')}
            fields={[
              {
                name: 'basis',
                kind: 'select',
                label: t('legalStatus.permits.basis'),
                required: true,
                options: options(t, 'legalStatus.bases', BASES),
              },
              {
                name: 'appliedAt',
                kind: 'datetime',
                label: t('legalStatus.permits.appliedAt'),
                description: t('legalStatus.defaultNow'),
              },
            ]}
            toBody={(values) => ({
              basis: required(BASES, values.basis),
              appliedAt: instant(values, 'appliedAt'),
            })}
            send={(body, header) =>
              data(
                nrm.POST('/api/cases/{id}/residence-permits', {
                  params: { path: { id: view.caseId }, header },
                  body,
                }),
              )
            }
          />
        )}
        {canRecord && applied.length > 0 && (
          <CommandForm<Decision & { permitId?: string }>
            {...common}
            submitLabel={t('legalStatus.permits.decide')}
            fields={[
              {
                name: 'permitId',
                kind: 'select',
                label: t('legalStatus.permits.permit'),
                required: true,
                options: applied,
              },
              {
                name: 'decision',
                kind: 'select',
                label: t('legalStatus.permits.decision'),
                required: true,
                options: options(t, 'legalStatus.permitStatus', DECISIONS),
              },
              {
                name: 'validUntil',
                kind: 'date',
                label: t('legalStatus.permits.validUntil'),
                description: t('legalStatus.permits.validUntilHint'),
              },
            ]}
            toBody={(values) => ({
              permitId: chosen(values.permitId),
              decision: required(DECISIONS, values.decision),
              validUntil: text(values, 'validUntil'),
            })}
            send={({ permitId, ...body }, header) =>
              data(
                nrm.POST('/api/cases/{id}/residence-permits/{permitId}/decision', {
                  params: { path: { id: view.caseId, permitId: permitId ?? '' }, header },
                  body,
                }),
              )
            }
          />
        )}
        {canRecord && granted.length > 0 && (
          <CommandForm<Renewal & { permitId?: string }>
            {...common}
            submitLabel={t('legalStatus.permits.renew')}
            fields={[
              {
                name: 'permitId',
                kind: 'select',
                label: t('legalStatus.permits.permit'),
                required: true,
                options: granted,
              },
              {
                name: 'validUntil',
                kind: 'date',
                label: t('legalStatus.permits.newValidUntil'),
                required: true,
              },
            ]}
            toBody={(values) => ({
              permitId: chosen(values.permitId),
              validUntil: text(values, 'validUntil') ?? '',
            })}
            send={({ permitId, ...body }, header) =>
              data(
                nrm.POST('/api/cases/{id}/residence-permits/{permitId}/renewal', {
                  params: { path: { id: view.caseId, permitId: permitId ?? '' }, header },
                  body,
                }),
              )
            }
          />
        )}

        <Title order={4} size="h5">
          {t('legalStatus.orders.title')}
        </Title>
        {orders.length === 0 ? (
          t('legalStatus.orders.none')
        ) : (
          <ListTable
            caption={t('legalStatus.orders.recorded')}
            headers={[
              t('legalStatus.orders.notifiedAt'),
              t('legalStatus.status'),
              t('legalStatus.orders.alert'),
            ]}
            rows={orders.map((order) => ({
              key: order.orderId,
              cells: [
                format.dateTime(order.notifiedAt),
                t(`legalStatus.orderStatus.${order.status}`),
                alerted.has(order.orderId) ? t('legalStatus.orders.alertPending') : '—',
              ],
            }))}
          />
        )}
        {canRecord && (
          <CommandForm<Order>
            {...common}
            submitLabel={t('legalStatus.orders.record')}
            fields={[
              {
                name: 'notifiedAt',
                kind: 'datetime',
                label: t('legalStatus.orders.notifiedAt'),
                description: t('legalStatus.defaultNow'),
              },
            ]}
            toBody={(values) => ({ notifiedAt: instant(values, 'notifiedAt') })}
            send={(body, header) =>
              data(
                nrm.POST('/api/cases/{id}/removal-orders', {
                  params: { path: { id: view.caseId }, header },
                  body,
                }),
              )
            }
          />
        )}
        {canRecord && pending.length > 0 && (
          <CommandForm<Lifting & { orderId?: string }>
            {...common}
            submitLabel={t('legalStatus.orders.lift')}
            fields={[
              {
                name: 'orderId',
                kind: 'select',
                label: t('legalStatus.orders.order'),
                required: true,
                options: pending,
              },
              {
                name: 'outcome',
                kind: 'select',
                label: t('legalStatus.orders.outcome'),
                required: true,
                options: options(t, 'legalStatus.orderStatus', OUTCOMES),
              },
            ]}
            toBody={(values) => ({
              orderId: chosen(values.orderId),
              outcome: required(OUTCOMES, values.outcome),
            })}
            send={({ orderId, ...body }, header) =>
              data(
                nrm.POST('/api/cases/{id}/removal-orders/{orderId}/lifting', {
                  params: { path: { id: view.caseId, orderId: orderId ?? '' }, header },
                  body,
                }),
              )
            }
          />
        )}
        {canRecord && pending.length > 0 && (
          <CommandForm<Enforcement & { orderId?: string }>
            {...common}
            submitLabel={t('legalStatus.orders.enforce')}
            variant="default"
            fields={[
              {
                name: 'orderId',
                kind: 'select',
                label: t('legalStatus.orders.order'),
                required: true,
                options: pending,
              },
              {
                name: 'removedAt',
                kind: 'datetime',
                label: t('legalStatus.orders.removedAt'),
                description: t('legalStatus.defaultNow'),
              },
            ]}
            toBody={(values) => ({
              orderId: chosen(values.orderId),
              removedAt: instant(values, 'removedAt'),
            })}
            send={({ orderId, ...body }, header) =>
              data(
                nrm.POST('/api/cases/{id}/removal-orders/{orderId}/enforcement', {
                  params: { path: { id: view.caseId, orderId: orderId ?? '' }, header },
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
