import { OidcError } from './oidc-error';

/** The two endpoints of the authorization code flow, from the provider's discovery document. */
export interface ProviderEndpoints {
  authorizationEndpoint: string;
  tokenEndpoint: string;
  /** Where signing out ends the provider's own session (RP-Initiated Logout 1.0), if it has one. */
  endSessionEndpoint?: string;
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** `<issuer>/.well-known/openid-configuration` (OpenID Connect Discovery 1.0, 4). */
export const discoveryUrl = (issuer: string): string =>
  `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;

/**
 * Reads and checks the provider's discovery document. It must name exactly the issuer the node trusts
 * (Discovery, 4.3: a document for another issuer is refused); the token endpoint must be on the
 * issuer's origin, the only one the console's CSP lets it call; both endpoints must use the issuer's
 * scheme (https in production, NRM_OIDC_ISSUER), and the provider must support PKCE's S256.
 */
export async function discoverEndpoints(issuer: string, fetcher: Fetch = fetch): Promise<ProviderEndpoints> {
  let document: Record<string, unknown>;
  try {
    const response = await fetcher(discoveryUrl(issuer), { headers: { accept: 'application/json' } });
    if (!response.ok) throw new OidcError('discovery');
    document = (await response.json()) as Record<string, unknown>;
  } catch (error) {
    throw error instanceof OidcError ? error : new OidcError('discovery');
  }
  if (document.issuer !== issuer) throw new OidcError('discovery');
  const base = new URL(issuer);
  const endpoint = (value: unknown): URL => {
    if (typeof value !== 'string') throw new OidcError('discovery');
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new OidcError('discovery');
    }
    if (url.protocol !== base.protocol) throw new OidcError('discovery');
    return url;
  };
  const authorization = endpoint(document.authorization_endpoint);
  const token = endpoint(document.token_endpoint);
  if (token.origin !== base.origin) throw new OidcError('discovery');
  const methods = document.code_challenge_methods_supported;
  if (Array.isArray(methods) && !methods.includes('S256')) throw new OidcError('discovery');
  // Left for by navigation, not called: it may be on another origin, but not in another scheme.
  const endSession =
    document.end_session_endpoint === undefined ? undefined : endpoint(document.end_session_endpoint);
  return {
    authorizationEndpoint: authorization.href,
    tokenEndpoint: token.href,
    ...(endSession ? { endSessionEndpoint: endSession.href } : {}),
  };
}
