import { useTranslation } from 'react-i18next';
import { useCaseEvents } from '../cases/detail/use-case-events';
import { useFormat } from '../i18n/format';

/** The case's revisions as choices, "rev N — event — date", from its history (oldest first). */
export function useRevisionOptions(caseId: string): { value: string; label: string }[] {
  const { t } = useTranslation();
  const format = useFormat();
  const events = useCaseEvents(caseId);
  return (events.data?.items ?? []).map((event) => ({
    value: String(event.revision),
    label: t('timetravel.revisionOption', {
      revision: event.revision,
      event: t(`events.${event.type}`, { defaultValue: event.type }),
      when: format.dateTime(event.occurredAt),
    }),
  }));
}
