import { discoverEndpoints, discoveryUrl } from './discovery';
import { OidcError } from './oidc-error';

const ISSUER = 'https://idp.example.org/realms/nrm';
const DOCUMENT = {
  issuer: ISSUER,
  authorization_endpoint: 'https://login.example.org/realms/nrm/auth',
  token_endpoint: `${ISSUER}/protocol/openid-connect/token`,
  code_challenge_methods_supported: ['plain', 'S256'],
};

const serving = (document: object, status = 200) => {
  const asked: string[] = [];
  const fetcher = async (url: string) => {
    asked.push(url);
    return new Response(JSON.stringify(document), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { asked, fetcher };
};

const reasonOf = async (pending: Promise<unknown>) =>
  pending.then(
    () => 'accepted',
    (error: unknown) => (error instanceof OidcError ? error.reason : 'other'),
  );

describe("the provider's discovery document", () => {
  it('is read from <issuer>/.well-known/openid-configuration and gives both endpoints', async () => {
    const { asked, fetcher } = serving(DOCUMENT);
    expect(await discoverEndpoints(ISSUER, fetcher)).toEqual({
      authorizationEndpoint: DOCUMENT.authorization_endpoint,
      tokenEndpoint: DOCUMENT.token_endpoint,
    });
    expect(asked).toEqual([`${ISSUER}/.well-known/openid-configuration`]);
    expect(discoveryUrl('https://idp.example.org/')).toBe(
      'https://idp.example.org/.well-known/openid-configuration',
    );
  });

  it('gives the end-session endpoint when the provider has one, on any origin of the same scheme', async () => {
    const endSession = 'https://login.example.org/realms/nrm/logout';
    const { fetcher } = serving({ ...DOCUMENT, end_session_endpoint: endSession });
    expect(await discoverEndpoints(ISSUER, fetcher)).toMatchObject({ endSessionEndpoint: endSession });
    const insecure = serving({ ...DOCUMENT, end_session_endpoint: 'http://login.example.org/logout' });
    expect(await reasonOf(discoverEndpoints(ISSUER, insecure.fetcher))).toBe('discovery');
  });

  it.each([
    ['for another issuer', { issuer: 'https://evil.example.org' }],
    [
      'with a token endpoint on another origin (outside the CSP)',
      { token_endpoint: 'https://evil.example.org/t' },
    ],
    ['with an http endpoint for an https issuer', { authorization_endpoint: 'http://idp.example.org/auth' }],
    ['without S256', { code_challenge_methods_supported: ['plain'] }],
    ['without a token endpoint', { token_endpoint: undefined }],
  ])('is refused %s', async (_why, change) => {
    expect(await reasonOf(discoverEndpoints(ISSUER, serving({ ...DOCUMENT, ...change }).fetcher))).toBe(
      'discovery',
    );
  });

  it('is refused when it cannot be read', async () => {
    expect(await reasonOf(discoverEndpoints(ISSUER, serving(DOCUMENT, 404).fetcher))).toBe('discovery');
    expect(await reasonOf(discoverEndpoints(ISSUER, () => Promise.reject(new TypeError('offline'))))).toBe(
      'discovery',
    );
  });
});
