/**
 * A real OpenID provider (oidc-provider) for the browser tests of "Sign in with <provider>", run as a
 * child process with `node` because the package is ESM-only (jose 6, koa 3) while Playwright loads the
 * tests as CommonJS. Configured like the provider side described in docs/console.md: one public
 * client with PKCE, JWT access tokens for the node's audience carrying the role and agency claims the
 * node reads, and oidc-provider's own development login and consent pages, which the test fills in.
 *
 * Settings from the environment:
 *   OIDC_PORT            port on 127.0.0.1 (the issuer is http://127.0.0.1:<port>)
 *   OIDC_CONSOLE_ORIGIN  the console's origin: its redirect URI and the only CORS origin of the client
 *   OIDC_CLIENT_ID       the console's client id (NRM_OIDC_CLIENT_ID)
 *   OIDC_AUDIENCE        the `aud` of access tokens (NRM_OIDC_AUDIENCE)
 *   OIDC_ACCESS_TTL      access token lifetime in seconds (default 600)
 * Prints `nrm-test-provider {"issuer":"http://127.0.0.1:<port>"}` on stdout once it listens, then such a
 * line per token endpoint request (`{"token":"<grant_type>","status":<code>}`), which the test reads.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import Provider, { errors } from 'oidc-provider';

const env = (name, fallback) => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
};
const port = Number(env('OIDC_PORT'));
const consoleOrigin = env('OIDC_CONSOLE_ORIGIN');
const clientId = env('OIDC_CLIENT_ID');
const audience = env('OIDC_AUDIENCE');
const accessTokenTTL = Number(env('OIDC_ACCESS_TTL', '600'));
const issuer = `http://127.0.0.1:${port}`;
const REPORT = 'nrm-test-provider';
/** The resource indicator (RFC 8707) every authorization defaults to: the node's API. */
const resource = 'urn:nrm:node-api';

/**
 * The provider's users: the login at the development page is the account id (the page takes any
 * password). `claims` go into the ID token and userinfo, `apiClaims` into the node's access tokens.
 */
const ACCOUNTS = {
  'ana.ciobanu': {
    claims: { preferred_username: 'ana.ciobanu', name: 'Ana Ciobanu' },
    apiClaims: { nrm_role: 'case_manager', nrm_agency: 'shelter-md', nrm_country: 'MD' },
  },
  // A user of the provider without a role of the node: the node refuses her tokens.
  'no.role': {
    claims: { preferred_username: 'no.role', name: 'No Role' },
    apiClaims: {},
  },
};

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test-rs256', alg: 'RS256', use: 'sig' };

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      token_endpoint_auth_method: 'none',
      redirect_uris: [`${consoleOrigin}/auth/callback`],
      // Signing out of the console ends the provider's session and comes back to the sign-in page.
      post_logout_redirect_uris: [`${consoleOrigin}/`],
      response_types: ['code'],
      grant_types: ['authorization_code', 'refresh_token'],
    },
  ],
  pkce: { required: () => true },
  // The console calls the token endpoint from its own origin, and only it may.
  clientBasedCORS: (_ctx, origin) => origin === consoleOrigin,
  jwks: { keys: [signingKey] },
  cookies: { keys: [randomBytes(32).toString('base64url')] },
  claims: { openid: ['sub'], profile: ['preferred_username', 'name'] },
  async findAccount(_ctx, id) {
    const account = ACCOUNTS[id];
    if (!account) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, ...account.claims }) };
  },
  // What the node reads (oidc-verifier.ts): the role claim, nrm_agency, nrm_country, preferred_username.
  async extraTokenClaims(_ctx, token) {
    if (token.kind !== 'AccessToken') return undefined;
    const account = ACCOUNTS[token.accountId];
    return account
      ? { ...account.apiClaims, preferred_username: account.claims.preferred_username }
      : undefined;
  },
  // As a public client has no other way to stay signed in: a (rotated) refresh token with every code.
  issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
  ttl: { AccessToken: accessTokenTTL },
  features: {
    devInteractions: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: async () => resource,
      // The code's resource, although the console asks for openid (no userinfo-only access token).
      useGrantedResource: async () => true,
      async getResourceServerInfo(_ctx, indicator) {
        if (indicator !== resource) throw new errors.InvalidTarget();
        return {
          scope: 'nrm',
          audience,
          accessTokenFormat: 'jwt',
          accessTokenTTL,
          jwt: { sign: { alg: 'RS256' } },
        };
      },
    },
  },
});

// Report each token request's outcome (never the tokens): the test counts renewals with it.
provider.on('grant.success', (ctx) => report({ token: ctx.oidc.params.grant_type, status: 200 }));
provider.on('grant.error', (ctx) => report({ token: ctx.oidc.params?.grant_type, status: 400 }));

function report(line) {
  // Prefixed: oidc-provider prints its own notices on stdout too.
  process.stdout.write(`${REPORT} ${JSON.stringify(line)}\n`);
}

const server = createServer(provider.callback());
server.listen(port, '127.0.0.1', () => report({ issuer }));
// Nothing to keep: the provider's state is in memory and dies with the test.
process.on('SIGTERM', () => process.exit(0));
