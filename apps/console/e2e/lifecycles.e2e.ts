import { ok, type NrmClient } from '@nrm/api-client';
import { expect, test } from '@playwright/test';
import { ConsoleNode } from './support/console-node';
import { choose, expectAccessible, field, signIn } from './support/console-page';
import { REGISTRATION } from './support/fixtures';

let node: ConsoleNode;
let officer: NrmClient;
let caseManager: NrmClient;

test.beforeAll(async () => {
  node = await ConsoleNode.start();
  await node.createUser('ion.officer', 'identification_officer', 'police-md');
  await node.createUser('ana.manager', 'case_manager', 'police-md');
  officer = await node.client('ion.officer');
  caseManager = await node.client('ana.manager');
});
test.afterAll(async () => node?.stop());

test('a person registered under a pseudonym is identified later; a negative identification is appealed and overturned', async ({
  page,
}) => {
  await signIn(page, node.baseUrl, 'ion.officer');
  await page.getByRole('link', { name: 'Register a presumed victim' }).click();
  await choose(page, 'Referred by', 'Police');
  await choose(page, 'Country of exploitation', 'Germany', 'Germ');
  await choose(page, 'Forms of exploitation', 'Forced labour');
  await page.keyboard.press('Escape');
  await page.getByRole('checkbox', { name: 'Register under a pseudonym' }).check();
  await expect(page.getByLabel(field('Given name'))).toHaveCount(0);
  await expectAccessible(page);
  await page.getByLabel(field('Pseudonym')).fill('<b>Rose</b>');
  await choose(page, 'Sex', 'Female');
  await choose(page, 'Citizenship', 'Moldova', 'Mold');
  await page.getByRole('button', { name: 'Register', exact: true }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  const caseId = page.url().split('/').pop() as string;

  // The pseudonym names the person (as text), under the same purpose as a name.
  await choose(page, 'Purpose of access', 'Case work');
  await page.getByRole('button', { name: 'Show personal data' }).click();
  await expect(page.getByTestId('person-pseudonym')).toHaveText(
    'Pseudonym: <b>Rose</b> (identity not recorded yet)',
  );
  await expect(
    page.getByText(/registered under a pseudonym; their identity is not recorded yet/),
  ).toBeVisible();
  await expectAccessible(page);

  // The person gives their name.
  const identity = page.getByRole('form', { name: 'Record the identity' });
  await identity.getByLabel(field('Given name')).fill('Ana');
  await identity.getByLabel(field('Family name')).fill('Popescu');
  await identity.getByRole('button', { name: 'Record the identity' }).click();
  await expect(page.getByText(/^Registered under a pseudonym; identity recorded at/)).toBeVisible();

  // Found not identified, then appealed: the appeal is pending, then overturned.
  await ok(
    officer.POST('/api/cases/{id}/identification', {
      params: { path: { id: caseId } },
      body: { decision: 'not_identified', reasons: 'r' },
    }),
  );
  await page.reload();
  const request = page.getByRole('form', { name: 'Record the review or appeal' });
  await choose(page, 'Kind', 'Appeal by the person or their representative');
  await request.getByLabel(field('Grounds (personal data)')).fill('the debt bondage was not considered');
  await request.getByRole('button', { name: 'Record the review or appeal' }).click();
  await expect(page.getByRole('cell', { name: 'Pending' })).toBeVisible();
  await expectAccessible(page);
  await choose(page, 'Outcome', 'Overturned');
  await page.getByRole('button', { name: 'Record the decision' }).click();
  await expect(page.getByRole('cell', { name: 'Decision overturned' })).toBeVisible();
  await expectAccessible(page);
});

test('a case manager reopens a closed case: it is assisted again, the closure kept in the reopening', async ({
  page,
}) => {
  const { caseId } = await ok(officer.POST('/api/cases', { body: REGISTRATION }), 201);
  await ok(
    caseManager.POST('/api/cases/{id}/closure', {
      params: { path: { id: caseId } },
      body: { reason: 'assistance_completed' },
    }),
  );
  await signIn(page, node.baseUrl, 'ana.manager');
  await page.goto(`${node.baseUrl}/cases/${caseId}`);
  await expect(page.getByRole('heading', { name: 'Reopening' })).toBeVisible();
  await expectAccessible(page);
  await choose(page, 'Reason for reopening', 'Re-trafficked');
  await page.getByLabel(field('Note (personal data)')).fill('came back to the shelter');
  await page.getByRole('button', { name: 'Reopen the case' }).click();
  await expect(page.getByRole('cell', { name: 'Re-trafficked' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reopen the case' })).toHaveCount(0);
  await expectAccessible(page);
});
