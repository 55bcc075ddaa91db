import { OidcError } from './oidc-error';

export interface AuthorizationRequest {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  state: string;
  nonce: string;
  codeChallenge: string;
}

/** The provider's authorization endpoint with the request (OpenID Connect Core 3.1.2.1, RFC 7636 4.3). */
export function authorizationUrl(endpoint: string, request: AuthorizationRequest): string {
  const url = new URL(endpoint);
  const params = {
    response_type: 'code',
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    scope: request.scopes.join(' '),
    state: request.state,
    nonce: request.nonce,
    code_challenge: request.codeChallenge,
    code_challenge_method: 'S256',
  };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.href;
}

/**
 * The authorization response on the callback URL. The state is compared before the code is looked at
 * (a response this browser did not ask for is dropped, RFC 6749 10.12); `iss`, when the provider sends
 * it (RFC 9207), must be the issuer, against a mix-up with another provider.
 */
export function readAuthorizationResponse(
  callback: URL,
  expected: { state: string; issuer: string },
): string {
  const params = callback.searchParams;
  if (params.get('state') !== expected.state) throw new OidcError('state');
  const iss = params.get('iss');
  if (iss !== null && iss !== expected.issuer) throw new OidcError('issuer');
  const error = params.get('error');
  // Only a code made of the characters RFC 6749 allows for one reaches the screen, as text.
  if (error !== null) throw new OidcError('provider', /^[\x20-\x7e]{1,64}$/.test(error) ? error : undefined);
  const code = params.get('code');
  if (!code) throw new OidcError('provider');
  return code;
}
