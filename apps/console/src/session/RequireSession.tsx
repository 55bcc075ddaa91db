import type { ReactNode } from 'react';
import { SignInPage } from '../auth/SignInPage';
import { Loading } from '../layout/Loading';
import { useSessionState } from './session-store';

/** Children only for a signed-in user; the sign-in form in place otherwise (the URL stays, for after). */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSessionState();
  if (session.status === 'restoring') return <Loading />;
  if (session.status === 'signed-out') return <SignInPage reason={session.reason} />;
  return <>{children}</>;
}
