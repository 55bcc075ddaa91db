import { OidcError } from './oidc-error';

/** What the console keeps of a token answer, in memory only. */
export interface ProviderTokens {
  accessToken: string;
  /** Seconds; the answer's `expires_in`, or a short default when the provider leaves it out. */
  expiresIn: number;
  idToken?: string;
  refreshToken?: string;
  /** Keycloak's `refresh_expires_in`: when the provider's session ends, if it says. */
  refreshExpiresIn?: number;
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** Without `expires_in`, renew after five minutes rather than trust a token of unknown life. */
const DEFAULT_EXPIRES_IN = 300;

const positive = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;

/**
 * A token request as a public client (RFC 6749 4.1.3 / 6): form-encoded, the client id in the body, no
 * secret; the PKCE verifier proves it is the browser that started the flow. Nothing of the answer is
 * logged; an error answer becomes an OidcError with the provider's error code only.
 */
async function requestTokens(
  endpoint: string,
  form: Record<string, string>,
  fetcher: Fetch,
): Promise<ProviderTokens> {
  let response: Response;
  try {
    response = await fetcher(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
      // Cookies of the provider are not needed here and are not sent.
      credentials: 'omit',
    });
  } catch {
    throw new OidcError('network');
  }
  let answer: Record<string, unknown>;
  try {
    answer = (await response.json()) as Record<string, unknown>;
  } catch {
    throw new OidcError('token');
  }
  if (!response.ok) {
    const code =
      typeof answer.error === 'string' && /^[\x20-\x7e]{1,64}$/.test(answer.error) ? answer.error : undefined;
    throw new OidcError('token', code);
  }
  if (typeof answer.access_token !== 'string' || answer.access_token === '') throw new OidcError('token');
  if (typeof answer.token_type !== 'string' || answer.token_type.toLowerCase() !== 'bearer')
    throw new OidcError('token');
  return {
    accessToken: answer.access_token,
    expiresIn: positive(answer.expires_in) ?? DEFAULT_EXPIRES_IN,
    idToken: typeof answer.id_token === 'string' ? answer.id_token : undefined,
    refreshToken: typeof answer.refresh_token === 'string' ? answer.refresh_token : undefined,
    refreshExpiresIn: positive(answer.refresh_expires_in),
  };
}

export function exchangeCode(
  endpoint: string,
  request: { code: string; codeVerifier: string; clientId: string; redirectUri: string },
  fetcher: Fetch = fetch,
): Promise<ProviderTokens> {
  return requestTokens(
    endpoint,
    {
      grant_type: 'authorization_code',
      code: request.code,
      code_verifier: request.codeVerifier,
      client_id: request.clientId,
      redirect_uri: request.redirectUri,
    },
    fetcher,
  );
}

export function refreshTokens(
  endpoint: string,
  request: { refreshToken: string; clientId: string },
  fetcher: Fetch = fetch,
): Promise<ProviderTokens> {
  return requestTokens(
    endpoint,
    { grant_type: 'refresh_token', refresh_token: request.refreshToken, client_id: request.clientId },
    fetcher,
  );
}
