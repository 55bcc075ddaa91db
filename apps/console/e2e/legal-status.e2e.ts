import { ok, type NrmClient } from '@nrm/api-client';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ConsoleNode } from './support/console-node';
import { expectAccessible, field, signIn } from './support/console-page';
import { REGISTRATION } from './support/fixtures';

/**
 * Legal status in the country of destination (issue 13): a residence permit granted with its expiry,
 * and a removal order on a presumed victim, which raises an alert and cannot be recorded as carried
 * out before the identification is concluded (CoE Convention art. 10(2)).
 */
let node: ConsoleNode;
let officer: NrmClient;

test.beforeAll(async () => {
  node = await ConsoleNode.start();
  await node.createUser('ion.officer', 'identification_officer', 'police-md');
  await node.createUser('radu.return', 'return_officer', 'police-md');
  officer = await node.client('ion.officer');
});
test.afterAll(async () => node?.stop());

const form = (page: Page, name: string): Locator => page.getByRole('form', { name, exact: true });

async function pick(scope: Locator, label: string, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: field(label) }).click();
  await scope.page().getByRole('option', { name: option, exact: true }).click();
}

const history = (page: Page): Locator =>
  page.locator('.mantine-Card-root').filter({ has: page.getByRole('heading', { name: 'History' }) });

test('a permit granted with its expiry, and a removal order on a presumed victim: the alert and the refusal', async ({
  page,
}) => {
  const { caseId } = await ok(officer.POST('/api/cases', { body: REGISTRATION }), 201);
  await signIn(page, node.baseUrl, 'radu.return');
  await page.goto(`${node.baseUrl}/cases/${caseId}`);
  await expect(page.getByRole('heading', { name: `Case ${caseId.slice(0, 8)}` })).toBeVisible();
  await page.getByRole('tab', { name: 'Return' }).click();

  // The application, then the grant with the last day of validity.
  const application = form(page, 'Record the application for a residence permit');
  await pick(application, 'Basis', 'Cooperation with the authorities (art. 14(1)(b), Directive 2004/81/EC)');
  await application.getByRole('button', { name: 'Record the application for a residence permit' }).click();
  await expect(history(page).getByText('Residence permit applied for')).toBeVisible();

  const decision = form(page, 'Record the decision on the permit');
  await pick(decision, 'Permit', '1. Cooperation with the authorities (art. 14(1)(b), Directive 2004/81/EC)');
  await pick(decision, 'Decision', 'Granted');
  await decision.getByLabel(field('Valid until')).fill('2099-06-30');
  await decision.getByRole('button', { name: 'Record the decision on the permit' }).click();
  const permits = page.getByRole('table', { name: 'Residence permits recorded' });
  await expect(
    permits.getByRole('row', { name: /Cooperation with the authorities .* Granted Jun 30, 2099/ }),
  ).toBeVisible();

  // A removal order while the person is a presumed victim: the alert at the top of the case.
  await form(page, 'Record a removal order').getByRole('button', { name: 'Record a removal order' }).click();
  const alert = page
    .getByRole('alert')
    .filter({ hasText: 'Removal order before the identification is concluded' });
  await expect(alert).toContainText('No removal may take place before the identification is concluded');
  await expect(
    page
      .getByRole('table', { name: 'Removal orders recorded' })
      .getByRole('row', { name: /Notified Identification not concluded/ }),
  ).toBeVisible();
  await expectAccessible(page);

  // Recording the removal as carried out is refused (422), in words, and nothing is recorded.
  const enforcement = form(page, 'Record the removal as carried out');
  await enforcement.getByRole('combobox', { name: field('Removal order') }).click();
  await page.getByRole('option', { name: /^1\. notified / }).click();
  await enforcement.getByRole('button', { name: 'Record the removal as carried out' }).click();
  const refusal = enforcement
    .getByRole('alert')
    .filter({ hasText: 'The referral rules do not allow this yet' });
  await expect(refusal).toContainText('the identification is not concluded');
  await expect(history(page).getByText('Removal carried out')).toHaveCount(0);
  await expect(alert).toBeVisible();
  await expectAccessible(page);
});
