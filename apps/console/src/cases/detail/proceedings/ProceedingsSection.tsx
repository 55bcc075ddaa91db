import { Stack } from '@mantine/core';
import { ENUM_VALUES, type RequestBody } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { can } from '../../../access/can';
import { nrm } from '../../../api/nrm';
import { data } from '../../../api/problems';
import { useFormat } from '../../../i18n/format';
import { useUser } from '../../../session/session-store';
import { CommandForm } from '../common/CommandForm';
import { flag, instant, required, several, text } from '../common/field-spec';
import { ListTable } from '../common/ListTable';
import { options } from '../common/options';
import type { SectionProps } from '../common/section-props';
import { SectionCard } from '../common/SectionCard';
import { chosen, itemOptions } from '../legal-status/item-options';
import { NotifiedBadge } from './NotifiedBadge';

type Opening = RequestBody<'/api/cases/{id}/proceedings', 'post'>;
type Stage = RequestBody<'/api/cases/{id}/proceedings/{proceedingId}/stage', 'post'>;
type Verdict = RequestBody<'/api/cases/{id}/proceedings/{proceedingId}/verdict', 'post'>;
type Closure = RequestBody<'/api/cases/{id}/proceedings/{proceedingId}/closure', 'post'>;
type Hearing = RequestBody<'/api/cases/{id}/hearings', 'post'>;
const STAGES = ENUM_VALUES['ProceedingDto.stage'];
const AUTHORITIES = ENUM_VALUES['ProceedingDto.authority'];
const OUTCOMES = ENUM_VALUES['VerdictDto.outcome'];
const CHARGES = ENUM_VALUES['VerdictDto.charges'];
const CLOSURES = ENUM_VALUES['ProceedingClosureDto.reason'];
const MEASURES = ENUM_VALUES['HearingDto.protectiveMeasures'];

/**
 * The criminal proceedings the victim takes part in: where each stands, its hearings, its verdicts
 * (each marked told or not told to the victim) and how it ended; the forms that record each step.
 */
