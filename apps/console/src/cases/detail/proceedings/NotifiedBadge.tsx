import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Whether the victim was told of a step with an outcome (Directive 2012/29/EU art. 6). */
export function NotifiedBadge({ notified }: { notified: boolean }) {
  const { t } = useTranslation();
  return (
    // Told: quiet (dark outline); not told yet: stands out (filled red), both at AA contrast.
    <Badge color={notified ? 'dark' : 'red.9'} variant={notified ? 'outline' : 'filled'}>
      {notified ? t('proceedings.notified') : t('proceedings.notNotified')}
    </Badge>
  );
}
