import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2}>{t('problems.forbiddenTitle')}</Title>
      <Text>{t('problems.forbiddenBody')}</Text>
    </Stack>
  );
}
