import { expect, test } from '@playwright/test';
import { ConsoleNode } from './support/console-node';
import { expectAccessible, signIn } from './support/console-page';

let node: ConsoleNode;

// The shortest lifetimes the node allows: the access token (60 s) is renewed 5 s after sign-in, and a
// five-minute session is already inside the warning window, so neither needs waiting for the clock.
test.beforeAll(async () => {
  node = await ConsoleNode.start({
    NRM_ACCESS_TOKEN_TTL_SECONDS: '60',
    NRM_REFRESH_TOKEN_TTL_SECONDS: '300',
  });
  await node.createUser('ana.manager', 'case_manager', 'shelter-md');
});
test.afterAll(async () => node?.stop());

test('warns before the session ends, and renews the access token silently from the cookie', async ({
  page,
}) => {
  await signIn(page, node.baseUrl, 'ana.manager');
  // Scheduled 5 s after sign-in (the page's first refresh, before signing in, found no cookie).
  const renewed = page.waitForResponse(
    (response) =>
      response.url().endsWith('/api/auth/session/refresh') && response.request().method() === 'POST',
  );
  const warning = page.getByRole('dialog', { name: 'Your session is ending' });
  await expect(warning).toContainText(/Your session ends in [45] minutes/);
  await expectAccessible(page);
  await warning.getByRole('button', { name: 'Continue working' }).click();
  await expect(warning).toBeHidden();
  expect((await renewed).status()).toBe(200);
  // The renewed token is the one used from now on.
  await page.getByRole('link', { name: 'Cases', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Cases', level: 2 })).toBeVisible();
  await expect(page.getByText('0 cases')).toBeVisible();
});
