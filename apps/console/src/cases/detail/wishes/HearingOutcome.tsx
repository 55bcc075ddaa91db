import { ENUM_VALUES, type RequestBody, type Schema } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { can } from '../../../access/can';
import { nrm } from '../../../api/nrm';
import { data } from '../../../api/problems';
import { useFormat } from '../../../i18n/format';
import { useUser } from '../../../session/session-store';
import { CommandForm } from '../common/CommandForm';
import { instant, required } from '../common/field-spec';
import { options } from '../common/options';

type Outcome = RequestBody<'/api/cases/{id}/hearings/{hearingId}/outcome', 'post'>;
type Hearing = Schema<'CaseView'>['prosecution']['hearings'][number];
const OUTCOMES = ENUM_VALUES['HearingOutcomeDto.outcome'];

/** A hearing's last recorded outcome, in words. */
export function useHearingOutcomeText(): (hearing: Hearing) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return ({ outcome }) => {
    if (!outcome) return t('wishes.hearing.pending');
    const name = t(`wishes.hearing.outcomeKinds.${outcome.outcome}`);
    return outcome.rescheduledFor
      ? t('wishes.hearing.rescheduled', { outcome: name, when: format.dateTime(outcome.rescheduledFor) })
      : name;
  };
}

/**
 * Records what became of a hearing (held, postponed with its new date, or cancelled), while none is
 * final yet. "Held" is refused while the person asked not to face the trafficker and no measure
 * sparing them was ordered for it (the refusal is explained above the form).
 */
export function HearingOutcomeForm({
  caseId,
  hearing,
  revision,
  onReload,
}: {
  caseId: string;
  hearing: Hearing;
  revision: number;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { role } = useUser();
  const final = hearing.outcome && hearing.outcome.outcome !== 'postponed';
  if (final || !can(role, 'POST /api/cases/{id}/hearings/{hearingId}/outcome')) return null;
  return (
    <CommandForm<Outcome>
      caseId={caseId}
      revision={revision}
      onReload={onReload}
      variant="default"
      submitLabel={t('wishes.hearing.formFor', { when: format.dateTime(hearing.scheduledFor) })}
      fields={[
        {
          name: 'outcome',
          kind: 'select',
          label: t('wishes.hearing.outcome'),
          required: true,
          options: options(t, 'wishes.hearing.outcomeKinds', OUTCOMES),
        },
        {
          name: 'rescheduledFor',
          kind: 'datetime',
          label: t('wishes.hearing.rescheduledFor'),
          description: t('wishes.hearing.rescheduledForHelp'),
        },
      ]}
      toBody={(values) => {
        const outcome = required(OUTCOMES, values.outcome);
        return {
          outcome,
          rescheduledFor: outcome === 'postponed' ? instant(values, 'rescheduledFor') : undefined,
        };
      }}
      send={(body, header) =>
        data(
          nrm.POST('/api/cases/{id}/hearings/{hearingId}/outcome', {
            params: { path: { id: caseId, hearingId: hearing.hearingId }, header },
            body,
          }),
        )
      }
    />
  );
}
