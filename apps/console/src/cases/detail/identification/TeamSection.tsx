import { List } from '@mantine/core';
import type { RequestBody } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { can } from '../../../access/can';
import { nrm } from '../../../api/nrm';
import { data } from '../../../api/problems';
import { useUser } from '../../../session/session-store';
import { CommandForm } from '../common/CommandForm';
import { text } from '../common/field-spec';
import type { SectionProps } from '../common/section-props';
import { SectionCard } from '../common/SectionCard';

type TeamMember = RequestBody<'/api/cases/{id}/team-members', 'post'>;

/** The multidisciplinary team: the agencies whose operators see the case. */
export function TeamSection({ view, revision, onReload }: SectionProps) {
  const { t } = useTranslation();
  const { role } = useUser();
  const canSend = can(role, 'POST /api/cases/{id}/team-members');
  return (
    <SectionCard
      title={t('casework.team.title')}
      empty={view.agencies.length ? undefined : t('casework.team.none')}
    >
      {view.agencies.length > 0 && (
        <List mb="sm" aria-label={t('casework.team.agencies')}>
          {view.agencies.map((agency) => (
            <List.Item key={agency}>{agency}</List.Item>
          ))}
        </List>
      )}
      {canSend && (
        <CommandForm<TeamMember>
          caseId={view.caseId}
          revision={revision}
          onReload={onReload}
          submitLabel={t('casework.team.add')}
          fields={[
            {
              name: 'agency',
              kind: 'text',
              label: t('casework.team.agency'),
              description: t('casework.common.agencyCode'),
              required: true,
            },
          ]}
          toBody={(values) => ({ agency: text(values, 'agency') ?? '' })}
          send={(body, header) =>
            data(
              nrm.POST('/api/cases/{id}/team-members', {
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
