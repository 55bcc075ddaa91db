import type { Schema } from '@nrm/api-client';
import { authorizationUrl, readAuthorizationResponse } from './authorization-request';
import { redirectUri } from './callback-path';
import { discoverEndpoints } from './discovery';
import { checkIdToken } from './id-token';
import { OidcError } from './oidc-error';
import { codeChallengeS256, randomToken } from './pkce';
import { ROUND_TRIP_MS, safeReturnPath, saveRoundTrip, takeRoundTrip } from './round-trip';
import { exchangeCode, type ProviderTokens } from './token-endpoint';

export type OidcProvider = Schema<'OidcProviderInfo'>;

/**
 * Leaves for the provider's authorization endpoint (authorization code flow, PKCE S256, state and
 * nonce), after saving the one-time values for the way back. `returnTo`: the console path to reopen.
 */
export async function startSignIn(provider: OidcProvider, returnTo: string): Promise<void> {
  const { authorizationEndpoint } = await discoverEndpoints(provider.issuer);
  const state = randomToken();
  const nonce = randomToken();
  const codeVerifier = randomToken();
  saveRoundTrip({
    state,
    nonce,
    codeVerifier,
    returnTo: safeReturnPath(returnTo),
    expiresAt: Date.now() + ROUND_TRIP_MS,
  });
  window.location.assign(
    authorizationUrl(authorizationEndpoint, {
      clientId: provider.clientId,
      redirectUri: redirectUri(),
      scopes: provider.scopes,
      state,
      nonce,
      codeChallenge: await codeChallengeS256(codeVerifier),
    }),
  );
}

export interface CompletedSignIn {
  tokens: ProviderTokens;
  tokenEndpoint: string;
  returnTo: string;
}

/**
 * On the callback: takes (and so clears) the saved values, checks the state before the code is used,
 * exchanges the code with its verifier, and checks the ID token's issuer, audience and nonce.
 */
export async function completeSignIn(provider: OidcProvider, callback: URL): Promise<CompletedSignIn> {
  const trip = takeRoundTrip();
  const code = readAuthorizationResponse(callback, { state: trip.state, issuer: provider.issuer });
  const { tokenEndpoint } = await discoverEndpoints(provider.issuer);
  const tokens = await exchangeCode(tokenEndpoint, {
    code,
    codeVerifier: trip.codeVerifier,
    clientId: provider.clientId,
    redirectUri: redirectUri(),
  });
  if (!tokens.idToken) throw new OidcError('idToken');
  checkIdToken(tokens.idToken, {
    issuer: provider.issuer,
    clientId: provider.clientId,
    nonce: trip.nonce,
    now: Math.floor(Date.now() / 1000),
  });
  // The ID token has served its purpose (binding the answer to this sign-in): it is not kept.
  return { tokens: { ...tokens, idToken: undefined }, tokenEndpoint, returnTo: trip.returnTo };
}
