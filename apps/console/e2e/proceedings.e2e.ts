import { ok, type NrmClient } from '@nrm/api-client';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ConsoleNode } from './support/console-node';
import { expectAccessible, field, signIn } from './support/console-page';
import { REGISTRATION } from './support/fixtures';

/**
 * Criminal proceedings (issue 15): a proceeding recorded, its final verdict marked "not told yet" until
 * the victim is told through their lawyer; compensation awarded, a payment beyond the award refused
 * in words, a payment within it recorded.
 */
let node: ConsoleNode;
let officer: NrmClient;
let liaison: NrmClient;

test.beforeAll(async () => {
  node = await ConsoleNode.start();
  await node.createUser('ion.officer', 'identification_officer', 'police-md');
  await node.createUser('pavel.liaison', 'prosecution_liaison', 'police-md');
  officer = await node.client('ion.officer');
  liaison = await node.client('pavel.liaison');
});
test.afterAll(async () => node?.stop());

const form = (page: Page, name: string): Locator => page.getByRole('form', { name, exact: true });

async function pick(scope: Locator, label: string, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: field(label) }).click();
  await scope.page().getByRole('option', { name: option, exact: true }).click();
}

test('a proceeding to its final verdict, the victim told of it, and compensation paid within the award', async ({
  page,
}) => {
  const { caseId } = await ok(officer.POST('/api/cases', { body: REGISTRATION }), 201);
  await ok(
    liaison.POST('/api/cases/{id}/compensation-claims', {
      params: { path: { id: caseId } },
      body: { against: 'offender', currency: 'EUR', amount: 5000 },
    }),
    201,
  );
  await signIn(page, node.baseUrl, 'pavel.liaison');
  await page.goto(`${node.baseUrl}/cases/${caseId}`);
  await expect(page.getByRole('heading', { name: `Case ${caseId.slice(0, 8)}` })).toBeVisible();
  await page.getByRole('tab', { name: 'Prosecution' }).click();

  // The proceeding, then its final verdict.
  const opening = form(page, 'Record a criminal proceeding');
  await opening.getByLabel(field('File number')).fill('1-123/2025');
  await pick(opening, 'Stage', 'Trial');
  await pick(opening, 'Authority in charge', 'Court');
  await opening.getByLabel(field('Opened on')).fill('2025-02-01');
  await opening.getByRole('button', { name: 'Record a criminal proceeding' }).click();
  const proceedings = page.getByRole('table', { name: 'Criminal proceedings recorded' });
  await expect(proceedings.getByRole('row', { name: /1-123\/2025 Trial Court/ })).toBeVisible();

  const verdict = form(page, 'Record the verdict');
  await pick(verdict, 'Proceeding', '1. 1-123/2025');
  await pick(verdict, 'Verdict', 'Conviction');
  await pick(verdict, 'Charges decided', 'Trafficking in human beings');
  await page.keyboard.press('Escape');
  await verdict.getByLabel(field('Decided on')).fill('2025-05-01');
  await verdict.getByRole('checkbox', { name: 'Final (no appeal lies against it)' }).check();
  await verdict.getByRole('button', { name: 'Record the verdict' }).click();
  await expect(
    proceedings.getByRole('row', { name: /Conviction.*final.*Not told yet.*Closed/ }),
  ).toBeVisible();
  // Closed: nothing more to record on it.
  await expect(form(page, 'Record the verdict')).toHaveCount(0);

  const told = page
    .locator('.mantine-Card-root')
    .filter({ has: page.getByRole('heading', { name: 'What the victim was told' }) });
  await expect(told.getByRole('status')).toHaveText('1 outcome not told to the victim yet.');
  const outcomes = told.getByRole('table', { name: 'Outcomes the victim has a right to know' });
  await expect(
    outcomes.getByRole('row', { name: /Verdict Proceeding 1-123\/2025 .* Not told yet/ }),
  ).toBeVisible();
  await expectAccessible(page);

  const notification = form(page, 'Record that the victim was told');
  await pick(notification, 'Step', 'Verdict');
  await pick(notification, 'Concerns', 'Proceeding 1-123/2025');
  await pick(notification, 'How', 'Through their lawyer');
  await notification.getByLabel(field('Told on')).fill('2025-05-02');
  await notification.getByRole('button', { name: 'Record that the victim was told' }).click();
  await expect(outcomes.getByRole('row', { name: /Verdict Proceeding 1-123\/2025 .* Told$/ })).toBeVisible();
  await expect(told.getByRole('status')).toHaveCount(0);
  await expect(
    told
      .getByRole('table', { name: 'Times the victim was told' })
      .getByRole('row', { name: /Through their lawyer/ }),
  ).toBeVisible();

  // Compensation: awarded, a payment beyond the award refused in words, one within it recorded.
  const award = form(page, 'Record the compensation awarded');
  await pick(award, 'Claim', '1. The offender');
  await award.getByLabel(field('Amount awarded')).fill('3000');
  await award.getByLabel(field('Currency')).fill('eur');
  await pick(award, 'Awarded by', 'Court');
  await award.getByLabel(field('Awarded on')).fill('2025-05-01');
  await award.getByRole('button', { name: 'Record the compensation awarded' }).click();
  const claims = page.getByRole('table', { name: 'What became of each claim' });
  await expect(claims.getByRole('row', { name: /€3,000\.00 awarded by Court/ })).toBeVisible();

  const payment = form(page, 'Record a payment');
  await pick(payment, 'Claim', '1. The offender');
  await payment.getByLabel(field('Amount paid')).fill('3000.01');
  await payment.getByLabel(field('Paid on')).fill('2025-06-01');
  await payment.getByRole('button', { name: 'Record a payment' }).click();
  await expect(payment.getByRole('alert')).toContainText('more than the 3000 awarded');
  await payment.getByLabel(field('Amount paid')).fill('1000');
  await payment.getByRole('button', { name: 'Record a payment' }).click();
  await expect(
    claims.getByRole('row', { name: /€1,000\.00 paid .* Not told yet.*Paid €1,000\.00 of €3,000\.00/ }),
  ).toBeVisible();
  await expect(told.getByRole('status')).toHaveText('2 outcomes not told to the victim yet.');
  await expectAccessible(page);
});
