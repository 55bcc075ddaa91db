import type { Schema } from '@nrm/api-client';
import { useSyncExternalStore } from 'react';

export type Role = Schema<'Role'>;

/** Who is signed in: from the session answer, never from the browser's storage. */
export interface SessionUser {
  userId: string;
  username: string;
  role: Role;
  agency?: string;
  country?: string;
}

export type SessionState =
  | { status: 'restoring' }
  | { status: 'signed-out'; reason?: 'expired' | 'signed-out' }
  | {
      status: 'signed-in';
      user: SessionUser;
      /** Kept in this module's memory only: a reload restores it from the httpOnly cookie. */
      accessToken: string;
      accessExpiresAt: number;
      sessionEndsAt: number;
    };

let state: SessionState = { status: 'restoring' };
const listeners = new Set<() => void>();

export const sessionStore = {
  get: (): SessionState => state,
  set(next: SessionState): void {
    state = next;
    for (const listener of listeners) listener();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  accessToken: (): string | undefined => (state.status === 'signed-in' ? state.accessToken : undefined),
};

export const useSessionState = (): SessionState =>
  useSyncExternalStore(sessionStore.subscribe, sessionStore.get);

/** The signed-in user; only for components under RequireSession. */
export function useUser(): SessionUser {
  const current = useSessionState();
  if (current.status !== 'signed-in') throw new Error('useUser outside a signed-in session');
  return current.user;
}
