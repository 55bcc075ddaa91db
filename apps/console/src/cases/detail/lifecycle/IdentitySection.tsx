import type { RequestBody } from '@nrm/api-client';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { can } from '../../../access/can';
import { nrm } from '../../../api/nrm';
import { data } from '../../../api/problems';
import { useFormat } from '../../../i18n/format';
import { useUser } from '../../../session/session-store';
import { CommandForm } from '../common/CommandForm';
import { text } from '../common/field-spec';
import type { SectionProps } from '../common/section-props';
import { SectionCard } from '../common/SectionCard';

type Identity = RequestBody<'/api/cases/{id}/identity', 'post'>;

/** A person registered under a pseudonym: their identity, recorded once they give it. */
export function IdentitySection({ view, revision, onReload }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { role } = useUser();
  const pseudonym = view.pseudonym;
  if (!pseudonym) return null;
  const recordedAt = pseudonym.identityRecordedAt;
  const canSend = !recordedAt && can(role, 'POST /api/cases/{id}/identity');
  return (
    <SectionCard title={t('lifecycles.identity.title')}>
      <Text>
        {recordedAt
          ? t('lifecycles.identity.recorded', { at: format.dateTime(recordedAt) })
          : t('lifecycles.identity.pending')}
      </Text>
      {canSend && (
        <CommandForm<Identity>
          caseId={view.caseId}
          revision={revision}
          onReload={onReload}
          submitLabel={t('lifecycles.identity.record')}
          fields={[
            { name: 'givenName', kind: 'text', label: t('person.givenName'), required: true },
            { name: 'familyName', kind: 'text', label: t('person.familyName'), required: true },
            { name: 'dateOfBirth', kind: 'date', label: t('person.dateOfBirth') },
          ]}
          toBody={(values) => ({
            givenName: text(values, 'givenName') ?? '',
            familyName: text(values, 'familyName') ?? '',
            dateOfBirth: text(values, 'dateOfBirth'),
          })}
          send={(body, header) =>
            data(
              nrm.POST('/api/cases/{id}/identity', { params: { path: { id: view.caseId }, header }, body }),
            )
          }
        />
      )}
    </SectionCard>
  );
}
