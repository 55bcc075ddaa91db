import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOnline } from '../api/connection-store';

/** Shown while the node does not answer; forms keep what was typed, so nothing is lost. */
export function ConnectionBanner() {
  const online = useOnline();
  const { t } = useTranslation();
  if (online) return null;
  return (
    <Alert color="orange" title={t('connection.lostTitle')} mb="md" role="alert">
      {t('connection.lostBody')}
    </Alert>
  );
}
