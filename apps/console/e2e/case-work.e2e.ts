import { ok, type NrmClient } from '@nrm/api-client';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ConsoleNode, PASSWORD } from './support/console-node';
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
  await page.getByRole('link', { name: 'Cases', exact: true }).click();
  await choose(page, 'Country of exploitation', 'Poland', 'Pol');
  await expect(page).toHaveURL(/country=PL/);
  await expect(page.getByText('2 cases')).toBeVisible();
  await choose(page, 'Presumed child', 'Yes');
  await expect(page.getByText('1 case', { exact: true })).toBeVisible();
  await expectAccessible(page);

  // An agency code narrows the list to the cases that agency is involved in.
  await page.getByLabel(field('Agency')).fill('shelter-elsewhere');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/agency=shelter-elsewhere/);
  await expect(page.getByText('0 cases')).toBeVisible();
  await page.getByLabel(field('Agency')).fill('police-md');
  await page.keyboard.press('Enter');
  await expect(page.getByText('1 case', { exact: true })).toBeVisible();

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
  await register();
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

/** Presses Tab until `target` has the focus (at most `limit` times), as a keyboard user moves. */
async function tabTo(page: Page, target: Locator, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/**
 * The focused element shows where the keyboard is: drawn differently than when it is not focused (an
 * outline on links and buttons, the border on inputs).
 */
async function expectVisibleFocus(page: Page): Promise<void> {
  // Styles ease between focused and not (transitions): measured mid-way, both looked alike. Without
  // transitions each look is final the moment it is read.
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; }' });
  const looks = () =>
    page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return [
        style.outlineStyle,
        style.outlineWidth,
        style.outlineColor,
        style.borderColor,
        style.boxShadow,
      ].join('|');
    });
  const focused = await looks();
  const element = await page.evaluateHandle(() => document.activeElement as HTMLElement);
  await element.evaluate((node) => node.blur());
  const unfocused = await element.evaluate((node) => {
    const style = getComputedStyle(node);
    return [
      style.outlineStyle,
      style.outlineWidth,
      style.outlineColor,
      style.borderColor,
      style.boxShadow,
    ].join('|');
  });
  expect(focused).not.toBe(unfocused);
  await element.evaluate((node) => node.focus());
}

test('works from the keyboard alone, with a visible focus: sign in, the navigation, a case', async ({
  page,
}) => {
  const caseId = await register();
  await page.goto(`${node.baseUrl}/`);
  await tabTo(page, page.getByLabel(field('Username')));
  await expectVisibleFocus(page);
  await page.keyboard.type('ana.manager');
  await tabTo(page, page.getByLabel(field('Password')));
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 2 })).toBeVisible();

  const cases = page.getByRole('navigation').getByRole('link', { name: 'Cases', exact: true });
  await tabTo(page, cases);
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Cases', level: 2 })).toBeVisible();
  const link = page.getByRole('link', { name: caseId.slice(0, 8) });
  await tabTo(page, link, 80);
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: `Case ${caseId.slice(0, 8)}` })).toBeVisible();
});
