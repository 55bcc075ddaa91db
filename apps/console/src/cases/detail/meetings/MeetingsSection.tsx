import { Stack, Text } from '@mantine/core';
import { ENUM_VALUES, type RequestBody } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { can } from '../../../access/can';
import { nrm } from '../../../api/nrm';
import { data } from '../../../api/problems';
import { useFormat } from '../../../i18n/format';
import { useUser } from '../../../session/session-store';
import { CommandForm } from '../common/CommandForm';
import { instant, required, several, text } from '../common/field-spec';
import { ListTable } from '../common/ListTable';
import { options } from '../common/options';
import type { SectionProps } from '../common/section-props';
import { SectionCard } from '../common/SectionCard';
import { agencyCodes } from './agency-codes';

type Meeting = RequestBody<'/api/cases/{id}/meetings', 'post'>;
const KINDS = ENUM_VALUES['TeamMeetingDto.kind'];
const TOPICS = ENUM_VALUES['TeamMeetingDto.topics'];
const ROLES = ENUM_VALUES['TeamMeetingDto.participantRoles'];

/**
 * Meetings of the case's multidisciplinary team and case conferences: when, who took part, what was on
 * the agenda and when the team reviews the case next (the team_review deadline), and the form to record one.
 */
export function MeetingsSection({ view, revision, onReload }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { role } = useUser();
  const meetings = view.meetings ?? [];
  const topicNames = (topics: string[]) => topics.map((topic) => t(`meetings.topics.${topic}`)).join(', ');
  return (
    <SectionCard title={t('meetings.title')} empty={meetings.length ? undefined : t('meetings.none')}>
      <Stack gap="sm">
        <Text size="sm">{t('meetings.explain')}</Text>
        {meetings.length > 0 && (
          <>
            <ListTable
              caption={t('meetings.recorded')}
              headers={[
                t('meetings.heldAt'),
                t('meetings.kind'),
                t('meetings.topicsLabel'),
                t('meetings.agencies'),
                t('meetings.nextReviewOn'),
              ]}
              rows={meetings.map((meeting) => ({
                key: meeting.meetingId,
                cells: [
                  format.dateTime(meeting.heldAt),
                  meeting.teamId
                    ? t('meetings.kindOfTeam', {
                        kind: t(`meetings.kinds.${meeting.kind}`),
                        team: meeting.teamId,
                      })
                    : t(`meetings.kinds.${meeting.kind}`),
                  topicNames(meeting.topics),
                  meeting.agencies.join(', '),
                  meeting.nextReviewOn ? format.date(meeting.nextReviewOn) : t('meetings.noReview'),
                ],
              }))}
            />
            <Text size="sm" c="dimmed">
              {t('meetings.decisionsHidden')}
            </Text>
          </>
        )}
        {can(role, 'POST /api/cases/{id}/meetings') && (
          <CommandForm<Meeting>
            caseId={view.caseId}
            revision={revision}
            onReload={onReload}
            submitLabel={t('meetings.form.submit')}
            fields={[
              {
                name: 'kind',
                kind: 'select',
                label: t('meetings.kind'),
                required: true,
                options: options(t, 'meetings.kinds', KINDS),
              },
              {
                name: 'heldAt',
                kind: 'datetime',
                label: t('meetings.heldAt'),
                description: t('meetings.form.heldAtHelp'),
              },
              {
                name: 'teamId',
                kind: 'text',
                label: t('meetings.form.teamId'),
                description: t('meetings.form.teamIdHelp'),
              },
              {
                name: 'agencies',
                kind: 'text',
                label: t('meetings.agencies'),
                required: true,
                description: t('meetings.form.agenciesHelp'),
              },
              {
                name: 'participantRoles',
                kind: 'multiselect',
                label: t('meetings.form.participantRoles'),
                options: options(t, 'meetings.roles', ROLES),
              },
              {
                name: 'topics',
                kind: 'checkboxes',
                label: t('meetings.topicsLabel'),
                description: t('meetings.form.topicsHelp'),
                options: options(t, 'meetings.topics', TOPICS),
              },
              {
                name: 'decisions',
                kind: 'textarea',
                label: t('meetings.form.decisions'),
                description: t('meetings.form.decisionsHelp'),
              },
              {
                name: 'nextReviewOn',
                kind: 'date',
                label: t('meetings.nextReviewOn'),
                description: t('meetings.form.nextReviewOnHelp'),
              },
            ]}
            toBody={(values) => {
              const roles = several(ROLES, values.participantRoles);
              return {
                kind: required(KINDS, values.kind),
                heldAt: instant(values, 'heldAt'),
                teamId: text(values, 'teamId'),
                agencies: agencyCodes(values, 'agencies'),
                participantRoles: roles.length ? roles : undefined,
                topics: several(TOPICS, values.topics),
                decisions: text(values, 'decisions'),
                nextReviewOn: text(values, 'nextReviewOn'),
              };
            }}
            send={(body, header) =>
              data(
                nrm.POST('/api/cases/{id}/meetings', { params: { path: { id: view.caseId }, header }, body }),
              )
            }
          />
        )}
      </Stack>
    </SectionCard>
  );
}
