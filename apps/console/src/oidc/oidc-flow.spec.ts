import { completeSignIn, type OidcProvider } from './oidc-flow';
import { OidcError } from './oidc-error';
import { saveRoundTrip } from './round-trip';

const ISSUER = 'https://idp.example.org/realms/nrm';
const TOKEN_ENDPOINT = `${ISSUER}/token`;
const PROVIDER: OidcProvider = {
  issuer: ISSUER,
  clientId: 'nrm-console',
  displayName: 'Ministry',
  scopes: ['openid'],
};
const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The browser around the flow: sessionStorage over a Map, the console's origin; fetch is the provider. */
const items = new Map<string, string>();
const context = {
  origin: 'https://nrm.example.org',
  storage: {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  },
};
const tokenRequests: string[] = [];
let idTokenNonce = 'nonce-1';

beforeAll(() => {
  jest.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = String(input);
    if (url.endsWith('/.well-known/openid-configuration'))
      return Response.json({
        issuer: ISSUER,
        authorization_endpoint: `${ISSUER}/auth`,
        token_endpoint: TOKEN_ENDPOINT,
      });
    tokenRequests.push(String(init?.body));
    const idToken = `${encode({ alg: 'RS256' })}.${encode({ iss: ISSUER, aud: 'nrm-console', nonce: idTokenNonce, exp: Math.floor(Date.now() / 1000) + 300 })}.sig`;
    return Response.json({ access_token: 'at', token_type: 'Bearer', expires_in: 300, id_token: idToken });
  });
});
afterAll(() => jest.restoreAllMocks());
beforeEach(() => {
  items.clear();
  tokenRequests.length = 0;
  idTokenNonce = 'nonce-1';
  saveRoundTrip(
    {
      state: 'state-1',
      nonce: 'nonce-1',
      codeVerifier: 'verifier-1',
      returnTo: '/cases/42',
      expiresAt: Date.now() + 60_000,
    },
    context.storage,
  );
});

const callback = (query: string) => new URL(`https://nrm.example.org/auth/callback?${query}`);
const reasonOf = (pending: Promise<unknown>) =>
  pending.then(
    () => 'accepted',
    (error: unknown) => (error instanceof OidcError ? error.reason : String(error)),
  );

describe('completing the sign-in on the callback', () => {
  it('exchanges the code with the verifier of this sign-in and keeps no ID token; the saved values are gone', async () => {
    const done = await completeSignIn(PROVIDER, callback('code=c0de&state=state-1'), context);
    expect(done).toEqual({
      tokens: {
        accessToken: 'at',
        expiresIn: 300,
        idToken: undefined,
        refreshToken: undefined,
        refreshExpiresIn: undefined,
      },
      tokenEndpoint: TOKEN_ENDPOINT,
      returnTo: '/cases/42',
    });
    expect(Object.fromEntries(new URLSearchParams(tokenRequests[0]))).toMatchObject({
      code: 'c0de',
      code_verifier: 'verifier-1',
      redirect_uri: 'https://nrm.example.org/auth/callback',
    });
    expect(items.size).toBe(0);
  });

  it('never sends the code of an answer with another state; the saved values are gone all the same', async () => {
    expect(await reasonOf(completeSignIn(PROVIDER, callback('code=c0de&state=forged'), context))).toBe(
      'state',
    );
    expect(tokenRequests).toEqual([]);
    expect(items.size).toBe(0);
    // The same answer again finds nothing to complete.
    expect(await reasonOf(completeSignIn(PROVIDER, callback('code=c0de&state=state-1'), context))).toBe(
      'roundTrip',
    );
  });

  it('refuses tokens whose ID token carries another nonce', async () => {
    idTokenNonce = 'nonce-of-another-sign-in';
    expect(await reasonOf(completeSignIn(PROVIDER, callback('code=c0de&state=state-1'), context))).toBe(
      'idToken',
    );
  });
});
