import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Whether the victim was told of a step with an outcome (Directive 2012/29/EU art. 6). */
export function NotifiedBadge({ notified }: { notified: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={notified ? 'green' : 'orange'} variant="light">
      {notified ? t('proceedings.notified') : t('proceedings.notNotified')}
    </Badge>
  );
}
