import { expect, test, type Page, type Request } from '@playwright/test';
import { freePort } from '../../../test/support/node-process';
import { ConsoleNode } from './support/console-node';
import { expectAccessible } from './support/console-page';
import { OidcProviderProcess } from './support/oidc-provider-process';

/**
 * "Sign in with <provider>" through a real OpenID provider (oidc-provider, support/oidc-provider.mjs):
 * the console's authorization code flow with PKCE against the provider's own endpoints, its login and
 * consent pages filled in as a person does, its JWT access tokens verified by the node against its
 * JWKS. oidc-sign-in.e2e.ts covers what a provider may answer wrongly, with a stand-in.
 */
const CLIENT_ID = 'nrm-console';
const AUDIENCE = 'nrm-md-api';
const PROVIDER_NAME = 'Ministry login';

interface Bench {
  node: ConsoleNode;
  provider: OidcProviderProcess;
}

/** A provider and a node that trusts it. The node needs the issuer first, the provider the console's origin. */
async function startBench(accessTtl?: number): Promise<Bench> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const node = await ConsoleNode.start({
    NRM_OIDC_ISSUER: issuer,
    NRM_OIDC_AUDIENCE: AUDIENCE,
    NRM_OIDC_JWKS_URL: `${issuer}/jwks`,
    NRM_OIDC_CLIENT_ID: CLIENT_ID,
    NRM_OIDC_DISPLAY_NAME: PROVIDER_NAME,
  });
  try {
    const provider = await OidcProviderProcess.start({
      port,
      consoleOrigin: node.baseUrl,
      clientId: CLIENT_ID,
      audience: AUDIENCE,
      accessTtl,
    });
    return { node, provider };
  } catch (error) {
    await node.stop();
    throw error;
  }
}

async function stopBench(bench: Bench | undefined): Promise<void> {
  await bench?.provider.stop();
  await bench?.node.stop();
}

/** The claims of a JWT (the test reads what the provider issued; the console never does). */
function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

const bearerOf = (request: Request): string =>
  (request.headers().authorization ?? '').replace(/^Bearer /, '');

/** A request of the page to `path` on the node (whatever its query). */
const isApiCall = (bench: Bench, path: string) => (request: Request) => {
  const url = new URL(request.url());
  return url.origin === bench.node.baseUrl && url.pathname === path;
};

/** From the console's sign-in page through the provider's development login and consent pages. */
async function signInAtProvider(page: Page, bench: Bench, login: string): Promise<void> {
  await page.getByRole('button', { name: `Sign in with ${PROVIDER_NAME}` }).click();
  await expect(page).toHaveURL(new RegExp(`^${bench.provider.issuer}/interaction/`));
  await signInAtProviderPages(page, login);
}

