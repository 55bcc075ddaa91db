import { ENUM_VALUES, type RequestBody } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { can } from '../../../access/can';
import { nrm } from '../../../api/nrm';
import { data } from '../../../api/problems';
import { useFormat } from '../../../i18n/format';
import { useUser } from '../../../session/session-store';
import { CommandForm } from '../common/CommandForm';
import { required } from '../common/field-spec';
import { FactsTable } from '../../../layout/FactsTable';
import { options } from '../common/options';
import type { SectionProps } from '../common/section-props';
import { SectionCard } from '../common/SectionCard';

type NonPunishment = RequestBody<'/api/cases/{id}/non-punishment', 'post'>;
const BASES = ENUM_VALUES['NonPunishmentDto.basis'];

/** The non-punishment principle invoked: offences the person was compelled to commit. */
export function NonPunishmentSection({ view, revision, onReload }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { role } = useUser();
  const canSend = can(role, 'POST /api/cases/{id}/non-punishment');
  const invoked = view.prosecution.nonPunishment;
  if (!invoked && !canSend) return null;
  return (
    <SectionCard
      title={t('casework.nonPunishment.title')}
      empty={invoked ? undefined : t('casework.nonPunishment.none')}
    >
      {invoked && (
        <FactsTable
          rows={[
            [t('casework.nonPunishment.basis'), t(`casework.nonPunishmentBases.${invoked.basis}`)],
            [t('casework.common.at'), format.dateTime(invoked.at)],
          ]}
        />
      )}
      {canSend && (
        <CommandForm<NonPunishment>
          caseId={view.caseId}
          revision={revision}
          onReload={onReload}
          submitLabel={t('casework.nonPunishment.record')}
          fields={[
            {
              name: 'basis',
              kind: 'select',
              label: t('casework.nonPunishment.basis'),
              required: true,
              options: options(t, 'casework.nonPunishmentBases', BASES),
            },
          ]}
          toBody={(values) => ({ basis: required(BASES, values.basis) })}
          send={(body, header) =>
            data(
              nrm.POST('/api/cases/{id}/non-punishment', {
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
