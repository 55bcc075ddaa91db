import { Divider, Stack, Title } from '@mantine/core';
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
import { chosenId, memberLabel, memberOptions, membersOf } from './family-members';

type Tracing = RequestBody<'/api/cases/{id}/family-members/{memberId}/tracings', 'post'>;
type Outcome = RequestBody<'/api/cases/{id}/family-members/tracings/{tracingId}/outcome', 'post'>;
type Refusal = RequestBody<
  '/api/cases/{id}/family-members/tracings/{tracingId}/reunification-refusal',
  'post'
>;
const COUNTRIES = ENUM_VALUES['FamilyTracingDto.country'];
const OUTCOMES = ENUM_VALUES['FamilyTracingOutcomeDto.outcome'];
const REASONS = ENUM_VALUES['FamilyReunificationRefusalDto.reason'];

/**
 * Family tracing and reunification on return: a child member's tracing needs their guardian, and their
 * reunification their own best-interests determination (the node refuses otherwise, said in words).
 */
export function FamilyTracingSection({ view, revision, onReload }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { role } = useUser();
  const canSend = can(role, 'POST /api/cases/{id}/family-members/{memberId}/tracings');
  const members = membersOf(view);
  const tracings = view.family?.tracings ?? [];
  if (tracings.length === 0 && !(canSend && members.length > 0)) return null;
  const tracingLabel = (tracing: (typeof tracings)[number]) =>
    t('family.tracing.label', {
      member: memberLabel(t, members, tracing.memberId),
      country: format.country(tracing.country),
    });
  const open = tracings.filter((tr) => !tr.outcome);
  const concluded = tracings.filter((tr) => tr.outcome && !tr.reunification);
  const countries = COUNTRIES.map((code) => ({ value: code, label: format.country(code) })).sort((a, b) =>
    a.label.localeCompare(b.label),
  );
  const status = (tracing: (typeof tracings)[number]) => {
    if (tracing.reunification?.status === 'reunified') return t('family.tracing.reunified');
    if (tracing.reunification)
      return t('family.tracing.refused', {
        reason: t(`family.tracing.reasons.${tracing.reunification.reason ?? 'other'}`),
      });
    return tracing.outcome ? t(`family.tracing.outcomes.${tracing.outcome}`) : t('family.tracing.underWay');
  };
  return (
    <SectionCard
      title={t('family.tracing.title')}
      empty={tracings.length ? undefined : t('family.tracing.none')}
    >
      <Stack>
        {tracings.length > 0 && (
          <ListTable
            caption={t('family.tracing.recorded')}
            headers={[
              t('family.member'),
              t('family.tracing.country'),
              t('family.tracing.requestedAt'),
              t('family.tracing.status'),
            ]}
            rows={tracings.map((tracing) => ({
              key: tracing.tracingId,
              cells: [
                memberLabel(t, members, tracing.memberId),
                format.country(tracing.country),
                format.dateTime(tracing.requestedAt),
                status(tracing),
              ],
            }))}
          />
        )}
        {canSend && members.length > 0 && (
          <>
            <Divider />
            <Title order={4} size="h5">
              {t('family.tracing.request')}
            </Title>
            <CommandForm<{ memberId: string; body: Tracing }>
              caseId={view.caseId}
              revision={revision}
              onReload={onReload}
              submitLabel={t('family.tracing.requestSubmit')}
              fields={[
                {
                  name: 'memberId',
                  kind: 'select',
                  label: t('family.tracing.member'),
                  required: true,
                  options: memberOptions(t, members),
                },
                {
                  name: 'country',
                  kind: 'select',
                  label: t('family.tracing.country'),
                  required: true,
                  searchable: true,
                  options: countries,
                },
              ]}
              toBody={(values) => ({
                memberId: chosenId(values, 'memberId'),
                body: { country: required(COUNTRIES, values.country) },
              })}
              send={({ memberId, body }, header) =>
                data(
                  nrm.POST('/api/cases/{id}/family-members/{memberId}/tracings', {
                    params: { path: { id: view.caseId, memberId }, header },
                    body,
                  }),
                )
              }
            />
          </>
        )}
        {canSend && open.length > 0 && (
          <>
            <Divider />
            <Title order={4} size="h5">
              {t('family.tracing.recordOutcome')}
            </Title>
            <CommandForm<{ tracingId: string; body: Outcome }>
              caseId={view.caseId}
              revision={revision}
              onReload={onReload}
              submitLabel={t('family.tracing.recordOutcomeSubmit')}
              fields={[
                {
                  name: 'tracingId',
                  kind: 'select',
                  label: t('family.tracing.tracing'),
                  required: true,
                  options: open.map((tr) => ({ value: tr.tracingId, label: tracingLabel(tr) })),
                },
                {
                  name: 'outcome',
                  kind: 'select',
                  label: t('family.tracing.outcome'),
                  required: true,
                  options: options(t, 'family.tracing.outcomes', OUTCOMES),
                },
                { name: 'outcomeNotes', kind: 'textarea', label: t('family.tracing.notes') },
              ]}
              toBody={(values) => ({
                tracingId: chosenId(values, 'tracingId'),
                body: { outcome: required(OUTCOMES, values.outcome), notes: text(values, 'outcomeNotes') },
              })}
              send={({ tracingId, body }, header) =>
                data(
                  nrm.POST('/api/cases/{id}/family-members/tracings/{tracingId}/outcome', {
                    params: { path: { id: view.caseId, tracingId }, header },
                    body,
                  }),
                )
              }
            />
          </>
        )}
        {canSend && concluded.length > 0 && (
          <>
            <Divider />
            <Title order={4} size="h5">
              {t('family.tracing.reunification')}
            </Title>
            <CommandForm<{ tracingId: string }>
              caseId={view.caseId}
              revision={revision}
              onReload={onReload}
              submitLabel={t('family.tracing.reunifySubmit')}
              fields={[
                {
                  name: 'reunifiedTracingId',
                  kind: 'select',
                  label: t('family.tracing.reunifyAfter'),
                  required: true,
                  options: concluded.map((tr) => ({ value: tr.tracingId, label: tracingLabel(tr) })),
                },
              ]}
              toBody={(values) => ({ tracingId: chosenId(values, 'reunifiedTracingId') })}
              send={({ tracingId }, header) =>
                data(
                  nrm.POST('/api/cases/{id}/family-members/tracings/{tracingId}/reunification', {
                    params: { path: { id: view.caseId, tracingId }, header },
                  }),
                )
              }
            />
            <CommandForm<{ tracingId: string; body: Refusal }>
              caseId={view.caseId}
              revision={revision}
              onReload={onReload}
              variant="default"
              submitLabel={t('family.tracing.refuseSubmit')}
              fields={[
                {
                  name: 'refusedTracingId',
                  kind: 'select',
                  label: t('family.tracing.refuseAfter'),
                  required: true,
                  options: concluded.map((tr) => ({ value: tr.tracingId, label: tracingLabel(tr) })),
                },
                {
                  name: 'reason',
                  kind: 'select',
                  label: t('family.tracing.reason'),
                  required: true,
                  options: options(t, 'family.tracing.reasons', REASONS),
                },
                { name: 'refusalNotes', kind: 'textarea', label: t('family.tracing.refusalNotes') },
              ]}
              toBody={(values) => ({
                tracingId: chosenId(values, 'refusedTracingId'),
                body: { reason: required(REASONS, values.reason), notes: text(values, 'refusalNotes') },
              })}
              send={({ tracingId, body }, header) =>
                data(
                  nrm.POST('/api/cases/{id}/family-members/tracings/{tracingId}/reunification-refusal', {
                    params: { path: { id: view.caseId, tracingId }, header },
                    body,
                  }),
                )
              }
            />
          </>
        )}
      </Stack>
    </SectionCard>
  );
}
