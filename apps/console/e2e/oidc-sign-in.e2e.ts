import { expect, test, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { ConsoleNode } from './support/console-node';
import { expectAccessible } from './support/console-page';

/**
 * The console's side of "Sign in with <provider>" up to the provider's door and back from it. The
 * provider here is a stand-in on 127.0.0.1 that serves only its discovery document and an empty JWKS
 * (with CORS, as real providers do) and records what reaches it; the full round trip with a real
 * OpenID provider (oidc-provider) is oidc-provider.e2e.ts.
 */
let node: ConsoleNode;
let provider: Server;
let issuer: string;
const authorizationRequests: URL[] = [];
let tokenRequests = 0;

test.beforeAll(async () => {
  provider = createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    res.setHeader('access-control-allow-origin', '*');
    if (url.pathname === '/realms/nrm/.well-known/openid-configuration') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          issuer,
          authorization_endpoint: `${issuer}/auth`,
          token_endpoint: `${issuer}/token`,
          code_challenge_methods_supported: ['S256'],
        }),
      );
    } else if (url.pathname === '/realms/nrm/auth') {
      authorizationRequests.push(url);
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(
        '<!doctype html><html lang="en"><title>Provider</title><main><h1>Provider login</h1></main></html>',
      );
    } else if (url.pathname === '/realms/nrm/token') {
      tokenRequests++;
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"invalid_grant"}');
    } else if (url.pathname === '/realms/nrm/jwks') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"keys":[]}');
    } else {
      res.writeHead(404).end();
    }
  });
  provider.listen(0, '127.0.0.1');
  await once(provider, 'listening');
  issuer = `http://127.0.0.1:${(provider.address() as { port: number }).port}/realms/nrm`;
  node = await ConsoleNode.start({
    NRM_OIDC_ISSUER: issuer,
    NRM_OIDC_AUDIENCE: 'nrm-md-api',
    NRM_OIDC_JWKS_URL: `${issuer}/jwks`,
    NRM_OIDC_CLIENT_ID: 'nrm-console',
    NRM_OIDC_DISPLAY_NAME: 'Ministry login',
  });
});
test.afterAll(async () => {
  await node?.stop();
  provider?.close();
});

/** What this origin keeps in the tab's storage, read from a page of the node (any will do). */
async function storageOfConsole(page: Page): Promise<{ session: Record<string, string>; local: string[] }> {
  await page.goto(`${node.baseUrl}/favicon.ico`);
  return page.evaluate(() => ({
    session: { ...sessionStorage },
    local: Object.keys(localStorage),
  }));
}

test('the sign-in page offers the provider and leaves for it with PKCE S256, state and nonce; only those one-time values are stored', async ({
  page,
}) => {
  await page.goto(`${node.baseUrl}/cases?stage=identified`);
  const button = page.getByRole('button', { name: 'Sign in with Ministry login' });
  await expect(button).toBeVisible();
  await expectAccessible(page);
  await button.click();
  // The discovery document was fetched by the page itself: the CSP lets it reach the issuer.
  await expect(page.getByRole('heading', { name: 'Provider login' })).toBeVisible();

  const asked = authorizationRequests.at(-1) as URL;
  const params = Object.fromEntries(asked.searchParams);
  expect(params).toEqual({
    response_type: 'code',
    client_id: 'nrm-console',
    redirect_uri: `${node.baseUrl}/auth/callback`,
    scope: 'openid profile',
    state: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    nonce: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    code_challenge_method: 'S256',
  });

  const stored = await storageOfConsole(page);
  expect(Object.keys(stored.session)).toEqual(['nrm.oidc.roundTrip']);
  const trip = JSON.parse(stored.session['nrm.oidc.roundTrip']) as Record<string, unknown>;
  expect(Object.keys(trip).sort()).toEqual(['codeVerifier', 'expiresAt', 'nonce', 'returnTo', 'state']);
  expect(trip).toMatchObject({
    state: params.state,
    nonce: params.nonce,
    returnTo: '/cases?stage=identified',
  });
  // The verifier that stayed behind is the one the challenge was made from.
  const challenge = createHash('sha256').update(String(trip.codeVerifier)).digest('base64url');
  expect(challenge).toBe(params.code_challenge);
  expect(stored.local.filter((key) => key !== 'nrm.language')).toEqual([]);
});

test('an answer this tab did not ask for is refused before its code is used, and leaves nothing behind', async ({
  page,
}) => {
  await page.goto(`${node.baseUrl}/`);
  await page.getByRole('button', { name: 'Sign in with Ministry login' }).click();
  await expect(page.getByRole('heading', { name: 'Provider login' })).toBeVisible();
  const requestsBefore = tokenRequests;

  await page.goto(`${node.baseUrl}/auth/callback?code=stolen-code&state=forged`);
  await expect(page.getByRole('heading', { name: 'Signing in' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveText(
    "The identity provider's answer does not belong to this sign-in. Please start again.",
  );
  await expectAccessible(page);
  // The code left the address bar; the token endpoint never saw it; the one-time values are gone.
  expect(new URL(page.url()).search).toBe('');
  expect(tokenRequests).toBe(requestsBefore);
  expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual([]);

  await page.getByRole('link', { name: 'Back to sign-in' }).click();
  await expect(page.getByRole('button', { name: 'Sign in with Ministry login' })).toBeVisible();
});

test("the provider's refusal is shown in words, with its error code as text", async ({ page }) => {
  await page.goto(`${node.baseUrl}/`);
  await page.getByRole('button', { name: 'Sign in with Ministry login' }).click();
  await expect(page.getByRole('heading', { name: 'Provider login' })).toBeVisible();
  const state = (authorizationRequests.at(-1) as URL).searchParams.get('state') as string;

  await page.goto(`${node.baseUrl}/auth/callback?error=access_denied&state=${state}`);
  await expect(page.getByRole('alert')).toHaveText(
    'The identity provider did not sign you in (access_denied). Please start again.',
  );
  expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual([]);
});

test('without NRM_OIDC_CLIENT_ID the sign-in page offers local accounts only', async ({ page }) => {
  const plain = await ConsoleNode.start();
  try {
    await page.goto(`${plain.baseUrl}/`);
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Sign in with/ })).toHaveCount(0);
  } finally {
    await plain.stop();
  }
});
