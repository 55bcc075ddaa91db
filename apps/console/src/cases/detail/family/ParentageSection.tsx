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

type Start = RequestBody<'/api/cases/{id}/family-members/{memberId}/parentage-recognitions', 'post'>;
type Step = RequestBody<'/api/cases/{id}/family-members/parentage-recognitions/{proceedingId}/steps', 'post'>;
type Conclusion = RequestBody<
  '/api/cases/{id}/family-members/parentage-recognitions/{proceedingId}/conclusion',
  'post'
>;
const STEPS = ENUM_VALUES['ParentageStepDto.step'];
const OUTCOMES = ENUM_VALUES['ParentageConclusionDto.outcome'];

/** The legal steps to have the mother recognised as the parent of a child born in this country. */
export function ParentageSection({ view, revision, onReload }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { role } = useUser();
  const canSend = can(role, 'POST /api/cases/{id}/family-members/{memberId}/parentage-recognitions');
  const members = membersOf(view);
  const born = members.filter((m) => m.relation === 'child' && m.bornInDestination);
  const proceedings = view.family?.parentage ?? [];
  if (proceedings.length === 0 && !(canSend && born.length > 0)) return null;
  const open = proceedings.filter((p) => !p.outcome);
  const proceedingOptions = open.map((p) => ({
    value: p.proceedingId,
    label: t('family.parentage.proceedingLabel', {
      member: memberLabel(t, members, p.memberId),
      authority: p.authority,
    }),
  }));
  return (
    <SectionCard
      title={t('family.parentage.title')}
      empty={proceedings.length ? undefined : t('family.parentage.none')}
    >
      <Stack>
        {proceedings.length > 0 && (
          <ListTable
            caption={t('family.parentage.recorded')}
            headers={[
              t('family.member'),
              t('family.parentage.authority'),
              t('family.parentage.steps'),
              t('family.parentage.outcome'),
            ]}
            rows={proceedings.map((p) => ({
              key: p.proceedingId,
              cells: [
                memberLabel(t, members, p.memberId),
                p.authority,
                p.steps.map((s) => t(`family.parentage.stepNames.${s.step}`)).join(', ') || '—',
                p.outcome
                  ? `${t(`family.parentage.outcomes.${p.outcome}`)} (${format.dateTime(p.concludedAt ?? p.startedAt)})`
                  : t('family.parentage.underWay'),
              ],
            }))}
          />
        )}
        {canSend && born.length > 0 && (
          <>
            <Divider />
            <Title order={4} size="h5">
              {t('family.parentage.start')}
            </Title>
            <CommandForm<{ memberId: string; body: Start }>
              caseId={view.caseId}
              revision={revision}
              onReload={onReload}
              submitLabel={t('family.parentage.startSubmit')}
              fields={[
                {
                  name: 'memberId',
                  kind: 'select',
                  label: t('family.parentage.child'),
                  required: true,
                  options: memberOptions(t, members, born),
                },
                { name: 'authority', kind: 'text', label: t('family.parentage.authority'), required: true },
              ]}
              toBody={(values) => ({
                memberId: chosenId(values, 'memberId'),
                body: { authority: text(values, 'authority') ?? '' },
              })}
              send={({ memberId, body }, header) =>
                data(
                  nrm.POST('/api/cases/{id}/family-members/{memberId}/parentage-recognitions', {
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
              {t('family.parentage.recordStep')}
            </Title>
            <CommandForm<{ proceedingId: string; body: Step }>
              caseId={view.caseId}
              revision={revision}
              onReload={onReload}
              submitLabel={t('family.parentage.recordStepSubmit')}
              fields={[
                {
                  name: 'proceedingId',
                  kind: 'select',
                  label: t('family.parentage.proceeding'),
                  required: true,
                  options: proceedingOptions,
                },
                {
                  name: 'step',
                  kind: 'select',
                  label: t('family.parentage.step'),
                  required: true,
                  options: options(t, 'family.parentage.stepNames', STEPS),
                },
                { name: 'stepNotes', kind: 'textarea', label: t('family.parentage.notes') },
              ]}
              toBody={(values) => ({
                proceedingId: chosenId(values, 'proceedingId'),
                body: { step: required(STEPS, values.step), notes: text(values, 'stepNotes') },
              })}
              send={({ proceedingId, body }, header) =>
                data(
                  nrm.POST('/api/cases/{id}/family-members/parentage-recognitions/{proceedingId}/steps', {
                    params: { path: { id: view.caseId, proceedingId }, header },
                    body,
                  }),
                )
              }
            />
            <Divider />
            <Title order={4} size="h5">
              {t('family.parentage.conclude')}
            </Title>
            <CommandForm<{ proceedingId: string; body: Conclusion }>
              caseId={view.caseId}
              revision={revision}
              onReload={onReload}
              submitLabel={t('family.parentage.concludeSubmit')}
              fields={[
                {
                  name: 'concludedProceedingId',
                  kind: 'select',
                  label: t('family.parentage.proceedingToConclude'),
                  required: true,
                  options: proceedingOptions,
                },
                {
                  name: 'outcome',
                  kind: 'select',
                  label: t('family.parentage.outcome'),
                  required: true,
                  options: options(t, 'family.parentage.outcomes', OUTCOMES),
                },
              ]}
              toBody={(values) => ({
                proceedingId: chosenId(values, 'concludedProceedingId'),
                body: { outcome: required(OUTCOMES, values.outcome) },
              })}
              send={({ proceedingId, body }, header) =>
                data(
                  nrm.POST(
                    '/api/cases/{id}/family-members/parentage-recognitions/{proceedingId}/conclusion',
                    { params: { path: { id: view.caseId, proceedingId }, header }, body },
                  ),
                )
              }
            />
          </>
        )}
      </Stack>
    </SectionCard>
  );
}
