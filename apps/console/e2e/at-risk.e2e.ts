import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { ConsoleNode } from './support/console-node';
import { choose, expectAccessible, field, signIn } from './support/console-page';

/**
 * A person at risk of trafficking (a potential victim) as a case of their own: registered by a case
 * manager, given an assistance plan, then converted by the identification officer when indicators of
 * trafficking appear; the case becomes a presumed victim's, its history kept.
 */
let node: ConsoleNode;

test.beforeAll(async () => {
  node = await ConsoleNode.start();
  await node.createUser('ion.officer', 'identification_officer', 'police-md');
  await node.createUser('ana.manager', 'case_manager', 'police-md');
});
test.afterAll(async () => node?.stop());

async function openAs(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, node.baseUrl, username);
  return page;
}

const form = (page: Page, name: string): Locator => page.getByRole('form', { name, exact: true });

async function pick(scope: Locator, label: string, option: string, search?: string): Promise<void> {
  const input = scope.getByRole('combobox', { name: field(label) });
  await input.click();
  if (search) await input.fill(search);
  await scope.page().getByRole('option', { name: option, exact: true }).click();
}

const history = (page: Page): Locator =>
  page.locator('.mantine-Card-root').filter({ has: page.getByRole('heading', { name: 'History' }) });

test('a person at risk is registered, assisted, then converted into a presumed victim with the history kept', async ({
  browser,
}) => {
  // Case manager: registers the child left behind, with no exploitation to name.
  const manager = await openAs(browser, 'ana.manager');
  await manager.getByRole('link', { name: 'Register a person at risk' }).click();
  await expect(manager.getByRole('heading', { name: 'Register a person at risk', level: 2 })).toBeVisible();
  await choose(manager, 'Referred by', 'Social services');
  await choose(manager, 'Vulnerabilities', 'Child left behind by migrating parents');
  await manager.keyboard.press('Escape');
  await manager.getByLabel(field('Given name')).fill('Lia');
  await manager.getByLabel(field('Family name')).fill('Rusu');
  await choose(manager, 'Sex', 'Female');
  await choose(manager, 'Citizenship', 'Moldova', 'Mold');
  await manager.getByLabel(field('Date of birth')).fill('2013-05-01');
  await expectAccessible(manager);
  await manager.getByRole('button', { name: 'Register the person at risk' }).click();

  await expect(manager.getByRole('heading', { name: /^Case [0-9a-f]{8}$/ })).toBeVisible();
  const caseUrl = manager.url();
  await expect(manager.getByText('Person at risk', { exact: true }).first()).toBeVisible();
  await expect(manager.getByRole('cell', { name: 'Child left behind by migrating parents' })).toBeVisible();

  // Assessed and given an individual plan without any identification decision.
  await manager.getByRole('tab', { name: 'Assistance' }).click();
  const plan = form(manager, 'Adopt the assistance plan');
  await pick(plan, 'Service 1', 'Psychological support');
  await plan.getByRole('button', { name: 'Adopt the assistance plan' }).click();
  await expect(manager.getByText(/^Adopted /)).toBeVisible();
  await expectAccessible(manager);
  // No residence permit form for a person at risk: it says when one can be applied for instead.
  await manager.getByRole('tab', { name: 'Return' }).click();
  await expect(manager.getByText(/can be applied for once the person at risk is converted/)).toBeVisible();
  await expect(form(manager, 'Record the application for a residence permit')).toHaveCount(0);

  // Identification officer: indicators of trafficking appeared; the case is converted.
  const officer = await openAs(browser, 'ion.officer');
  await officer.goto(caseUrl);
  const conversion = form(officer, 'Convert to a presumed victim');
  await conversion
    .getByLabel(field('Indicators of trafficking'))
    .fill('recruited-online, withheld-documents');
  await pick(conversion, 'Country of exploitation', 'Russia', 'Rus');
  await pick(conversion, 'Forms of exploitation', 'Forced begging');
  await officer.keyboard.press('Escape');
  await expectAccessible(officer);
  await conversion.getByRole('button', { name: 'Convert to a presumed victim' }).click();

  // Now a presumed victim's case: the registration it completed, a reflection period, the history kept.
  await expect(officer.getByText('Presumed victim', { exact: true }).first()).toBeVisible();
  await expect(form(officer, 'Convert to a presumed victim')).toHaveCount(0);
  await expect(officer.getByRole('cell', { name: 'Forced begging' })).toBeVisible();
  await expect(history(officer).getByText('Person at risk registered')).toBeVisible();
  await expect(history(officer).getByText('Assistance plan adopted')).toBeVisible();
  await expect(history(officer).getByText('Person at risk converted to presumed victim')).toBeVisible();
  await expect(history(officer).getByText('Reflection period started')).toBeVisible();
  await expectAccessible(officer);

  // The case list tells the kinds apart: the converted case is no longer among the people at risk.
  await officer.goto(`${node.baseUrl}/cases?kind=person_at_risk`);
  await expect(officer.getByText('0 cases', { exact: true })).toBeVisible();
});
