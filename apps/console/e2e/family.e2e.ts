import { ok, type NrmClient } from '@nrm/api-client';
import { expect, test, type Locator, type Page } from '@playwright/test';
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

const form = (page: Page, name: string): Locator => page.getByRole('form', { name, exact: true });

/** Picks an option in the select labelled `label` inside `scope` (its options open at the page's end). */
async function pick(scope: Locator, label: string, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: field(label) }).click();
  await scope.page().getByRole('option', { name: option, exact: true }).click();
}

test('a case manager links a child born in this country, appoints the child’s guardian and sees both', async ({
  page,
}) => {
  const { caseId } = await ok(officer.POST('/api/cases', { body: REGISTRATION }), 201);
  // The person consents to assistance: the case manager's use of their (and their family's) identity.
  await ok(
    officer.POST('/api/cases/{id}/consents', {
      params: { path: { id: caseId } },
      body: { purpose: 'assistance', granted: true },
    }),
  );
  await expect
    .poll(async () => {
      const list = await ok(manager.GET('/api/cases', { params: { query: { pageSize: 200 } } }));
      return list.items.some((item) => item.caseId === caseId);
    })
    .toBe(true);
  await signIn(page, node.baseUrl, 'ana.manager');
  await page.goto(`${node.baseUrl}/cases/${caseId}`);
  await page.getByRole('tab', { name: 'Assistance' }).click();
  await expect(page.getByText('No family member is linked to this case.')).toBeVisible();

  const link = form(page, 'Link the family member');
  await pick(link, 'Relation to the person', 'Child');
  await link.getByLabel(field("Member's given name")).fill('Daria');
  await link.getByLabel(field("Member's family name")).fill('Vrabie');
  await pick(link, 'Sex', 'Female');
  await link.getByLabel(field("Member's date of birth")).fill('2025-01-10');
  await link.getByLabel('Born in this country (a child of the person)').check();
  await link.getByRole('button', { name: 'Link the family member' }).click();

  const members = page.getByRole('table', { name: 'Family members linked to the case' });
  const child = members.getByRole('row', { name: /Member 1: Child/ });
  await expect(child).toBeVisible();
  await expect(child.getByRole('cell', { name: 'No guardian yet' })).toBeVisible();
  // The case page reads no one's identity: the child's name is not on it.
  await expect(page.getByText('Daria')).toHaveCount(0);

  const guardian = form(page, "Appoint the child's guardian");
  await pick(guardian, 'Child in need of a guardian', 'Member 1: Child');
  await guardian.getByLabel(field('Appointing authority')).fill('Jugendamt Berlin');
  await guardian.getByLabel(field("Guardian's name")).fill('Karla Weiss');
  await guardian.getByRole('button', { name: "Appoint the child's guardian" }).click();
  await expect(child.getByRole('cell', { name: /^Jugendamt Berlin, / })).toBeVisible();
  await expect(page.getByText("Family member's guardian appointed")).toBeVisible();
  await expectAccessible(page);

  // The names appear only once a purpose is stated (the node logs that read), the child's with the person's.
  await choose(page, 'Purpose of access', 'Case work');
  await page.getByRole('button', { name: 'Show personal data' }).click();
  const names = page.getByRole('table', { name: "Family members' names" });
  await expect(
    names.getByRole('row', { name: /Member 1: Child Daria Vrabie 2025-01-10 Karla Weiss/ }),
  ).toBeVisible();
  await expectAccessible(page);
});
