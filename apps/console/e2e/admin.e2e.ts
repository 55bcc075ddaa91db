import { ok } from '@nrm/api-client';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, ConsoleNode, PASSWORD } from './support/console-node';
import { choose, expectAccessible, field, signIn } from './support/console-page';
import { registerAgencies } from '../../../test/support/organisation';

// Two real nodes: Moldova's, whose admin works in the console, and Germany's, the partner it registers.
let md: ConsoleNode;
let de: ConsoleNode;

test.beforeAll(async () => {
  [md, de] = await Promise.all([
    ConsoleNode.start({ NRM_NODE_COUNTRY: 'MD', NRM_NODE_ID: 'nrm-md' }),
    ConsoleNode.start({ NRM_NODE_COUNTRY: 'DE', NRM_NODE_ID: 'nrm-de' }),
  ]);
  // Users belong to a registered agency: the user form offers the registry's.
  await registerAgencies(await md.client(ADMIN.username, ADMIN.password), ['police-md']);
});
test.afterAll(async () => {
  await Promise.all([md?.stop(), de?.stop()]);
});

const signInAsAdmin = (page: Page, node: ConsoleNode) =>
  signIn(page, node.baseUrl, ADMIN.username, ADMIN.password);

async function openUsers(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { name: 'Users', level: 2 })).toBeVisible();
}

test('the admin creates a user, who then signs in through the console and sees their dashboard', async ({
  page,
}) => {
  await signInAsAdmin(page, md);
  await openUsers(page);
  await expect(page.getByRole('cell', { name: ADMIN.username, exact: true })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel(field('Username')).fill('maria.manager');
  await page.getByLabel(field('Password')).fill(PASSWORD);
  await choose(page, 'Role', 'Case manager');
  await choose(page, 'Agency', 'police-md (police-md)', 'police');
  await choose(page, 'Country', 'Moldova', 'Mold');
  await page.getByRole('button', { name: 'Create the user' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'The user maria.manager was created' }),
  ).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'maria.manager' });
  await expect(row).toContainText('Case manager');
  await expect(row).toContainText('police-md');
  await expect(row).toContainText('Moldova');
  await expectAccessible(page);

  // The admin signs out; the new user signs in on the same browser and lands on their dashboard.
  await page.getByRole('button', { name: /^admin · / }).click();
  await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await signIn(page, md.baseUrl, 'maria.manager');
  await expect(page.getByRole('button', { name: 'maria.manager · Case manager' })).toBeVisible();
  // A case manager is no admin: no admin pages in the navigation.
  const navigation = page.getByRole('navigation');
  await expect(navigation.getByRole('link', { name: 'Cases', exact: true })).toBeVisible();
  await expect(navigation.getByRole('link', { name: 'Users' })).toHaveCount(0);
  await expect(navigation.getByRole('link', { name: 'Partner nodes' })).toHaveCount(0);
});

test('a weak password is refused with the reason next to the password field', async ({ page }) => {
  await signInAsAdmin(page, md);
  await openUsers(page);
  const password = page.getByLabel(field('Password'));

  // Too short: the 400 of the node's validation.
  await page.getByLabel(field('Username')).fill('weak.user');
  await password.fill('short');
  await choose(page, 'Role', 'Auditor');
  await page.getByRole('button', { name: 'Create the user' }).click();
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toHaveAccessibleDescription(/password must be 12 to \d+ characters/);

  // Long enough but holding the username: the policy's 422, explained and put next to the field.
  await password.fill('my-weak.user-passphrase');
  await page.getByRole('button', { name: 'Create the user' }).click();
  await expect(password).toHaveAccessibleDescription(/password must not contain the username/);
  await expect(page.getByRole('alert').first()).toBeVisible();
  await expectAccessible(page);

  const admin = await md.client(ADMIN.username, ADMIN.password);
  const { items } = await ok(admin.GET('/api/users'));
  expect(items.map((user) => user.username)).not.toContain('weak.user');
});

