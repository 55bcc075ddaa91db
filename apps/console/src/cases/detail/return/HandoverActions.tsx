import type { ReactNode } from 'react';
import { Stack, Text } from '@mantine/core';
import { ENUM_VALUES, type RequestBody, type Schema } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { can } from '../../../access/can';
import { nrm } from '../../../api/nrm';
import { data } from '../../../api/problems';
import { useUser } from '../../../session/session-store';
import { useCaseCommandsOpen } from '../common/case-commands';
import { CommandForm } from '../common/CommandForm';
import { instant, required, text } from '../common/field-spec';
import { options } from '../common/options';

type Acceptance = RequestBody<'/api/cases/{id}/handovers/{handoverId}/acceptance', 'post'>;
type Decline = RequestBody<'/api/cases/{id}/handovers/{handoverId}/decline', 'post'>;
type Departure = RequestBody<'/api/cases/{id}/handovers/{handoverId}/departure', 'post'>;
type Arrival = RequestBody<'/api/cases/{id}/handovers/{handoverId}/arrival', 'post'>;
type Reception = RequestBody<'/api/cases/{id}/handovers/{handoverId}/reception', 'post'>;
const DECLINE_REASONS = ENUM_VALUES['HandoverDeclineDto.reason'];

interface Props {
  caseId: string;
  handover: Schema<'HandoverView'>;
  revision: number;
  onReload: () => void;
}

/** The next step of one handover, by its status: answer, departure, arrival, reception. */
export function HandoverActions({ caseId, handover, revision, onReload }: Props) {
  const { t } = useTranslation();
  const { role } = useUser();
  const commandsOpen = useCaseCommandsOpen();
  const path = { id: caseId, handoverId: handover.handoverId };
  const common = { caseId, revision, onReload };
  const agencyField = {
    name: 'receivingAgency',
    kind: 'text' as const,
    label: t('casework.handovers.receivingAgency'),
    description: t('casework.common.agencyCode'),
  };
  const when = {
    name: 'at',
    kind: 'datetime' as const,
    description: t('casework.common.defaultNow'),
  };
  let forms: ReactNode = null;
  if (handover.status === 'proposed')
    forms = (
      <>
        {can(role, 'POST /api/cases/{id}/handovers/{handoverId}/acceptance') && (
          <CommandForm<Acceptance>
            {...common}
            submitLabel={t('casework.handovers.accept')}
            fields={[
              agencyField,
              { name: 'reasons', kind: 'textarea', label: t('casework.handovers.reasons') },
            ]}
            toBody={(values) => ({
              receivingAgency: text(values, 'receivingAgency'),
              reasons: text(values, 'reasons'),
            })}
            send={(body, header) =>
              data(
                nrm.POST('/api/cases/{id}/handovers/{handoverId}/acceptance', {
                  params: { path, header },
                  body,
                }),
              )
            }
          />
        )}
        {can(role, 'POST /api/cases/{id}/handovers/{handoverId}/decline') && (
          <CommandForm<Decline>
            {...common}
            variant="default"
            submitLabel={t('casework.handovers.decline')}
            fields={[
              {
                name: 'reason',
                kind: 'select',
                label: t('casework.handovers.declineReason'),
                required: true,
                options: options(t, 'casework.handoverDeclineReasons', DECLINE_REASONS),
              },
              { name: 'reasons', kind: 'textarea', label: t('casework.handovers.reasons') },
            ]}
            toBody={(values) => ({
              reason: required(DECLINE_REASONS, values.reason),
              reasons: text(values, 'reasons'),
            })}
            send={(body, header) =>
              data(
                nrm.POST('/api/cases/{id}/handovers/{handoverId}/decline', {
                  params: { path, header },
                  body,
                }),
              )
            }
          />
        )}
      </>
    );
  else if (
    handover.status === 'accepted' &&
    can(role, 'POST /api/cases/{id}/handovers/{handoverId}/departure')
  )
    forms = (
      <CommandForm<Departure>
        {...common}
        submitLabel={t('casework.handovers.depart')}
        fields={[{ ...when, name: 'departedAt', label: t('casework.handovers.departedAt') }]}
        toBody={(values) => ({ departedAt: instant(values, 'departedAt') })}
        send={(body, header) =>
          data(
            nrm.POST('/api/cases/{id}/handovers/{handoverId}/departure', { params: { path, header }, body }),
          )
        }
      />
    );
  else if (
    handover.status === 'in_transit' &&
    can(role, 'POST /api/cases/{id}/handovers/{handoverId}/arrival')
  )
    forms = (
      <CommandForm<Arrival>
        {...common}
        submitLabel={t('casework.handovers.arrive')}
        fields={[{ ...when, name: 'arrivedAt', label: t('casework.handovers.arrivedAt') }]}
        toBody={(values) => ({ arrivedAt: instant(values, 'arrivedAt') })}
        send={(body, header) =>
          data(nrm.POST('/api/cases/{id}/handovers/{handoverId}/arrival', { params: { path, header }, body }))
        }
      />
    );
  else if (
    handover.status === 'arrived' &&
    can(role, 'POST /api/cases/{id}/handovers/{handoverId}/reception')
  )
    forms = (
      <CommandForm<Reception>
        {...common}
        submitLabel={t('casework.handovers.receive')}
        fields={[{ ...agencyField, required: true }]}
        toBody={(values) => ({ receivingAgency: text(values, 'receivingAgency') ?? '' })}
        send={(body, header) =>
          data(
            nrm.POST('/api/cases/{id}/handovers/{handoverId}/reception', { params: { path, header }, body }),
          )
        }
      />
    );
  if (!forms || !commandsOpen) return null;
  const name = t('casework.handovers.nextStep', { id: handover.handoverId.slice(0, 8) });
  return (
    <Stack gap="xs" role="group" aria-label={name}>
      <Text fw={500}>{name}</Text>
      {forms}
    </Stack>
  );
}
