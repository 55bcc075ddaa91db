import { createNrmClient } from '@nrm/api-client';
import { sessionStore, type SessionUser } from '../session/session-store';
import { OidcError } from './oidc-error';
import { refreshTokens, type ProviderTokens } from './token-endpoint';

/** Renew this long before the provider's access token expires (as the local session does). */
const RENEW_MARGIN_MS = 60_000;

/**
 * What renewal needs, in this module's memory only (never storage): a reload or another tab starts
 * without it and signs in again (the provider's own session usually makes that one click).
 */
interface Renewal {
  accessToken: string;
  refreshToken?: string;
  tokenEndpoint: string;
  endSessionEndpoint?: string;
  clientId: string;
  timer?: ReturnType<typeof setTimeout>;
}

/** The provider this session came from: what renewing and signing out there take. */
interface ProviderSide {
  tokenEndpoint: string;
  endSessionEndpoint?: string;
  clientId: string;
}
let renewal: Renewal | undefined;

function forget(): void {
  if (renewal) clearTimeout(renewal.timer);
  renewal = undefined;
}

// Signing out (or any other change of the session's token) drops the provider's tokens with it.
sessionStore.subscribe(() => {
  if (renewal && sessionStore.accessToken() !== renewal.accessToken) forget();
});

/** The node says who the provider's token makes the user; a token it refuses ends the sign-in. */
async function whoAmI(accessToken: string): Promise<SessionUser> {
  const node = createNrmClient({ baseUrl: window.location.origin, token: accessToken });
  const result = await node.GET('/api/auth/me', {}).catch(() => {
    throw new OidcError('network');
  });
  if (!result.data) throw new OidcError(result.response.status === 401 ? 'notAccepted' : 'network');
  return result.data;
}

function expire(): void {
  forget();
  sessionStore.set({ status: 'signed-out', reason: 'expired' });
}

/**
 * Signs the console in with the provider's tokens: the access token becomes the bearer of every API
 * call. Renewal: with a refresh token, a new access token a minute before expiry (the refresh token
 * is replaced when the provider rotates it); without one, or when renewing fails, the session ends
 * when the access token does, and the sign-in page offers the provider again.
 */
export async function adoptProviderTokens(tokens: ProviderTokens, provider: ProviderSide): Promise<void> {
  const user = await whoAmI(tokens.accessToken);
  const now = Date.now();
  const accessExpiresAt = now + tokens.expiresIn * 1000;
  forget();
  renewal = { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, ...provider };
  sessionStore.set({
    status: 'signed-in',
    user,
    accessToken: tokens.accessToken,
    accessExpiresAt,
    // The warning before the end shows when the end is known: the access token's without a refresh
    // token, the provider's session's when it says (refresh_expires_in).
    sessionEndsAt: tokens.refreshToken
      ? tokens.refreshExpiresIn
        ? now + tokens.refreshExpiresIn * 1000
        : Number.POSITIVE_INFINITY
      : accessExpiresAt,
  });
  const current = renewal;
  if (!current.refreshToken) {
    current.timer = setTimeout(expire, tokens.expiresIn * 1000);
    return;
  }
  const refreshToken = current.refreshToken;
  current.timer = setTimeout(
    () =>
      void refreshTokens(current.tokenEndpoint, { refreshToken, clientId: current.clientId })
        .then((next) =>
          // Signed out meanwhile: the new tokens are dropped, never adopted.
          renewal === current
            ? adoptProviderTokens(
                { ...next, refreshToken: next.refreshToken ?? refreshToken },
                {
                  tokenEndpoint: current.tokenEndpoint,
                  endSessionEndpoint: current.endSessionEndpoint,
                  clientId: current.clientId,
                },
              )
            : undefined,
        )
        .catch(() => {
          // Still signed in with this token until it expires; then the session ends.
          if (renewal === current)
            current.timer = setTimeout(expire, Math.max(0, accessExpiresAt - Date.now()));
        }),
    Math.max(5_000, tokens.expiresIn * 1000 - RENEW_MARGIN_MS),
  );
}

/**
 * Where to send the browser to end the provider's own session too (RP-Initiated Logout 1.0: client_id
 * and post_logout_redirect_uri, the console's root, which must be registered at the provider), or
 * undefined when this session is not the provider's or the provider has no end-session endpoint.
 * Without it, the next person at this browser would be signed in by the provider's session in one click.
 */
export function providerSignOutUrl(origin: string): string | undefined {
  if (!renewal?.endSessionEndpoint) return undefined;
  const url = new URL(renewal.endSessionEndpoint);
  url.searchParams.set('client_id', renewal.clientId);
  url.searchParams.set('post_logout_redirect_uri', `${origin}/`);
  return url.href;
}