test('the admin registers a partner node from its published identity, sees it listed and updates its agreement', async ({
  page,
  browser,
}) => {
  // Germany's admin copies their node's identity from their own console.
  const deContext = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const dePage = await deContext.newPage();
  await signInAsAdmin(dePage, de);
  await dePage.getByRole('navigation').getByRole('link', { name: "This node's identity" }).click();
  await expect(dePage.getByRole('heading', { name: "This node's identity", level: 2 })).toBeVisible();
  await expectAccessible(dePage);
  await dePage.getByRole('button', { name: 'Copy the identity' }).click();
  await expect(dePage.getByRole('button', { name: 'Copied' })).toBeVisible();
  const identity = await dePage.evaluate(() => navigator.clipboard.readText());
  const published = await ok((await de.client(ADMIN.username, ADMIN.password)).GET('/api/node/identity'));
  expect(JSON.parse(identity)).toEqual(published);
  await deContext.close();

  // Moldova's admin pastes it, says where Germany's node is reached and what may travel.
  await signInAsAdmin(page, md);
  await page.getByRole('navigation').getByRole('link', { name: 'Partner nodes' }).click();
  await expect(page.getByRole('heading', { name: 'Partner nodes', level: 2 })).toBeVisible();
  await expect(page.getByText('No partner nodes registered.')).toBeVisible();
  await expectAccessible(page);

  const pasted = page.getByLabel(field("The partner's published identity (JSON)"));
  await pasted.fill('{"nodeId": "nrm-de"}');
  await page.getByRole('button', { name: 'Fill in from the identity' }).click();
  await expect(pasted).toHaveAccessibleDescription(/This is not a node identity/);
  await pasted.fill(identity);
  await page.getByRole('button', { name: 'Fill in from the identity' }).click();
  await expect(page.getByLabel(field('Node id'))).toHaveValue('nrm-de');
  await expect(page.getByRole('combobox', { name: field('Country') })).toHaveValue('Germany');
  await expect(page.getByLabel(field('Signing public key (Ed25519, PEM)'))).toHaveValue(
    published.publicKeyPem,
  );
  await page.getByLabel(field('Endpoint')).fill(de.baseUrl);
  await page.getByLabel(field('Agreement reference')).fill('MoU DE-MD 2026/1');
  await choose(page, 'Fields shared for return', 'Given name');
  await choose(page, 'Fields shared for return', 'Family name');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Register the partner' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'The partner node nrm-de was registered' }),
  ).toBeVisible();

  const row = page.getByRole('row').filter({ hasText: 'nrm-de' });
  await expect(row).toContainText('Germany');
  await expect(row).toContainText('Active');
  await expect(row).toContainText('MoU DE-MD 2026/1');
  await expectAccessible(page);

  // Its page: the agreement, changed.
  await row.getByRole('link', { name: 'nrm-de' }).click();
  await expect(page.getByRole('heading', { name: 'Partner node nrm-de', level: 2 })).toBeVisible();
  await expect(page.getByText(published.publicKeyPem.split('\n')[1])).toBeVisible();
  await expectAccessible(page);
  const reference = page.getByLabel(field('Agreement reference'));
  await expect(reference).toHaveValue('MoU DE-MD 2026/1');
  await reference.fill('MoU DE-MD 2026/2');
  await choose(page, 'Fields shared for reintegration', 'Reintegration notes');
  await page.keyboard.press('Escape');
  await page.getByLabel(field('Valid until')).fill('2027-12-31');
  await page.getByRole('button', { name: 'Save the agreement' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The agreement was saved.' })).toBeVisible();

  const admin = await md.client(ADMIN.username, ADMIN.password);
  const partner = await ok(admin.GET('/api/partners/{nodeId}', { params: { path: { nodeId: 'nrm-de' } } }));
  expect(partner).toMatchObject({
    status: 'active',
    endpoint: de.baseUrl,
    publicKeyPem: published.publicKeyPem,
    encryptionKeyPem: published.encryptionKeyPem,
    agreement: {
      reference: 'MoU DE-MD 2026/2',
      fields: { return: ['person.givenName', 'person.familyName'], reintegration: ['reintegration.notes'] },
      validUntil: '2027-12-31T23:59:59Z',
    },
  });

  // Removal asks for confirmation and a reason; cancelling changes nothing.
  await page.getByRole('button', { name: 'Remove' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove nrm-de?' });
  await expect(dialog).toContainText('Nothing will be sent to this partner');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Remove the partner' }).click();
  await expect(dialog.getByLabel(field('Reason'))).toHaveAccessibleDescription(/This field is required/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(
    (await ok(admin.GET('/api/partners/{nodeId}', { params: { path: { nodeId: 'nrm-de' } } }))).status,
  ).toBe('active');

  // Confirmed with a reason: the partner is removed, and its page offers no more actions.
  await page.getByRole('button', { name: 'Remove' }).click();
  await dialog.getByLabel(field('Reason')).fill('agreement ended');
  await dialog.getByRole('button', { name: 'Remove the partner' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Removed', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Remove' })).toHaveCount(0);
});

/** Signs the current user out through the user menu, back to the sign-in form. */
async function signOut(page: Page, username: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^${username.replace(/\./g, '\\.')} · `) }).click();
  await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
}

/** Tries to sign in and expects the refusal a wrong password gets. */
async function signInRefused(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel(field('Username')).fill(username);
  await page.getByLabel(field('Password')).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Unknown username or wrong password.')).toBeVisible();
}

test.describe('the admin manages an existing account', () => {
  // In order: the role change signs in with the password the reset set.
  test.describe.configure({ mode: 'serial' });
  const username = 'ion.operator';
  const NEW_PASSWORD = 'river stone window 8812';

  test.beforeAll(async () => {
    const admin = await md.client(ADMIN.username, ADMIN.password);
    await ok(
      admin.POST('/api/users', {
        body: { username, password: PASSWORD, role: 'case_manager', agency: 'police-md', country: 'MD' },
      }),
      201,
    );
  });

  const row = (page: Page) => page.getByRole('row').filter({ hasText: username });

  test('disables the account, which then cannot sign in, and enables it again', async ({ page }) => {
    await signInAsAdmin(page, md);
    await openUsers(page);
    await row(page)
      .getByRole('button', { name: `Disable ${username}?` })
      .click();
    const dialog = page.getByRole('dialog', { name: `Disable ${username}?` });
    await expect(dialog).toContainText('can no longer sign in');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Disable the account' }).click();
    await expect(dialog).toBeHidden();
    await expect(row(page)).toContainText('Disabled');
    // The admin's own row offers no way to lock themselves out.
    const own = page
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: ADMIN.username, exact: true }) });
    await expect(own.getByRole('button', { name: /^Disable/ })).toHaveCount(0);

    await signOut(page, ADMIN.username);
    await signInRefused(page, username, PASSWORD);

    await signInAsAdmin(page, md);
    await openUsers(page);
    await row(page)
      .getByRole('button', { name: `Enable ${username}?` })
      .click();
    const enable = page.getByRole('dialog', { name: `Enable ${username}?` });
    await expectAccessible(page);
    await enable.getByRole('button', { name: 'Enable the account' }).click();
    await expect(row(page)).toContainText('Active');
    await signOut(page, ADMIN.username);
    await signIn(page, md.baseUrl, username);
  });

  test('sets a new password: the policy is explained next to the field, the user signs in with the new one', async ({
    page,
  }) => {
    await signInAsAdmin(page, md);
    await openUsers(page);
    await row(page)
      .getByRole('button', { name: `Reset password of ${username}` })
      .click();
    const dialog = page.getByRole('dialog', { name: `Set a new password for ${username}` });
    const password = dialog.getByLabel(field('New password'));
    await password.fill(`${username}-and-more`);
    await dialog.getByRole('button', { name: 'Set the password' }).click();
    await expect(password).toHaveAttribute('aria-invalid', 'true');
    await expect(password).toHaveAccessibleDescription(/password must not contain the username/);
    await expectAccessible(page);

    await password.fill(NEW_PASSWORD);
    await dialog.getByRole('button', { name: 'Set the password' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: `A new password was set for ${username}` }),
    ).toBeVisible();
    await signOut(page, ADMIN.username);
    await signInRefused(page, username, PASSWORD);
    await signIn(page, md.baseUrl, username, NEW_PASSWORD);
  });

  test('changes the role, which the user sees after signing in again', async ({ page }) => {
    await signInAsAdmin(page, md);
    await openUsers(page);
    await row(page)
      .getByRole('button', { name: `Change ${username}` })
      .click();
    const dialog = page.getByRole('dialog', { name: `Change ${username}` });
    await dialog.getByRole('combobox', { name: field('Role') }).click();
    await page.getByRole('option', { name: 'Return officer', exact: true }).click();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Save the changes' }).click();
    await expect(dialog).toBeHidden();
    await expect(row(page)).toContainText('Return officer');

    await signOut(page, ADMIN.username);
    await signIn(page, md.baseUrl, username, NEW_PASSWORD);
    await expect(page.getByRole('button', { name: `${username} · Return officer` })).toBeVisible();
  });
});
