import { ConfigError, readNodeConfig } from './node-config';

const PROVIDER = {
  NRM_OIDC_ISSUER: 'https://idp.example.org/realms/nrm',
  NRM_OIDC_AUDIENCE: 'nrm-md-api',
  NRM_OIDC_JWKS_URL: 'https://idp.example.org/realms/nrm/certs',
};
const PRODUCTION = {
  NODE_ENV: 'production',
  NRM_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
  NRM_JWT_SECRET: 'x'.repeat(32),
};

describe("readNodeConfig: the console's sign-in with the identity provider", () => {
  it('is off without NRM_OIDC_CLIENT_ID: the node only accepts the provider’s tokens, as before', () => {
    expect(readNodeConfig(PROVIDER).oidc).toEqual({ ...PROVIDER_CONFIG, roleClaim: 'nrm_role' });
    expect(readNodeConfig(PROVIDER).oidc?.console).toBeUndefined();
  });

  it('takes the client id, a display name and scopes (openid always among them)', () => {
    const config = readNodeConfig({
      ...PROVIDER,
      NRM_OIDC_CLIENT_ID: 'nrm-console',
      NRM_OIDC_DISPLAY_NAME: ' Ministry login ',
      NRM_OIDC_SCOPES: 'profile  nrm-api profile',
    });
    expect(config.oidc?.console).toEqual({
      clientId: 'nrm-console',
      displayName: 'Ministry login',
      scopes: ['openid', 'profile', 'nrm-api'],
      origin: 'https://idp.example.org',
    });
  });

  it('defaults to the issuer’s host as the name and to "openid profile"', () => {
    const config = readNodeConfig({ ...PROVIDER, NRM_OIDC_CLIENT_ID: 'nrm-console' });
    expect(config.oidc?.console).toMatchObject({
      displayName: 'idp.example.org',
      scopes: ['openid', 'profile'],
    });
  });

  it('allows an http issuer on a test bench, never in production', () => {
    const local = { NRM_OIDC_ISSUER: 'http://127.0.0.1:4000', NRM_OIDC_CLIENT_ID: 'nrm-console' };
    const bench = { ...PROVIDER, ...local, NRM_OIDC_JWKS_URL: 'http://127.0.0.1:4000/jwks' };
    expect(readNodeConfig(bench).oidc?.console?.origin).toBe('http://127.0.0.1:4000');
    expect(() => readNodeConfig({ ...PRODUCTION, ...PROVIDER, ...local })).toThrow(/https/);
  });

  it.each([
    [{ NRM_OIDC_DISPLAY_NAME: 'Ministry' }, /need NRM_OIDC_CLIENT_ID/],
    [{ NRM_OIDC_CLIENT_ID: 'has space' }, /NRM_OIDC_CLIENT_ID/],
    [{ NRM_OIDC_CLIENT_ID: 'c', NRM_OIDC_ISSUER: 'ministry-idp' }, /must be a URL/],
    [{ NRM_OIDC_CLIENT_ID: 'c', NRM_OIDC_ISSUER: 'ftp://idp.example.org' }, /https/],
    [{ NRM_OIDC_CLIENT_ID: 'c', NRM_OIDC_DISPLAY_NAME: 'x'.repeat(61) }, /NRM_OIDC_DISPLAY_NAME/],
    [{ NRM_OIDC_CLIENT_ID: 'c', NRM_OIDC_DISPLAY_NAME: 'a\nb' }, /NRM_OIDC_DISPLAY_NAME/],
    [{ NRM_OIDC_CLIENT_ID: 'c', NRM_OIDC_SCOPES: 'openid "x"' }, /NRM_OIDC_SCOPES/],
  ])('refuses %j', (settings, message) => {
    expect(() => readNodeConfig({ ...PROVIDER, ...settings })).toThrow(ConfigError);
    expect(() => readNodeConfig({ ...PROVIDER, ...settings })).toThrow(message);
  });
});

const PROVIDER_CONFIG = {
  issuer: PROVIDER.NRM_OIDC_ISSUER,
  audience: PROVIDER.NRM_OIDC_AUDIENCE,
  jwksUrl: PROVIDER.NRM_OIDC_JWKS_URL,
};
