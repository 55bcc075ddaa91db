import { expect, test } from '@playwright/test';
import { ConsoleNode } from './support/console-node';
import { choose, expectAccessible, field, signIn } from './support/console-page';

/** Markup in a name must stay text: if any of it ran, it would set window.__pwned. */
const XSS_GIVEN = '<img src=x onerror="window.__pwned=1">';
const XSS_FAMILY = '"><script>window.__pwned=2</script>';

let node: ConsoleNode;

test.beforeAll(async () => {
  node = await ConsoleNode.start();
  await node.createUser('ion.officer', 'identification_officer', 'police-md');
});
test.afterAll(async () => node?.stop());

test('an identification officer registers a presumed victim; the name is shown as text only after a purpose is stated', async ({
  page,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`${node.baseUrl}/`);
  await expectAccessible(page); // the sign-in page
  await signIn(page, node.baseUrl, 'ion.officer');
  await expectAccessible(page); // the dashboard

  await page.getByRole('link', { name: 'Register a presumed victim' }).click();
  await expect(page.getByRole('heading', { name: 'Register a presumed victim' })).toBeVisible();
  await expectAccessible(page);
  await choose(page, 'Referred by', 'Police');
  await choose(page, 'Country of exploitation', 'Germany', 'Germ');
  await choose(page, 'Forms of exploitation', 'Forced labour');
  await page.keyboard.press('Escape');
  await page.getByLabel(field('Given name')).fill(XSS_GIVEN);
  await page.getByLabel(field('Family name')).fill(XSS_FAMILY);
  await choose(page, 'Sex', 'Female');
  await choose(page, 'Citizenship', 'Moldova', 'Mold');
  await page.getByRole('button', { name: 'Register', exact: true }).click();

  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  await expect(page.getByText('Presumed victim registered')).toBeVisible();
  // Opening the case reads no identity: the name appears only after a purpose is stated.
  await expect(page.getByText(XSS_GIVEN)).toHaveCount(0);
  await expectAccessible(page);
  await choose(page, 'Purpose of access', 'Case work');
  await page.getByRole('button', { name: 'Show personal data' }).click();
  await expect(page.getByTestId('person-given-name')).toHaveText(XSS_GIVEN);
  await expect(page.getByText(XSS_FAMILY)).toBeVisible();

  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  // Nothing personal in the URL or the browser's storage; the session cookie is out of JavaScript's reach.
  expect(page.url()).not.toContain('script');
  const storage = await page.evaluate(() => ({
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
    cookie: document.cookie,
  }));
  expect(storage).toEqual({ local: [], session: [], cookie: '' });
});

test('a case page read after a reload restores the session from the cookie, and sign-out ends it', async ({
  page,
}) => {
  await signIn(page, node.baseUrl, 'ion.officer');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 2 })).toBeVisible();
  await page.getByRole('button', { name: /ion\.officer/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test('sign out everywhere ends the sessions of the other browsers too', async ({ browser }) => {
  const [first, second] = [await browser.newContext(), await browser.newContext()];
  const [here, there] = [await first.newPage(), await second.newPage()];
  await signIn(here, node.baseUrl, 'ion.officer');
  await signIn(there, node.baseUrl, 'ion.officer');
  await here.getByRole('button', { name: /ion\.officer/ }).click();
  await here.getByRole('menuitem', { name: 'Sign out everywhere' }).click();
  await expect(here.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  // The other browser's access token lives until it expires; its session cookie no longer gives a new one.
  await there.reload();
  await expect(there.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await Promise.all([first.close(), second.close()]);
});
