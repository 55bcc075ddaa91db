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

/**
 * For the selects of revisions: their options exist only while the list is open (Mantine keeps them
 * in the page, hidden, by default). Each names an event, and the history must stay the one place in the
 * page that does: for find-in-page, a screen reader's browse mode and text queries alike.
 */
export const OPTIONS_WHILE_OPEN = { keepMounted: false } as const;