export function ProceedingsSection({ view, revision, onReload }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { role } = useUser();
  const canRecord = can(role, 'POST /api/cases/{id}/proceedings');
  const proceedings = view.prosecution.proceedings;
  if (!canRecord && proceedings.length === 0) return null;
  const common = { caseId: view.caseId, revision, onReload };
  const open = itemOptions(
    t,
    proceedings,
    (p) => p.proceedingId,
    (p) => p.reference,
    (p) => p.closed === undefined,
  );
  const hearingsOf = (proceedingId: string) =>
    view.prosecution.hearings.filter((h) => h.proceedingId === proceedingId).length;
  const verdictsOf = (proceeding: (typeof proceedings)[number]) =>
    proceeding.verdicts.length === 0 ? (
      '—'
    ) : (
      <Stack gap={4}>
        {proceeding.verdicts.map((verdict) => (
          <span key={verdict.at}>
            {t('proceedings.verdictLine', {
              outcome: t(`proceedings.outcomes.${verdict.outcome}`),
              date: format.date(verdict.decidedAt),
              finality: t(verdict.final ? 'proceedings.final' : 'proceedings.appealable'),
            })}{' '}
            <NotifiedBadge notified={verdict.victimNotified} />
          </span>
        ))}
      </Stack>
    );
  const proceedingField = {
    name: 'proceedingId',
    kind: 'select' as const,
    label: t('proceedings.proceeding'),
    required: true,
    options: open,
  };
  const path = (proceedingId: string | undefined) => ({
    id: view.caseId,
    proceedingId: proceedingId ?? '',
  });
  return (
    <SectionCard
      title={t('proceedings.title')}
      empty={proceedings.length ? undefined : t('proceedings.none')}
    >
      <Stack>
        {proceedings.length > 0 && (
          <ListTable
            caption={t('proceedings.recorded')}
            headers={[
              t('proceedings.reference'),
              t('proceedings.stage'),
              t('proceedings.authority'),
              t('proceedings.openedAt'),
              t('proceedings.hearings'),
              t('proceedings.verdicts'),
              t('proceedings.closed'),
            ]}
            rows={proceedings.map((proceeding) => ({
              key: proceeding.proceedingId,
              cells: [
                proceeding.reference,
                t(`proceedings.stages.${proceeding.stage}`),
                t(`proceedings.authorities.${proceeding.authority}`),
                format.date(proceeding.openedAt),
                hearingsOf(proceeding.proceedingId),
                verdictsOf(proceeding),
                proceeding.closed
                  ? t('proceedings.closedLine', {
                      reason: t(`proceedings.closureReasons.${proceeding.closed.reason}`),
                      date: format.date(proceeding.closed.closedAt),
                    })
                  : t('proceedings.open'),
              ],
            }))}
          />
        )}
        {canRecord && (
          <>
            <CommandForm<Opening>
              {...common}
              submitLabel={t('proceedings.openOne')}
              fields={[
                {
                  name: 'reference',
                  kind: 'text',
                  label: t('proceedings.reference'),
                  required: true,
                  description: t('proceedings.referenceHelp'),
                },
                {
                  name: 'stage',
                  kind: 'select',
                  label: t('proceedings.stage'),
                  required: true,
                  options: options(t, 'proceedings.stages', STAGES),
                },
                {
                  name: 'authority',
                  kind: 'select',
                  label: t('proceedings.authority'),
                  required: true,
                  options: options(t, 'proceedings.authorities', AUTHORITIES),
                },
                { name: 'openedAt', kind: 'date', label: t('proceedings.openedAt'), required: true },
              ]}
              toBody={(values) => ({
                reference: text(values, 'reference') ?? '',
                stage: required(STAGES, values.stage),
                authority: required(AUTHORITIES, values.authority),
                openedAt: text(values, 'openedAt') ?? '',
              })}
              send={(body, header) =>
                data(
                  nrm.POST('/api/cases/{id}/proceedings', {
                    params: { path: { id: view.caseId }, header },
                    body,
                  }),
                )
              }
            />
          </>
        )}
        {canRecord && open.length > 0 && (
          <>
            <CommandForm<Stage & { proceedingId?: string }>
              {...common}
              submitLabel={t('proceedings.advance')}
              fields={[
                proceedingField,
                {
                  name: 'stage',
                  kind: 'select',
                  label: t('proceedings.newStage'),
                  required: true,
                  options: options(t, 'proceedings.stages', STAGES),
                },
                {
                  name: 'authority',
                  kind: 'select',
                  label: t('proceedings.authority'),
                  required: true,
                  options: options(t, 'proceedings.authorities', AUTHORITIES),
                },
                { name: 'advancedAt', kind: 'date', label: t('proceedings.advancedAt'), required: true },
              ]}
              toBody={(values) => ({
                proceedingId: chosen(values.proceedingId),
                stage: required(STAGES, values.stage),
                authority: required(AUTHORITIES, values.authority),
                advancedAt: text(values, 'advancedAt') ?? '',
              })}
              send={({ proceedingId, ...body }, header) =>
                data(
                  nrm.POST('/api/cases/{id}/proceedings/{proceedingId}/stage', {
                    params: { path: path(proceedingId), header },
                    body,
                  }),
                )
              }
            />
            <CommandForm<Hearing>
              {...common}
              submitLabel={t('proceedings.scheduleHearing')}
              fields={[
                proceedingField,
                {
                  name: 'scheduledFor',
                  kind: 'datetime',
                  label: t('proceedings.hearingAt'),
                  required: true,
                },
                {
                  name: 'protectiveMeasures',
                  kind: 'multiselect',
                  label: t('proceedings.measures'),
                  options: options(t, 'casework.measureKinds', MEASURES),
                },
              ]}
              defaults={{ protectiveMeasures: [] }}
              toBody={(values) => ({
                proceedingId: chosen(values.proceedingId),
                scheduledFor: instant(values, 'scheduledFor') ?? '',
                protectiveMeasures: several(MEASURES, values.protectiveMeasures),
              })}
              send={(body, header) =>
                data(
                  nrm.POST('/api/cases/{id}/hearings', {
                    params: { path: { id: view.caseId }, header },
                    body,
                  }),
                )
              }
            />
            <CommandForm<Verdict & { proceedingId?: string }>
              {...common}
              submitLabel={t('proceedings.recordVerdict')}
              fields={[
                proceedingField,
                {
                  name: 'outcome',
                  kind: 'select',
                  label: t('proceedings.outcome'),
                  required: true,
                  options: options(t, 'proceedings.outcomes', OUTCOMES),
                },
                {
                  name: 'charges',
                  kind: 'multiselect',
                  label: t('proceedings.charges'),
                  required: true,
                  options: options(t, 'proceedings.chargeKinds', CHARGES),
                  searchable: true,
                },
                { name: 'decidedAt', kind: 'date', label: t('proceedings.decidedAt'), required: true },
                {
                  name: 'final',
                  kind: 'checkbox',
                  label: t('proceedings.finalLabel'),
                  description: t('proceedings.finalHelp'),
                },
              ]}
              defaults={{ charges: [], final: false }}
              toBody={(values) => ({
                proceedingId: chosen(values.proceedingId),
                outcome: required(OUTCOMES, values.outcome),
                charges: several(CHARGES, values.charges),
                decidedAt: text(values, 'decidedAt') ?? '',
                final: flag(values, 'final'),
              })}
              send={({ proceedingId, ...body }, header) =>
                data(
                  nrm.POST('/api/cases/{id}/proceedings/{proceedingId}/verdict', {
                    params: { path: path(proceedingId), header },
                    body,
                  }),
                )
              }
            />
            <CommandForm<Closure & { proceedingId?: string }>
              {...common}
              submitLabel={t('proceedings.close')}
              variant="default"
              fields={[
                proceedingField,
                {
                  name: 'reason',
                  kind: 'select',
                  label: t('proceedings.closureReason'),
                  required: true,
                  options: options(t, 'proceedings.closureReasons', CLOSURES),
                },
                { name: 'closedAt', kind: 'date', label: t('proceedings.closedAt'), required: true },
              ]}
              toBody={(values) => ({
                proceedingId: chosen(values.proceedingId),
                reason: required(CLOSURES, values.reason),
                closedAt: text(values, 'closedAt') ?? '',
              })}
              send={({ proceedingId, ...body }, header) =>
                data(
                  nrm.POST('/api/cases/{id}/proceedings/{proceedingId}/closure', {
                    params: { path: path(proceedingId), header },
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
