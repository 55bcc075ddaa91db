import { ok, type NrmClient } from '@nrm/api-client';
import { expect, test } from '@playwright/test';
import { ConsoleNode } from './support/console-node';
import { choose, expectAccessible, field, signIn } from './support/console-page';
import { REGISTRATION } from './support/fixtures';

let node: ConsoleNode;
let officer: NrmClient;
let manager: NrmClient;

test.beforeAll(async () => {
  node = await ConsoleNode.start();
  await node.createUser('ion.officer', 'identification_officer', 'police-md');
  await node.createUser('ana.manager', 'case_manager', 'police-md');
  officer = await node.client('ion.officer');
  manager = await node.client('ana.manager');
});
test.afterAll(async () => node?.stop());

/**
 * Registers a case through the API and waits until the case manager's list shows it: the list is a read
 * model, updated just after the append, and a page opened before that would show it without the case.
 */
async function register(overrides: Partial<typeof REGISTRATION> = {}): Promise<string> {
  const { caseId } = await ok(officer.POST('/api/cases', { body: { ...REGISTRATION, ...overrides } }), 201);
  await expect
    .poll(async () => {
      const list = await ok(manager.GET('/api/cases', { params: { query: { pageSize: 200 } } }));
      return list.items.some((item) => item.caseId === caseId);
    })
    .toBe(true);
  return caseId;
}

test('a rule refusal is explained in words, and a change made meanwhile by someone else is a 409 with a reload', async ({
  page,
}) => {
  const caseId = await register();
  await signIn(page, node.baseUrl, 'ion.officer');
  await page.goto(`${node.baseUrl}/cases/${caseId}`);
  await expect(page.getByRole('heading', { name: `Case ${caseId.slice(0, 8)}` })).toBeVisible();

  // Sharing data needs a named recipient: the decider refuses (422 consent-required), said in words.
  await choose(page, 'Purpose', 'Sharing data');
  await page.getByRole('button', { name: 'Record the consent' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'The referral rules do not allow this yet' });
  await expect(refusal).toContainText('a consent to share data must name who receives them');
  await expectAccessible(page);

  // Someone else records a consent on the same case: the page's revision is now stale.
  await ok(
    officer.POST('/api/cases/{id}/consents', {
      params: { path: { id: caseId } },
      body: { purpose: 'assistance', granted: true },
    }),
  );
  await page.getByLabel(field('Recipient')).fill('MD');
  await page.getByRole('button', { name: 'Record the consent' }).click();
  const conflict = page.getByRole('alert').filter({ hasText: 'Someone else changed this case' });
  await expect(conflict).toBeVisible();
  // What was typed is still there; after reloading the case the same consent goes through.
  await expect(page.getByLabel(field('Recipient'))).toHaveValue('MD');
  await conflict.getByRole('button', { name: 'Reload the case' }).click();
  await expect(page.getByRole('cell', { name: 'Assistance' })).toBeVisible();
  await page.getByRole('button', { name: 'Record the consent' }).click();
  await expect(page.getByRole('cell', { name: 'MD', exact: true })).toBeVisible();
  await expect(page.getByText('Consent given')).toHaveCount(2); // the history, oldest first
});

test('the case list filters on the server and keeps its filters in a link that can be shared', async ({
  page,
}) => {
  await register({ countryOfExploitation: 'PL' });
  await register({
    countryOfExploitation: 'PL',
    person: { ...REGISTRATION.person, reasonsToBelieveChild: true },
  });
  await signIn(page, node.baseUrl, 'ana.manager');
  await page.getByRole('link', { name: 'Cases' }).click();
  await choose(page, 'Country of exploitation', 'Poland', 'Pol');
  await expect(page).toHaveURL(/country=PL/);
  await expect(page.getByText('2 cases')).toBeVisible();
  await choose(page, 'Presumed child', 'Yes');
  await expect(page.getByText('1 case', { exact: true })).toBeVisible();
  await expectAccessible(page);

  // The same link, opened afresh, shows the same list.
  const link = page.url();
  await page.goto(`${node.baseUrl}/`);
  await page.goto(link);
  await expect(page.getByText('1 case', { exact: true })).toBeVisible();
  await expect(
    page
      .getByRole('textbox', { name: field('Country of exploitation') })
      .or(page.getByRole('combobox', { name: field('Country of exploitation') })),
  ).toHaveValue('Poland');
});

test('English, Romanian and Russian: the choice is remembered, dates follow the language', async ({
  page,
}) => {
  await signIn(page, node.baseUrl, 'ana.manager');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ro');
  await expect(page.getByRole('heading', { name: 'Tablou de bord', level: 2 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ro');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Tablou de bord', level: 2 })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('combobox', { name: 'Limba' }).selectOption('ru');
  await expect(page.getByRole('heading', { name: 'Панель', level: 2 })).toBeVisible();
  await page.getByRole('link', { name: 'Дела', exact: true }).click();
  await expect(page.getByRole('columnheader', { name: 'Зарегистрировано' })).toBeVisible();
  // Dates as Russian writes them ("5 дек. 2026 г."), from Intl, not a fixed format.
  await expect(page.getByRole('cell', { name: /^\d{1,2}\s\S+\s\d{4}\sг\.$/ }).first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('combobox', { name: 'Язык' }).selectOption('en');
  await expect(page.getByRole('columnheader', { name: 'Registered' })).toBeVisible();
  await expect(page.getByRole('cell', { name: /^[A-Z][a-z]{2}\s\d{1,2},\s\d{4}$/ }).first()).toBeVisible();
});
