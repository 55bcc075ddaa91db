import { Badge, Stack } from '@mantine/core';
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
import { ServiceActions } from './ServiceActions';

type Referral = RequestBody<'/api/cases/{id}/service-referrals', 'post'>;
const KINDS = ENUM_VALUES['ServiceReferralDto.kind'];

/** Services referred to providers: each one's status and the date its answer is due, and the answers. */
export function ServiceReferralsSection({ view, revision, onReload }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { role } = useUser();
  const canRefer = can(role, 'POST /api/cases/{id}/service-referrals');
  // The three answers share the roles; each one's own check keeps a future split honest.
  const canAnswer =
    can(role, 'POST /api/cases/{id}/service-referrals/{serviceId}/acceptance') &&
    can(role, 'POST /api/cases/{id}/service-referrals/{serviceId}/decline') &&
    can(role, 'POST /api/cases/{id}/service-referrals/{serviceId}/delivery');
  const services = view.services;
  if (services.length === 0 && !canRefer) return null;
  const nameOf = (service: (typeof services)[number]) =>
    `${t(`casework.serviceKinds.${service.kind}`)}${service.provider ? ` (${service.provider})` : ''}`;
  const dueOf = (serviceId: string) =>
    view.deadlines.find(
      (deadline) => deadline.kind === 'service_referral_response' && deadline.ref === serviceId,
    );
  return (
    <SectionCard
      title={t('casework.services.title')}
      empty={services.length ? undefined : t('casework.services.none')}
    >
      {services.length > 0 && (
        <ListTable
          caption={t('casework.services.recorded')}
          headers={[
            t('casework.services.service'),
            t('casework.common.status'),
            t('casework.services.answerDue'),
            t('casework.services.delivered'),
          ]}
          rows={services.map((service) => {
            const due = dueOf(service.serviceId);
            return {
              key: service.serviceId,
              cells: [
                nameOf(service),
                <>
                  {t(`casework.serviceStatus.${service.status}`)}
                  {service.declineReason &&
                    ` · ${t(`casework.serviceDeclineReasons.${service.declineReason}`)}`}
                </>,
                due ? (
                  <>
                    {format.date(due.dueAt)}{' '}
                    {due.overdue && (
                      <Badge color="red" size="sm">
                        {t('dashboard.overdueBadge')}
                      </Badge>
                    )}
                  </>
                ) : (
                  '—'
                ),
                format.date(service.deliveredAt),
              ],
            };
          })}
        />
      )}
      {canAnswer && (
        <Stack mb="md">
          {services.map((service) => (
            <ServiceActions
              key={service.serviceId}
              caseId={view.caseId}
              service={service}
              name={nameOf(service)}
              revision={revision}
              onReload={onReload}
            />
          ))}
        </Stack>
      )}
      {canRefer && (
        <CommandForm<Referral>
          caseId={view.caseId}
          revision={revision}
          onReload={onReload}
          submitLabel={t('casework.services.refer')}
          fields={[
            {
              name: 'kind',
              kind: 'select',
              label: t('casework.services.service'),
              required: true,
              options: options(t, 'casework.serviceKinds', KINDS),
            },
            {
              name: 'provider',
              kind: 'text',
              label: t('casework.services.provider'),
              description: t('casework.common.agencyCode'),
              required: true,
            },
          ]}
          toBody={(values) => ({
            kind: required(KINDS, values.kind),
            provider: text(values, 'provider') ?? '',
          })}
          send={(body, header) =>
            data(
              nrm.POST('/api/cases/{id}/service-referrals', {
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
