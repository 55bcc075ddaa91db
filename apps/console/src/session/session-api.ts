import type { ResponseBody } from '@nrm/api-client';
import { nrm, onUnauthorised } from '../api/nrm';
import { data } from '../api/problems';
import { providerSignOutUrl } from '../oidc/oidc-session';
import { sessionStore } from './session-store';

type BrowserSession = ResponseBody<'/api/auth/session', 'post'>;

/** Refresh this long before the access token expires, so a request never carries an expired one. */
const REFRESH_MARGIN_MS = 60_000;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let inFlight: Promise<boolean> | undefined;
/** Counts sign-ins and sign-outs: a refresh answered after one of them speaks of a session that is gone. */
let generation = 0;

function adopt(answer: BrowserSession): void {
  generation += 1;
  const now = Date.now();
  const previous = sessionStore.get();
  let sessionEndsAt = now + answer.sessionExpiresIn * 1000;
  // A refresh does not move the session's end (8 h after sign-in); the node answers it in whole seconds,
  // so keep the instant already known rather than one that jitters (the warning's dismissal is keyed by it).
  if (previous.status === 'signed-in' && Math.abs(previous.sessionEndsAt - sessionEndsAt) < 5_000)
    sessionEndsAt = previous.sessionEndsAt;
  sessionStore.set({
    status: 'signed-in',
    user: answer.user,
    accessToken: answer.accessToken,
    accessExpiresAt: now + answer.expiresIn * 1000,
    sessionEndsAt,
  });
  clearTimeout(refreshTimer);
  const wait = Math.max(5_000, answer.expiresIn * 1000 - REFRESH_MARGIN_MS);
  // The access token cannot outlive the session: no refresh is scheduled past its end.
  if (answer.sessionExpiresIn * 1000 > wait) refreshTimer = setTimeout(() => void refreshSession(), wait);
}

function end(reason: 'expired' | 'signed-out'): void {
  generation += 1;
  clearTimeout(refreshTimer);
  sessionStore.set({ status: 'signed-out', reason });
}

// A token the node no longer accepts (signed out everywhere, expired while asleep): get a new one from
// the cookie, or end the session if that fails too.
onUnauthorised(() => void refreshSession());

/** Signs in with a local account: the refresh token goes to an httpOnly cookie JavaScript never sees. */
export async function signIn(username: string, password: string): Promise<void> {
  adopt(await data(nrm.POST('/api/auth/session', { body: { username, password } })));
}

/**
 * Exchanges the session cookie for a new access token. Tabs share the cookie, and a refresh token used
 * twice ends the session (theft detection), so refreshes are serialised across tabs with a Web Lock.
 */
export function refreshSession(): Promise<boolean> {
  inFlight ??= (async () => {
    const asked = generation;
    const exchange = async (): Promise<boolean> => {
      const result = await nrm.POST('/api/auth/session/refresh', {});
      // A sign-in (or out) while this was on its way decides; this answer is about what came before.
      if (generation !== asked) return sessionStore.get().status === 'signed-in';
      if (result.data) adopt(result.data);
      else end(sessionStore.get().status === 'signed-in' ? 'expired' : 'signed-out');
      return result.data !== undefined;
    };
    try {
      return navigator.locks ? await navigator.locks.request('nrm-session', exchange) : await exchange();
    } catch {
      // Unreachable node: keep what we have; the banner says so and the next request tries again.
      if (sessionStore.get().status === 'restoring') end('signed-out');
      return false;
    } finally {
      inFlight = undefined;
    }
  })();
  return inFlight;
}

/**
 * Ends this browser's session (the cookie's) on the node and, for a session of the identity provider,
 * leaves for the provider to end its session too (it comes back to the console's sign-in page).
 */
export async function signOut(): Promise<void> {
  const atProvider = providerSignOutUrl(window.location.origin);
  try {
    await nrm.DELETE('/api/auth/session', {});
  } finally {
    end('signed-out');
    if (atProvider) window.location.assign(atProvider);
  }
}

/** Ends every session of the user, on every device. */
export async function signOutEverywhere(): Promise<void> {
  await data(nrm.DELETE('/api/auth/sessions', {}));
  end('signed-out');
}
