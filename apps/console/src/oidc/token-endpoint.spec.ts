import { OidcError } from './oidc-error';
import { exchangeCode, refreshTokens } from './token-endpoint';

const ENDPOINT = 'https://idp.example.org/realms/nrm/protocol/openid-connect/token';

function tokenEndpoint(answer: object, status = 200) {
  const requests: { url: string; init?: RequestInit }[] = [];
  const fetcher = async (url: string, init?: RequestInit) => {
    requests.push({ url, init });
    return new Response(JSON.stringify(answer), { status, headers: { 'content-type': 'application/json' } });
  };
  return { requests, fetcher };
}

const form = (init?: RequestInit) => Object.fromEntries(new URLSearchParams(String(init?.body)));

describe('the token endpoint, as a public client', () => {
  it('exchanges the code with its PKCE verifier, no client secret, no cookies', async () => {
    const { requests, fetcher } = tokenEndpoint({
      access_token: 'at',
      token_type: 'Bearer',
      expires_in: 300,
      id_token: 'idt',
      refresh_token: 'rt',
      refresh_expires_in: 1800,
    });
    const tokens = await exchangeCode(
      ENDPOINT,
      {
        code: 'c0de',
        codeVerifier: 'v'.repeat(43),
        clientId: 'nrm-console',
        redirectUri: 'https://nrm.example.org/auth/callback',
      },
      fetcher,
    );
    expect(tokens).toEqual({
      accessToken: 'at',
      expiresIn: 300,
      idToken: 'idt',
      refreshToken: 'rt',
      refreshExpiresIn: 1800,
    });
    expect(requests).toHaveLength(1);
    expect(requests[0].url).toBe(ENDPOINT);
    expect(requests[0].init).toMatchObject({ method: 'POST', credentials: 'omit' });
    expect(form(requests[0].init)).toEqual({
      grant_type: 'authorization_code',
      code: 'c0de',
      code_verifier: 'v'.repeat(43),
      client_id: 'nrm-console',
      redirect_uri: 'https://nrm.example.org/auth/callback',
    });
  });

  it('renews with the refresh token', async () => {
    const { requests, fetcher } = tokenEndpoint({ access_token: 'at2', token_type: 'bearer' });
    const tokens = await refreshTokens(ENDPOINT, { refreshToken: 'rt', clientId: 'nrm-console' }, fetcher);
    // No expires_in: renewed after five minutes rather than trusted for longer.
    expect(tokens).toMatchObject({ accessToken: 'at2', expiresIn: 300, refreshToken: undefined });
    expect(form(requests[0].init)).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'rt',
      client_id: 'nrm-console',
    });
  });

  it('turns a refusal into its error code, and refuses answers without a bearer access token', async () => {
    const refused = await exchangeCode(
      ENDPOINT,
      { code: 'used', codeVerifier: 'v', clientId: 'c', redirectUri: 'r' },
      tokenEndpoint({ error: 'invalid_grant', error_description: 'code already used' }, 400).fetcher,
    ).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(OidcError);
    expect({ reason: (refused as OidcError).reason, code: (refused as OidcError).code }).toEqual({
      reason: 'token',
      code: 'invalid_grant',
    });
    for (const answer of [{ token_type: 'Bearer' }, { access_token: 'at', token_type: 'DPoP' }]) {
      const odd = await refreshTokens(
        ENDPOINT,
        { refreshToken: 'r', clientId: 'c' },
        tokenEndpoint(answer).fetcher,
      ).catch((error: unknown) => error);
      expect((odd as OidcError).reason).toBe('token');
    }
  });
});
