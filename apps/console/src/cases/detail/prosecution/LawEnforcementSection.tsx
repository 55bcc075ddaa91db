import { Stack } from '@mantine/core';
import { ENUM_VALUES, type RequestBody } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { can } from '../../../access/can';
import { nrm } from '../../../api/nrm';
import { data } from '../../../api/problems';
import { useFormat } from '../../../i18n/format';
import { useUser } from '../../../session/session-store';
import { CommandForm } from '../common/CommandForm';
import { flag, required, text } from '../common/field-spec';
import { ListTable } from '../common/ListTable';
import { options } from '../common/options';
import type { SectionProps } from '../common/section-props';
import { SectionCard } from '../common/SectionCard';

type Request = RequestBody<'/api/cases/{id}/law-enforcement-requests', 'post'>;
type Answer = RequestBody<'/api/cases/{id}/law-enforcement-requests/{requestId}/answer', 'post'>;
const KINDS = ENUM_VALUES['LawEnforcementRequestDto.kind'];
const OUTCOMES = ENUM_VALUES['LawEnforcementAnswerDto.outcome'];

/** Requests from law enforcement (interviews, statements...) and the answers given on the person's behalf. */
export function LawEnforcementSection({ view, revision, onReload }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { role } = useUser();
  const canReceive = can(role, 'POST /api/cases/{id}/law-enforcement-requests');
  const canAnswer = can(role, 'POST /api/cases/{id}/law-enforcement-requests/{requestId}/answer');
  const requests = view.prosecution.lawEnforcementRequests;
  const common = { caseId: view.caseId, revision, onReload };
  return (
    <SectionCard
      title={t('casework.lawEnforcement.title')}
      empty={requests.length ? undefined : t('casework.lawEnforcement.none')}
    >
      {requests.length > 0 && (
        <ListTable
          caption={t('casework.lawEnforcement.recorded')}
          headers={[
            t('casework.lawEnforcement.agency'),
            t('casework.lawEnforcement.kind'),
            t('casework.lawEnforcement.receivedAt'),
            t('casework.lawEnforcement.outcome'),
          ]}
          rows={requests.map((request) => ({
            key: request.requestId,
            cells: [
              request.agency,
              `${t(`casework.lawEnforcementKinds.${request.kind}`)}${request.requestedByVictim ? ` · ${t('casework.lawEnforcement.byVictim')}` : ''}`,
              format.dateTime(request.receivedAt),
              request.outcome
                ? `${t(`casework.lawEnforcementOutcomes.${request.outcome}`)} · ${format.dateTime(request.answeredAt)}`
                : t('casework.lawEnforcement.unanswered'),
            ],
          }))}
        />
      )}
      {canAnswer && (
        <Stack mb="md">
          {requests
            .filter((request) => !request.outcome)
            .map((request) => (
              <CommandForm<Answer>
                key={request.requestId}
                {...common}
                submitLabel={t('casework.lawEnforcement.answer', {
                  agency: request.agency,
                  kind: t(`casework.lawEnforcementKinds.${request.kind}`),
                })}
                fields={[
                  {
                    name: 'outcome',
                    kind: 'select',
                    label: t('casework.lawEnforcement.outcome'),
                    required: true,
                    options: options(t, 'casework.lawEnforcementOutcomes', OUTCOMES),
                  },
                  {
                    name: 'sharesCaseData',
                    kind: 'checkbox',
                    label: t('casework.lawEnforcement.sharesCaseData'),
                    description: t('casework.lawEnforcement.sharesCaseDataHelp'),
                  },
                ]}
                defaults={{ sharesCaseData: false }}
                toBody={(values) => ({
                  outcome: required(OUTCOMES, values.outcome),
                  sharesCaseData: flag(values, 'sharesCaseData'),
                })}
                send={(body, header) =>
                  data(
                    nrm.POST('/api/cases/{id}/law-enforcement-requests/{requestId}/answer', {
                      params: { path: { id: view.caseId, requestId: request.requestId }, header },
                      body,
                    }),
                  )
                }
              />
            ))}
        </Stack>
      )}
      {canReceive && (
        <CommandForm<Request>
          {...common}
          submitLabel={t('casework.lawEnforcement.record')}
          fields={[
            {
              name: 'agency',
              kind: 'text',
              label: t('casework.lawEnforcement.agency'),
              description: t('casework.common.agencyCode'),
              required: true,
            },
            {
              name: 'kind',
              kind: 'select',
              label: t('casework.lawEnforcement.kind'),
              required: true,
              options: options(t, 'casework.lawEnforcementKinds', KINDS),
            },
            {
              name: 'requestedByVictim',
              kind: 'checkbox',
              label: t('casework.lawEnforcement.byVictim'),
              description: t('casework.lawEnforcement.byVictimHelp'),
            },
          ]}
          defaults={{ requestedByVictim: false }}
          toBody={(values) => ({
            agency: text(values, 'agency') ?? '',
            kind: required(KINDS, values.kind),
            requestedByVictim: flag(values, 'requestedByVictim'),
          })}
          send={(body, header) =>
            data(
              nrm.POST('/api/cases/{id}/law-enforcement-requests', {
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
