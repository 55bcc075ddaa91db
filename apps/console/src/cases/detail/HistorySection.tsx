import { Card, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../errors/ProblemAlert';
import { useFormat } from '../../i18n/format';
import { Loading } from '../../layout/Loading';
import { useCaseEvents } from './use-case-events';

/** The case's events as a timeline: who (role and agency), when, what — straight from the log. */
export function HistorySection({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useCaseEvents(caseId);
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        {t('history.title')}
      </Title>
      {history.isPending && <Loading />}
      {history.isError && <ProblemAlert error={history.error} />}
      {history.data && (
        <Timeline active={history.data.items.length - 1} bulletSize={14} lineWidth={2}>
          {history.data.items.map((event) => (
            <Timeline.Item
              key={event.eventId}
              title={t(`events.${event.type}`, { defaultValue: event.type })}
            >
              <Text size="sm">
                {format.dateTime(event.occurredAt)} ·{' '}
                {t(`roles.${event.actor.role}`, { defaultValue: event.actor.role })}
                {event.actor.agency ? ` · ${event.actor.agency}` : ''}
              </Text>
              <Text size="xs" c="dimmed">
                {t('history.revision', { revision: event.revision })}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Card>
  );
}
