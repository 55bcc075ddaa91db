import { consoleCsp, CONSOLE_CSP, API_CSP } from '@nrm/http/security';
import { exportJWK, generateKeyPair, KeyLike, SignJWT } from 'jose';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeHarness } from '../support/node-harness';

const AUDIENCE = 'nrm-md-api';
const HTML = { accept: 'text/html' };
const SERVE_CONSOLE = [undefined, undefined, { serveConsole: true }] as const;

/** A console build: index.html is all the CSP checks need. */
function writeConsoleBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nrm-console-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>console</title>');
  return dir;
}

/**
 * GET /api/auth/providers tells the console's sign-in page whether it may offer "Sign in with
 * <provider>"; the console's CSP then lets it reach that provider, and GET /api/auth/me says who the
 * provider's token makes the caller. The provider's JWKS is served by node:http on 127.0.0.1 (an http
 * JWKS and issuer are allowed outside production only).
 */
describe("the console's sign-in through the identity provider: the node's side", () => {
  let jwks: Server;
  let issuer: string;
  let privateKey: KeyLike;
  let consoleDir: string;
  let withSignIn: NodeHarness;
  let verifyOnly: NodeHarness;
  let plain: NodeHarness;

  const providerToken = (claims: Record<string, unknown>, audience = AUDIENCE) =>
    new SignJWT({ nrm_role: 'case_manager', nrm_agency: 'shelter-1', nrm_country: 'MD', ...claims })
      .setProtectedHeader({ alg: 'ES256', kid: 'ec-1' })
      .setSubject('idp-user-7')
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    privateKey = pair.privateKey;
    const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' };
    jwks = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [publicJwk] }));
    });
    jwks.listen(0, '127.0.0.1');
    await once(jwks, 'listening');
    issuer = `http://127.0.0.1:${(jwks.address() as { port: number }).port}/realms/nrm`;
    consoleDir = writeConsoleBuild();
    const provider = {
      NRM_OIDC_ISSUER: issuer,
      NRM_OIDC_AUDIENCE: AUDIENCE,
      NRM_OIDC_JWKS_URL: `${new URL(issuer).origin}/jwks`,
      NRM_CONSOLE_DIR: consoleDir,
    };
    withSignIn = await NodeHarness.start(
      { ...provider, NRM_OIDC_CLIENT_ID: 'nrm-console', NRM_OIDC_DISPLAY_NAME: 'Ministry login' },
      ...SERVE_CONSOLE,
    );
    verifyOnly = await NodeHarness.start(provider, ...SERVE_CONSOLE);
    plain = await NodeHarness.start({ NRM_CONSOLE_DIR: consoleDir }, ...SERVE_CONSOLE);
  });
  afterAll(async () => {
    await Promise.all([withSignIn?.stop(), verifyOnly?.stop(), plain?.stop()]);
    jwks?.close();
    rmSync(consoleDir, { recursive: true, force: true });
  });

  it('names the provider, publicly, with what the browser needs and nothing else', async () => {
    const res = await withSignIn.request('GET', '/api/auth/providers');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      oidc: {
        issuer,
        clientId: 'nrm-console',
        displayName: 'Ministry login',
        scopes: ['openid', 'profile'],
      },
    });
    // No audience, JWKS URL or role claim: how the node checks tokens is not the browser's business.
    expect(JSON.stringify(res.body)).not.toMatch(/nrm-md-api|jwks|nrm_role/);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('names none without NRM_OIDC_CLIENT_ID, also when the node accepts the provider’s tokens', async () => {
    for (const node of [verifyOnly, plain]) {
      const res = await node.request('GET', '/api/auth/providers');
      expect({ status: res.status, body: res.body }).toEqual({ status: 200, body: {} });
    }
  });

  it("lets the console's pages call the provider's origin, and only when its sign-in is configured", async () => {
    const origin = new URL(issuer).origin;
    for (const path of ['/', '/auth/callback', '/cases/42']) {
      const page = await withSignIn.request('GET', path, { headers: HTML });
      expect({ path, status: page.status }).toEqual({ path, status: 200 });
      const csp = String(page.headers['content-security-policy']);
      expect(csp).toBe(consoleCsp(origin));
      expect(csp).toContain(`connect-src 'self' ${origin};`);
      // Scripts still come from the node alone.
      expect(csp).toContain("script-src 'self';");
      // The callback's URL (code, state) is never sent on as a referrer.
      expect(page.headers['referrer-policy']).toBe('no-referrer');
    }
    for (const node of [verifyOnly, plain]) {
      const page = await node.request('GET', '/auth/callback', { headers: HTML });
      expect(page.headers['content-security-policy']).toBe(CONSOLE_CSP);
      expect(CONSOLE_CSP).toContain("connect-src 'self';");
    }
    // The API's own policy is untouched.
    const api = await withSignIn.request('GET', '/api/auth/providers');
    expect(api.headers['content-security-policy']).toBe(API_CSP);
  });

  it('says who the provider’s access token makes the caller (GET /api/auth/me)', async () => {
    const res = await withSignIn.request('GET', '/api/auth/me', {
      token: await providerToken({ preferred_username: 'ana.popescu' }),
    });
    expect({ status: res.status, body: res.body }).toEqual({
      status: 200,
      body: {
        userId: 'idp-user-7',
        username: 'ana.popescu',
        role: 'case_manager',
        agency: 'shelter-1',
        country: 'MD',
      },
    });
  });

  it('refuses (401) a provider token for another audience or without a known role, and no token', async () => {
    const refused = {
      'another audience (an id token, aud = the client id)': await providerToken({}, 'nrm-console'),
      'unknown role': await providerToken({ nrm_role: 'superuser' }),
    };
    for (const [why, token] of Object.entries(refused)) {
      const res = await withSignIn.request('GET', '/api/auth/me', { token });
      expect({ why, status: res.status }).toEqual({ why, status: 401 });
    }
    expect((await withSignIn.request('GET', '/api/auth/me')).status).toBe(401);
  });

  it('answers a local account too, with its agency', async () => {
    await plain.withUsers(['auditor']);
    const res = await plain.request('GET', '/api/auth/me', { as: 'auditor' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ role: 'auditor', agency: 'national-nrm-office' });
  });
});
