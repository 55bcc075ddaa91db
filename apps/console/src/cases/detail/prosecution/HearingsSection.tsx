import { ENUM_VALUES, type RequestBody } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { can } from '../../../access/can';
import { nrm } from '../../../api/nrm';
import { data } from '../../../api/problems';
import { useFormat } from '../../../i18n/format';
import { useUser } from '../../../session/session-store';
import { CommandForm } from '../common/CommandForm';
import { instant, several } from '../common/field-spec';
import { ListTable } from '../common/ListTable';
import { options } from '../common/options';
import type { SectionProps } from '../common/section-props';
import { SectionCard } from '../common/SectionCard';
import { HearingOutcomeForm, useHearingOutcomeText } from '../wishes/HearingOutcome';

type Hearing = RequestBody<'/api/cases/{id}/hearings', 'post'>;
const MEASURES = ENUM_VALUES['HearingDto.protectiveMeasures'];

/** Hearings the person attends, with the protection asked for each. */
export function HearingsSection({ view, revision, onReload }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { role } = useUser();
  const canSend = can(role, 'POST /api/cases/{id}/hearings');
  const hearings = view.prosecution.hearings;
  const outcomeOf = useHearingOutcomeText();
  return (
    <SectionCard
      title={t('casework.hearings.title')}
      empty={hearings.length ? undefined : t('casework.hearings.none')}
    >
      {hearings.length > 0 && (
        <ListTable
          caption={t('casework.hearings.recorded')}
          headers={[
            t('casework.hearings.scheduledFor'),
            t('casework.measures.title'),
            t('wishes.hearing.outcome'),
            t('casework.hearings.id'),
          ]}
          rows={hearings.map((hearing) => ({
            key: hearing.hearingId,
            cells: [
              format.dateTime(hearing.scheduledFor),
              hearing.protectiveMeasures.map((measure) => t(`casework.measureKinds.${measure}`)).join(', ') ||
                '—',
              outcomeOf(hearing),
              hearing.hearingId,
            ],
          }))}
        />
      )}
      {hearings.map((hearing) => (
        <HearingOutcomeForm
          key={hearing.hearingId}
          caseId={view.caseId}
          hearing={hearing}
          revision={revision}
          onReload={onReload}
        />
      ))}
      {canSend && (
        <CommandForm<Hearing>
          caseId={view.caseId}
          revision={revision}
          onReload={onReload}
          submitLabel={t('casework.hearings.record')}
          fields={[
            {
              name: 'scheduledFor',
              kind: 'datetime',
              label: t('casework.hearings.scheduledFor'),
              required: true,
            },
            {
              name: 'protectiveMeasures',
              kind: 'multiselect',
              label: t('casework.measures.title'),
              options: options(t, 'casework.measureKinds', MEASURES),
            },
          ]}
          defaults={{ protectiveMeasures: [] }}
          toBody={(values) => ({
            scheduledFor: instant(values, 'scheduledFor') ?? '',
            protectiveMeasures: several(MEASURES, values.protectiveMeasures),
          })}
          send={(body, header) =>
            data(
              nrm.POST('/api/cases/{id}/hearings', { params: { path: { id: view.caseId }, header }, body }),
            )
          }
        />
      )}
    </SectionCard>
  );
}
