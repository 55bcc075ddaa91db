import { Button, Group, Modal, Text } from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { signOut } from './session-api';
import { useSessionState } from './session-store';

/** How long before the session's end the warning shows (a session cannot be extended past 8 h). */
const WARN_BEFORE_MS = 5 * 60_000;

/** Warns before the session ends, so nobody loses what they are typing to a sudden sign-out. */
export function SessionExpiryWarning() {
  const session = useSessionState();
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  const [dismissedFor, setDismissedFor] = useState<number>();
  useInterval(() => setNow(Date.now()), 1000, { autoInvoke: true });
  if (session.status !== 'signed-in') return null;
  const left = session.sessionEndsAt - now;
  const open = left <= WARN_BEFORE_MS && dismissedFor !== session.sessionEndsAt;
  const minutes = Math.max(0, Math.ceil(left / 60_000));
  return (
    <Modal
      opened={open}
      onClose={() => setDismissedFor(session.sessionEndsAt)}
      title={t('session.endingTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Text mb="md">{t('session.endingBody', { count: minutes })}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={() => void signOut()}>
          {t('session.signOutNow')}
        </Button>
        <Button onClick={() => setDismissedFor(session.sessionEndsAt)}>{t('session.continue')}</Button>
      </Group>
    </Modal>
  );
}
