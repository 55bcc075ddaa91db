import { Code, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { shortened, valueText, wholeValueText } from './change-value';

/** One side of a change as text; a long value cut, the whole of it in a disclosure (keyboard-usable). */
export function ChangeValue({ value }: { value: unknown }) {
  const { t } = useTranslation();
  const text = valueText(value);
  if (text === undefined)
    return (
      <Text span size="sm" c="dimmed">
        {t('timetravel.changes.absent')}
      </Text>
    );
  const short = shortened(text);
  if (short === undefined)
    return (
      <Text span size="sm" ff="monospace">
        {text}
      </Text>
    );
  return (
    <details>
      <summary>
        <Text span size="sm" ff="monospace">
          {short}
        </Text>{' '}
        <Text span size="xs" c="dimmed">
          ({t('timetravel.changes.showAll')})
        </Text>
      </summary>
      <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {wholeValueText(value)}
      </Code>
    </details>
  );
}
