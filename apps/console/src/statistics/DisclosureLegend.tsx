import { Card, List, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** Why some cells say "suppressed": the method in words, with the threshold the API states. */
export function DisclosureLegend({ threshold }: { threshold: number }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Card withBorder component="section" aria-labelledby={titleId}>
      <Title order={3} size="h4" mb="xs" id={titleId}>
        {t('statistics.disclosure.title')}
      </Title>
      <List size="sm" spacing="xs">
        <List.Item>{t('statistics.disclosure.small', { max: threshold - 1, threshold })}</List.Item>
        <List.Item>{t('statistics.disclosure.complementary')}</List.Item>
        <List.Item>{t('statistics.disclosure.shown')}</List.Item>
        <List.Item>{t('statistics.disclosure.method')}</List.Item>
      </List>
    </Card>
  );
}
