import { Button, Group, Stack, Text } from '@mantine/core';
import { ENUM_VALUES, type RequestBody, type Schema } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { nrm } from '../../../api/nrm';
import { data } from '../../../api/problems';
import { ProblemAlert } from '../../../errors/ProblemAlert';
import { useCaseCommandsOpen } from '../common/case-commands';
import { CommandForm } from '../common/CommandForm';
import { instant, required } from '../common/field-spec';
import { options } from '../common/options';
import { useCaseCommand } from '../use-case-command';

type Decline = RequestBody<'/api/cases/{id}/service-referrals/{serviceId}/decline', 'post'>;
type Delivery = RequestBody<'/api/cases/{id}/service-referrals/{serviceId}/delivery', 'post'>;
const REASONS = ENUM_VALUES['ServiceDeclineDto.reason'];

/** The provider's answer to one referral (accept, or decline with a reason), then its delivery. */
export function ServiceActions({
  caseId,
  service,
  name,
  revision,
  onReload,
}: {
  caseId: string;
  service: Schema<'ServiceView'>;
  /** The referral in words (kind and provider), naming each form so they can be told apart. */
  name: string;
  revision: number;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const commandsOpen = useCaseCommandsOpen();
  const path = { id: caseId, serviceId: service.serviceId };
  const accept = useCaseCommand<undefined>(caseId, revision, (_, header) =>
    data(nrm.POST('/api/cases/{id}/service-referrals/{serviceId}/acceptance', { params: { path, header } })),
  );
  if (!commandsOpen) return null;
  if (service.status === 'referred')
    return (
      <Stack gap="xs" role="group" aria-label={t('casework.services.answerFor', { name })}>
        <Text fw={500}>{t('casework.services.answerFor', { name })}</Text>
        <ProblemAlert error={accept.error} onReload={onReload} />
        <Group>
          <Button loading={accept.isPending} onClick={() => accept.mutate(undefined)}>
            {t('casework.services.accept')}
          </Button>
        </Group>
        <CommandForm<Decline>
          caseId={caseId}
          revision={revision}
          onReload={onReload}
          variant="default"
          submitLabel={t('casework.services.decline')}
          fields={[
            {
              name: 'reason',
              kind: 'select',
              label: t('casework.services.declineReason'),
              required: true,
              options: options(t, 'casework.serviceDeclineReasons', REASONS),
            },
          ]}
          toBody={(values) => ({ reason: required(REASONS, values.reason) })}
          send={(body, header) =>
            data(
              nrm.POST('/api/cases/{id}/service-referrals/{serviceId}/decline', {
                params: { path, header },
                body,
              }),
            )
          }
        />
      </Stack>
    );
  if (service.status === 'accepted')
    return (
      <Stack gap="xs" role="group" aria-label={t('casework.services.deliveryFor', { name })}>
        <Text fw={500}>{t('casework.services.deliveryFor', { name })}</Text>
        <CommandForm<Delivery>
          caseId={caseId}
          revision={revision}
          onReload={onReload}
          submitLabel={t('casework.services.deliver')}
          fields={[
            {
              name: 'deliveredAt',
              kind: 'datetime',
              label: t('casework.services.deliveredAt'),
              description: t('casework.common.defaultNow'),
            },
          ]}
          toBody={(values) => ({ deliveredAt: instant(values, 'deliveredAt') })}
          send={(body, header) =>
            data(
              nrm.POST('/api/cases/{id}/service-referrals/{serviceId}/delivery', {
                params: { path, header },
                body,
              }),
            )
          }
        />
      </Stack>
    );
  return null;
}
