import { OidcError } from './oidc-error';

export interface IdTokenExpectations {
  issuer: string;
  clientId: string;
  nonce: string;
  /** Epoch seconds. */
  now: number;
}

/** Allowed clock difference between this browser and the provider. */
const SKEW_SECONDS = 120;

function payloadOf(idToken: string): Record<string, unknown> {
  const parts = idToken.split('.');
  if (parts.length !== 3) throw new OidcError('idToken');
  try {
    const json = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(json, (char) => char.charCodeAt(0));
    const payload: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (typeof payload !== 'object' || payload === null) throw new OidcError('idToken');
    return payload as Record<string, unknown>;
  } catch {
    throw new OidcError('idToken');
  }
}

/**
 * Checks the ID token of the token endpoint's answer (OpenID Connect Core 3.1.3.7): issuer, audience
 * (and azp when there are several), expiry, and the nonce of this sign-in, which binds the answer to
 * the request this tab made. Its signature is not checked here: the token came straight from the
 * token endpoint over TLS, which Core 3.1.3.7 (6) accepts in its place; and the console trusts no claim
 * of it (who the user is comes from the node, GET /api/auth/me, which verifies the access token).
 */
export function checkIdToken(idToken: string, expected: IdTokenExpectations): void {
  const claims = payloadOf(idToken);
  if (claims.iss !== expected.issuer) throw new OidcError('idToken');
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(expected.clientId)) throw new OidcError('idToken');
  if (audiences.length > 1 && claims.azp !== expected.clientId) throw new OidcError('idToken');
  if (typeof claims.exp !== 'number' || claims.exp + SKEW_SECONDS < expected.now)
    throw new OidcError('idToken');
  if (claims.nonce !== expected.nonce) throw new OidcError('idToken');
}
