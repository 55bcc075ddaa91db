import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SignInPage } from '../auth/SignInPage';
import { useSessionState } from './session-store';

/** Children only for a signed-in user; the sign-in form in place otherwise (the URL stays, for after). */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSessionState();
  const { t } = useTranslation();
  if (session.status === 'restoring')
    return (
      <Center h="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (session.status === 'signed-out') return <SignInPage reason={session.reason} />;
  return <>{children}</>;
}
