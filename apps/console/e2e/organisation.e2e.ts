import { ok } from '@nrm/api-client';
import { expect, test } from '@playwright/test';
import { ADMIN, ConsoleNode } from './support/console-node';
import { choose, expectAccessible, field, signIn } from './support/console-page';
import { REGISTRATION } from './support/fixtures';

let node: ConsoleNode;

test.beforeAll(async () => {
  node = await ConsoleNode.start();
  // createUser registers the officer's agency (and its district) in the registry first.
  await node.createUser('ion.officer', 'identification_officer', 'police-md');
});
test.afterAll(async () => node?.stop());

test('the admin registers a district, an agency and a team, and the team gains and loses a member', async ({
  page,
}) => {
  await signIn(page, node.baseUrl, ADMIN.username, ADMIN.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Organisation' }).click();
  await expect(page.getByRole('heading', { name: 'Organisation', level: 2 })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'police-md' })).toContainText('Active');
  await expectAccessible(page);

  const districts = page.getByRole('form', { name: 'Register a district' });
  await districts.getByLabel(field('Code')).fill('MD-CU');
  await districts.getByLabel(field('Name')).fill('Chișinău');
  await districts.getByRole('button', { name: 'Register the district' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'The district Chișinău was registered' }),
  ).toBeVisible();

  const agencies = page.getByRole('form', { name: 'Register an agency' });
  await agencies.getByLabel(field('Code')).fill('ngo-cu');
  await agencies.getByLabel(field('Name')).fill('La Strada');
  await choose(page, 'Kind', 'Non-governmental organisation');
  await agencies.getByRole('combobox', { name: field('District') }).click();
  await page.getByRole('option', { name: 'Chișinău (MD-CU)', exact: true }).click();
  await agencies.getByRole('button', { name: 'Register the agency' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'The agency La Strada was registered' }),
  ).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'ngo-cu' })).toContainText('Active');

  const teams = page.getByRole('form', { name: 'Form a team' });
  await teams.getByLabel(field('Code')).fill('mdt-cu');
  await teams.getByLabel(field('Name')).fill('MDT Centru');
  await teams.getByRole('combobox', { name: field('District') }).click();
  await page.getByRole('option', { name: 'Chișinău (MD-CU)', exact: true }).click();
  await teams.getByRole('button', { name: 'Form the team' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The team MDT Centru was formed' })).toBeVisible();

  const team = page.getByRole('article', { name: 'MDT Centru (MD-CU)' });
  await expect(team).toContainText('No member agency yet.');
  await choose(page, 'Agency to add to MDT Centru', 'La Strada (ngo-cu)', 'Strada');
  await team.getByRole('button', { name: 'Add to the team' }).click();
  await expect(team.getByRole('list', { name: 'Member agencies of MDT Centru' })).toContainText(
    'La Strada (ngo-cu)',
  );
  await expectAccessible(page);

  await team.getByRole('button', { name: 'Remove La Strada from the team' }).click();
  await expect(team).toContainText('No member agency yet.');

  // A deactivated agency stays listed, and is no longer offered.
  await page.getByRole('button', { name: 'Deactivate La Strada' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'ngo-cu' })).toContainText('Deactivated');
});

test('the registration form offers the registered districts, and the case records the one chosen', async ({
  page,
}) => {
  await signIn(page, node.baseUrl, 'ion.officer');
  await page.goto(`${node.baseUrl}/cases/new`);
  await page.getByRole('combobox', { name: field('District') }).click();
  await expect(
    page.getByRole('option', { name: 'test-district (test-district)', exact: true }),
  ).toBeVisible();
  await page.keyboard.press('Escape');
  await expectAccessible(page);
  const officer = await node.client('ion.officer');
  const { caseId } = await ok(
    officer.POST('/api/cases', { body: { ...REGISTRATION, district: 'test-district' } }),
    201,
  );
  const detail = await ok(officer.GET('/api/cases/{id}', { params: { path: { id: caseId } } }));
  expect(detail.district).toBe('test-district');
});
