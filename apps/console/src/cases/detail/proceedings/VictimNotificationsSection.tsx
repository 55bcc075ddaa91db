import { Stack, Text } from '@mantine/core';
import { ENUM_VALUES, type RequestBody } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { can } from '../../../access/can';
import { nrm } from '../../../api/nrm';
import { data } from '../../../api/problems';
import { useFormat } from '../../../i18n/format';
import { useUser } from '../../../session/session-store';
import { CommandForm } from '../common/CommandForm';
import { oneOf, required, text } from '../common/field-spec';
import { ListTable } from '../common/ListTable';
import { options } from '../common/options';
import type { SectionProps } from '../common/section-props';
import { SectionCard } from '../common/SectionCard';
import { NotifiedBadge } from './NotifiedBadge';
import { outcomeSteps } from './told-steps';

type Notification = RequestBody<'/api/cases/{id}/victim-notifications', 'post'>;
const STEPS = ENUM_VALUES['VictimNotificationDto.step'];
const CHANNELS = ENUM_VALUES['VictimNotificationDto.channel'];

/**
 * What the victim was told of the proceedings (Directive 2012/29/EU art. 6, CoE Convention art. 12(2)):
 * each outcome recorded, told or not yet, and every time they were told.
 */
export function VictimNotificationsSection({ view, revision, onReload }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { role } = useUser();
  const canRecord = can(role, 'POST /api/cases/{id}/victim-notifications');
  const { prosecution } = view;
  const steps = outcomeSteps(prosecution);
  const told = prosecution.victimNotifications;
  if (!canRecord && steps.length === 0 && told.length === 0) return null;
  const untold = steps.filter((step) => !step.notified).length;
  const subjects = [
    ...prosecution.proceedings.map((p) => ({
      value: p.proceedingId,
      label: t('proceedings.notifications.ofProceeding', { reference: p.reference }),
    })),
    ...prosecution.hearings.map((h) => ({
      value: h.hearingId,
      label: t('proceedings.notifications.ofHearing', { date: format.dateTime(h.scheduledFor) }),
    })),
    ...prosecution.compensationClaims.map((c) => ({
      value: c.claimId,
      label: t('proceedings.notifications.ofClaim', {
        against: t(`casework.compensationAgainst.${c.against}`),
      }),
    })),
  ];
  const subjectName = (id?: string) => subjects.find((s) => s.value === id)?.label ?? '—';
  return (
    <SectionCard title={t('proceedings.notifications.title')}>
      <Stack>
        {steps.length === 0 ? (
          <Text>{t('proceedings.notifications.noOutcome')}</Text>
        ) : (
          <>
            {untold > 0 && (
              <Text fw={600} role="status">
                {t('proceedings.notifications.untold', { count: untold })}
              </Text>
            )}
            <ListTable
              caption={t('proceedings.notifications.outcomes')}
              headers={[
                t('proceedings.notifications.step'),
                t('proceedings.notifications.concerns'),
                t('proceedings.notifications.recordedAt'),
                t('proceedings.notifications.state'),
              ]}
              rows={steps.map((step) => ({
                key: step.key,
                cells: [
                  t(`proceedings.steps.${step.step}`),
                  subjectName(step.relatesTo),
                  format.dateTime(step.at),
                  <NotifiedBadge key="state" notified={step.notified} />,
                ],
              }))}
            />
          </>
        )}
        {told.length > 0 && (
          <ListTable
            caption={t('proceedings.notifications.recorded')}
            headers={[
              t('proceedings.notifications.step'),
              t('proceedings.notifications.concerns'),
              t('proceedings.notifications.channel'),
              t('proceedings.notifications.notifiedAt'),
            ]}
            rows={told.map((notification) => ({
              key: notification.at + notification.step,
              cells: [
                t(`proceedings.steps.${notification.step}`),
                subjectName(notification.relatesTo),
                t(`proceedings.channels.${notification.channel}`),
                format.date(notification.notifiedAt),
              ],
            }))}
          />
        )}
        {canRecord && (
          <CommandForm<Notification>
            caseId={view.caseId}
            revision={revision}
            onReload={onReload}
            submitLabel={t('proceedings.notifications.record')}
            fields={[
              {
                name: 'step',
                kind: 'select',
                label: t('proceedings.notifications.step'),
                required: true,
                options: options(t, 'proceedings.steps', STEPS),
              },
              {
                name: 'relatesTo',
                kind: 'select',
                label: t('proceedings.notifications.concerns'),
                description: t('proceedings.notifications.concernsHelp'),
                options: subjects,
              },
              {
                name: 'channel',
                kind: 'select',
                label: t('proceedings.notifications.channel'),
                required: true,
                options: options(t, 'proceedings.channels', CHANNELS),
              },
              {
                name: 'notifiedAt',
                kind: 'date',
                label: t('proceedings.notifications.notifiedAt'),
                required: true,
              },
            ]}
            toBody={(values) => ({
              step: required(STEPS, values.step),
              relatesTo: oneOf(
                subjects.map((s) => s.value),
                values.relatesTo,
              ),
              channel: required(CHANNELS, values.channel),
              notifiedAt: text(values, 'notifiedAt') ?? '',
            })}
            send={(body, header) =>
              data(
                nrm.POST('/api/cases/{id}/victim-notifications', {
                  params: { path: { id: view.caseId }, header },
                  body,
                }),
              )
            }
          />
        )}
      </Stack>
    </SectionCard>
  );
}
