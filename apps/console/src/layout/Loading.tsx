import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A spinner screen readers announce ("Loading"), as a live status rather than a bare image. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <Center role="status" aria-label={t('common.loading')} p="md">
      <Loader />
    </Center>
  );
}