/** The provider's login and consent pages, as a person fills them in. */
async function signInAtProviderPages(page: Page, login: string): Promise<void> {
  await page.getByPlaceholder('Enter any login').fill(login);
  await page.getByPlaceholder('and password').fill('the development page takes any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  // Consent: the console asks for openid and profile; the API's resource comes by default.
  await page.getByRole('button', { name: 'Continue' }).click();
}

test.describe('with a real OpenID provider', () => {
  let bench: Bench;
  test.beforeAll(async () => {
    bench = await startBench();
  });
  test.afterAll(async () => stopBench(bench));

  test("signs the user in with the provider's access token: the node says who she is, the API answers, nothing stays behind", async ({
    page,
  }) => {
    await page.goto(`${bench.node.baseUrl}/`);
    const whoAmI = page.waitForRequest(isApiCall(bench, '/api/auth/me'));
    await signInAtProvider(page, bench, 'ana.ciobanu');

    // Back on the dashboard, as the node's GET /api/auth/me describes the user.
    await expect(page.getByRole('heading', { name: 'Dashboard', level: 2 })).toBeVisible();
    await expect(page.getByRole('button', { name: 'ana.ciobanu · Case manager' })).toBeVisible();
    await expect(page.getByText('shelter-md', { exact: true })).toBeVisible();
    expect(page.url()).toBe(`${bench.node.baseUrl}/`);

    // The access token is the provider's: a JWT for the node's audience with the role and agency claims.
    const accessToken = bearerOf(await whoAmI);
    expect(claimsOf(accessToken)).toMatchObject({
      iss: bench.provider.issuer,
      aud: AUDIENCE,
      sub: 'ana.ciobanu',
      nrm_role: 'case_manager',
      nrm_agency: 'shelter-md',
    });
    expect(bench.provider.grants).toEqual([{ grantType: 'authorization_code', status: 200 }]);

    // Neither the one-time values nor any token is in the browser's storage.
    expect(
      await page.evaluate(() => ({
        session: Object.keys(sessionStorage),
        local: Object.keys(localStorage).filter((key) => key !== 'nrm.language'),
      })),
    ).toEqual({ session: [], local: [] });
    await expectAccessible(page);

    // A page of the API, with the same bearer.
    const cases = page.waitForResponse((response) => isApiCall(bench, '/api/cases')(response.request()));
    await page.getByRole('link', { name: 'Cases', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Cases', level: 2 })).toBeVisible();
    await expect(page.getByText('0 cases')).toBeVisible();
    const answer = await cases;
    expect(answer.status()).toBe(200);
    expect(bearerOf(answer.request())).toBe(accessToken);
    await expectAccessible(page);
  });

  test("returns to the page asked for; signing out ends the provider's session too, so the next sign-in asks again", async ({
    page,
  }) => {
    const atProvider: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame() && frame.url().startsWith(bench.provider.issuer))
        atProvider.push(new URL(frame.url()).pathname);
    });
    await page.goto(`${bench.node.baseUrl}/cases?stage=identified`);
    await signInAtProvider(page, bench, 'ana.ciobanu');
    await expect(page.getByRole('heading', { name: 'Cases', level: 2 })).toBeVisible();
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/cases?stage=identified');

    await page.getByRole('button', { name: 'ana.ciobanu · Case manager' }).click();
    expect(atProvider.filter((path) => path.startsWith('/interaction/')).length).toBeGreaterThan(0);
    atProvider.length = 0;
    await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
    // The provider's end-session endpoint, which asks (oidc-provider's development page) and comes back.
    await expect(page).toHaveURL(new RegExp(`^${bench.provider.issuer}/session/end`));
    const endSession = new URL(page.url());
    expect(Object.fromEntries(endSession.searchParams)).toEqual({
      client_id: CLIENT_ID,
      post_logout_redirect_uri: `${bench.node.baseUrl}/`,
    });
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    const button = page.getByRole('button', { name: `Sign in with ${PROVIDER_NAME}` });
    await expect(button).toBeVisible();
    expect(page.url()).toBe(`${bench.node.baseUrl}/`);
    // Signed out by her choice, not ended.
    await expect(page.getByText('Your session has ended. Please sign in again.')).toHaveCount(0);

    // The provider's session is gone: the next person at this browser is asked who they are.
    atProvider.length = 0;
    await button.click();
    await expect(page).toHaveURL(new RegExp(`^${bench.provider.issuer}/interaction/`));
    await signInAtProviderPages(page, 'ana.ciobanu');
    await expect(page.getByRole('button', { name: 'ana.ciobanu · Case manager' })).toBeVisible();
  });

  test('a user of the provider without a role for this node is told so, and is not signed in', async ({
    page,
  }) => {
    await page.goto(`${bench.node.baseUrl}/`);
    await signInAtProvider(page, bench, 'no.role');
    await expect(page.getByRole('heading', { name: 'Signing in' })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveText(
      `This node does not accept your sign-in with ${PROVIDER_NAME}: your account there has no role for this node. Ask an administrator.`,
    );
    expect(new URL(page.url()).search).toBe('');
    expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual([]);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Back to sign-in' }).click();
    await expect(page.getByRole('button', { name: `Sign in with ${PROVIDER_NAME}` })).toBeVisible();
  });

  test("the console's CSP lets the page reach the issuer's origin, and no other", async () => {
    const response = await fetch(`${bench.node.baseUrl}/`);
    const csp = response.headers.get('content-security-policy') ?? '';
    const connectSrc = csp
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .find(([name]) => name === 'connect-src');
    expect(connectSrc?.slice(1).sort()).toEqual(["'self'", new URL(bench.provider.issuer).origin].sort());
  });
});

test.describe('with short-lived access tokens', () => {
  let bench: Bench;
  // 61 s: the console renews a minute before expiry, so at its floor of 5 s after each token.
  test.beforeAll(async () => {
    bench = await startBench(61);
  });
  test.afterAll(async () => stopBench(bench));

  test('renews with the rotated refresh token and calls the API with the new access token', async ({
    page,
  }) => {
    await page.goto(`${bench.node.baseUrl}/`);
    const whoAmI = page.waitForRequest(isApiCall(bench, '/api/auth/me'));
    await signInAtProvider(page, bench, 'ana.ciobanu');
    await expect(page.getByRole('heading', { name: 'Dashboard', level: 2 })).toBeVisible();
    const first = bearerOf(await whoAmI);

    // Two renewals: the second one uses the refresh token the first one rotated (a reused one fails).
    await expect
      .poll(() => bench.provider.grants.filter((grant) => grant.grantType === 'refresh_token').length, {
        timeout: 30_000,
      })
      .toBeGreaterThanOrEqual(2);
    expect(bench.provider.grants.filter((grant) => grant.status !== 200)).toEqual([]);

    const cases = page.waitForResponse((response) => isApiCall(bench, '/api/cases')(response.request()));
    await page.getByRole('link', { name: 'Cases', exact: true }).click();
    await expect(page.getByText('0 cases')).toBeVisible();
    const answer = await cases;
    expect(answer.status()).toBe(200);
    const renewed = bearerOf(answer.request());
    expect(renewed).not.toBe(first);
    expect(claimsOf(renewed)).toMatchObject({ aud: AUDIENCE, nrm_role: 'case_manager' });
  });
});
