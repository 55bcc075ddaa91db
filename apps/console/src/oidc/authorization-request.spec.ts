import { authorizationUrl, readAuthorizationResponse } from './authorization-request';
import { OidcError } from './oidc-error';

const ISSUER = 'https://idp.example.org/realms/nrm';
const STATE = 'state-of-this-sign-in';
const expected = { state: STATE, issuer: ISSUER };
const callback = (query: string) => new URL(`https://nrm.example.org/auth/callback?${query}`);

function failure(run: () => unknown): OidcError | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof OidcError) return error;
    throw error;
  }
  return undefined;
}

describe('the authorization request and its answer', () => {
  it('asks for a code with PKCE S256, state and nonce, for the console’s redirect URI', () => {
    const url = new URL(
      authorizationUrl(`${ISSUER}/protocol/openid-connect/auth?kc_idp_hint=ministry`, {
        clientId: 'nrm-console',
        redirectUri: 'https://nrm.example.org/auth/callback',
        scopes: ['openid', 'profile'],
        state: STATE,
        nonce: 'nonce-1',
        codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      }),
    );
    expect(url.origin + url.pathname).toBe(`${ISSUER}/protocol/openid-connect/auth`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      kc_idp_hint: 'ministry',
      response_type: 'code',
      client_id: 'nrm-console',
      redirect_uri: 'https://nrm.example.org/auth/callback',
      scope: 'openid profile',
      state: STATE,
      nonce: 'nonce-1',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    });
  });

  it('gives the code of an answer to this sign-in', () => {
    expect(
      readAuthorizationResponse(
        callback(`code=abc&state=${STATE}&iss=${encodeURIComponent(ISSUER)}`),
        expected,
      ),
    ).toBe('abc');
    expect(readAuthorizationResponse(callback(`code=abc&state=${STATE}`), expected)).toBe('abc');
  });

  it('refuses an answer with another state, or none, before looking at its code or error', () => {
    for (const query of ['code=abc&state=forged', 'code=abc', 'error=access_denied&state=forged']) {
      expect({
        query,
        reason: failure(() => readAuthorizationResponse(callback(query), expected))?.reason,
      }).toEqual({
        query,
        reason: 'state',
      });
    }
  });

  it('refuses an answer of another issuer (mix-up, RFC 9207)', () => {
    const query = `code=abc&state=${STATE}&iss=${encodeURIComponent('https://evil.example.org')}`;
    expect(failure(() => readAuthorizationResponse(callback(query), expected))?.reason).toBe('issuer');
  });

  it('passes on the provider’s error code, and only a plain one', () => {
    const refused = failure(() =>
      readAuthorizationResponse(callback(`error=access_denied&state=${STATE}`), expected),
    );
    expect({ reason: refused?.reason, code: refused?.code }).toEqual({
      reason: 'provider',
      code: 'access_denied',
    });
    const odd = failure(() =>
      readAuthorizationResponse(callback(`error=%3Cb%3E%0A&state=${STATE}`), expected),
    );
    expect({ reason: odd?.reason, code: odd?.code }).toEqual({ reason: 'provider', code: undefined });
    expect(failure(() => readAuthorizationResponse(callback(`state=${STATE}`), expected))?.reason).toBe(
      'provider',
    );
  });
});
