import type { Schema } from '@nrm/api-client';
import { authorizationUrl, readAuthorizationResponse } from './authorization-request';
import { redirectUri } from './callback-path';
import { discoverEndpoints } from './discovery';
import { checkIdToken } from './id-token';
import { OidcError } from './oidc-error';
import { codeChallengeS256, randomToken } from './pkce';
import {
  ROUND_TRIP_MS,
  safeReturnPath,
  saveRoundTrip,
  takeRoundTrip,
  type RoundTripStorage,
} from './round-trip';
import { exchangeCode, type ProviderTokens } from './token-endpoint';

export type OidcProvider = Schema<'OidcProviderInfo'>;

/** The browser around the flow (browser-context.ts), passed in so that the flow runs in unit tests. */
export interface FlowContext {
  /** sessionStorage: the round trip's one-time values, nothing else. */
  storage: RoundTripStorage;
  /** This console's origin, for the redirect URI. */
  origin: string;
  /** Leaves the page for the provider. */
  navigate(url: string): void;
}

/**
 * Leaves for the provider's authorization endpoint (authorization code flow, PKCE S256, state and
 * nonce), after saving the one-time values for the way back. `returnTo`: the console path to reopen.
 */
export async function startSignIn(
  provider: OidcProvider,
  returnTo: string,
  context: FlowContext,
): Promise<void> {
  const { authorizationEndpoint } = await discoverEndpoints(provider.issuer);
  const state = randomToken();
  const nonce = randomToken();
  const codeVerifier = randomToken();
  saveRoundTrip(
    {
      state,
      nonce,
      codeVerifier,
      returnTo: safeReturnPath(returnTo),
      expiresAt: Date.now() + ROUND_TRIP_MS,
    },
    context.storage,
  );
  context.navigate(
    authorizationUrl(authorizationEndpoint, {
      clientId: provider.clientId,
      redirectUri: redirectUri(context.origin),
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
  endSessionEndpoint?: string;
  returnTo: string;
}

/**
 * On the callback: takes (and so clears) the saved values, checks the state before the code is used,
 * exchanges the code with its verifier, and checks the ID token's issuer, audience and nonce.
 */
export async function completeSignIn(
  provider: OidcProvider,
  callback: URL,
  context: Omit<FlowContext, 'navigate'>,
): Promise<CompletedSignIn> {
  const trip = takeRoundTrip(context.storage);
  const code = readAuthorizationResponse(callback, { state: trip.state, issuer: provider.issuer });
  const { tokenEndpoint, endSessionEndpoint } = await discoverEndpoints(provider.issuer);
  const tokens = await exchangeCode(tokenEndpoint, {
    code,
    codeVerifier: trip.codeVerifier,
    clientId: provider.clientId,
    redirectUri: redirectUri(context.origin),
  });
  if (!tokens.idToken) throw new OidcError('idToken');
  checkIdToken(tokens.idToken, {
    issuer: provider.issuer,
    clientId: provider.clientId,
    nonce: trip.nonce,
    now: Math.floor(Date.now() / 1000),
  });
  // The ID token has served its purpose (binding the answer to this sign-in): it is not kept.
  return {
    tokens: { ...tokens, idToken: undefined },
    tokenEndpoint,
    ...(endSessionEndpoint ? { endSessionEndpoint } : {}),
    returnTo: trip.returnTo,
  };
}
