import { ENUM_VALUES, type RequestBody } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { can } from '../../../access/can';
import { nrm } from '../../../api/nrm';
import { data } from '../../../api/problems';
import { useFormat } from '../../../i18n/format';
import { useUser } from '../../../session/session-store';
import { CommandForm } from '../common/CommandForm';
import { oneOf, several } from '../common/field-spec';
import { ListTable } from '../common/ListTable';
import { options } from '../common/options';
import type { SectionProps } from '../common/section-props';
import { SectionCard } from '../common/SectionCard';

type Measures = RequestBody<'/api/cases/{id}/protective-measures', 'post'>;
const MEASURES = ENUM_VALUES['ProtectiveMeasuresDto.measures'];

/** Protective measures ordered for the person, for a hearing or in general. */
export function ProtectiveMeasuresSection({ view, revision, onReload }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { role } = useUser();
  const canSend = can(role, 'POST /api/cases/{id}/protective-measures');
  const { protectiveMeasures, hearings } = view.prosecution;
  const hearingIds = hearings.map((hearing) => hearing.hearingId);
  return (
    <SectionCard
      title={t('casework.measures.title')}
      empty={protectiveMeasures.length ? undefined : t('casework.measures.none')}
    >
      {protectiveMeasures.length > 0 && (
        <ListTable
          caption={t('casework.measures.recorded')}
          headers={[t('casework.measures.title'), t('casework.measures.hearing'), t('casework.common.at')]}
          rows={protectiveMeasures.map((entry) => ({
            key: entry.at,
            cells: [
              entry.measures.map((measure) => t(`casework.measureKinds.${measure}`)).join(', '),
              entry.hearingId ?? '—',
              format.dateTime(entry.at),
            ],
          }))}
        />
      )}
      {canSend && (
        <CommandForm<Measures>
          caseId={view.caseId}
          revision={revision}
          onReload={onReload}
          submitLabel={t('casework.measures.record')}
          fields={[
            {
              name: 'measures',
              kind: 'multiselect',
              label: t('casework.measures.title'),
              required: true,
              options: options(t, 'casework.measureKinds', MEASURES),
            },
            {
              name: 'hearingId',
              kind: 'select',
              label: t('casework.measures.hearing'),
              options: hearings.map((hearing) => ({
                value: hearing.hearingId,
                label: format.dateTime(hearing.scheduledFor),
              })),
            },
          ]}
          defaults={{ measures: [] }}
          toBody={(values) => ({
            measures: several(MEASURES, values.measures),
            hearingId: oneOf(hearingIds, values.hearingId),
          })}
          send={(body, header) =>
            data(
              nrm.POST('/api/cases/{id}/protective-measures', {
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
