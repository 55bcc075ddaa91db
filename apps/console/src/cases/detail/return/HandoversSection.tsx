import { Divider, Stack, Title } from '@mantine/core';
import { ENUM_VALUES, type RequestBody } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { can } from '../../../access/can';
import { nrm } from '../../../api/nrm';
import { data } from '../../../api/problems';
import { ProblemAlert } from '../../../errors/ProblemAlert';
import { useFormat } from '../../../i18n/format';
import { useUser } from '../../../session/session-store';
import { CommandForm } from '../common/CommandForm';
import { instant, required } from '../common/field-spec';
import type { SectionProps } from '../common/section-props';
import { SectionCard } from '../common/SectionCard';
import { HandoverActions } from './HandoverActions';
import { HandoverFacts } from './HandoverFacts';
import { useHandoverHistory } from './handover-history';
import { PartnerMessages } from './PartnerMessages';

type Proposal = RequestBody<'/api/cases/{id}/handovers', 'post'>;
const COUNTRIES = ENUM_VALUES['HandoverProposalDto.toCountry'];

/** Handovers to (or from) the country of origin, each step of each, and the messages with the partner. */
export function HandoversSection({ view, revision, onReload }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { role } = useUser();
  const history = useHandoverHistory(view.caseId);
  const canPropose = can(role, 'POST /api/cases/{id}/handovers');
  const { handovers } = view.return;
  if (handovers.length === 0 && !canPropose) return null;
  const exchanges = history.data?.exchanges ?? [];
  const countries = COUNTRIES.map((code) => ({ value: code, label: format.country(code) })).sort((a, b) =>
    a.label.localeCompare(b.label),
  );
  return (
    <SectionCard
      title={t('casework.handovers.title')}
      empty={handovers.length ? undefined : t('casework.handovers.none')}
    >
      <Stack>
        {handovers.map((handover) => (
          <Stack key={handover.handoverId} gap="xs">
            <Title order={4} size="h5">
              {t('casework.handovers.handover', { id: handover.handoverId.slice(0, 8) })}
            </Title>
            <HandoverFacts
              handover={handover}
              exchange={exchanges.find((exchange) => exchange.sharedCaseRef === handover.sharedCaseRef)}
            />
            <HandoverActions
              caseId={view.caseId}
              handover={handover}
              revision={revision}
              onReload={onReload}
            />
            <Divider />
          </Stack>
        ))}
        {history.isError && <ProblemAlert error={history.error} />}
        {exchanges.length > 0 && (
          <Stack gap="xs">
            <Title order={4} size="h5">
              {t('casework.partner.title')}
            </Title>
            {exchanges.map((exchange) => (
              <PartnerMessages
                key={`${exchange.partnerNodeId}:${exchange.sharedCaseRef}`}
                exchange={exchange}
              />
            ))}
          </Stack>
        )}
        {canPropose && (
          <CommandForm<Proposal>
            caseId={view.caseId}
            revision={revision}
            onReload={onReload}
            submitLabel={t('casework.handovers.propose')}
            fields={[
              {
                name: 'toCountry',
                kind: 'select',
                label: t('casework.handovers.toCountry'),
                required: true,
                searchable: true,
                options: countries,
              },
              {
                name: 'responseDueAt',
                kind: 'datetime',
                label: t('casework.handovers.responseDueAt'),
                description: t('casework.handovers.responseDueHelp'),
              },
            ]}
            toBody={(values) => ({
              toCountry: required(COUNTRIES, values.toCountry),
              responseDueAt: instant(values, 'responseDueAt'),
            })}
            send={(body, header) =>
              data(
                nrm.POST('/api/cases/{id}/handovers', {
                  params: { path: { id: view.caseId }, header },
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
