import { ok, type NrmClient } from '@nrm/api-client';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ConsoleNode } from './support/console-node';
import { choose, expectAccessible, field, signIn } from './support/console-page';
import { REGISTRATION } from './support/fixtures';

/**
 * Team meetings and case conferences (issue 15): a case manager records a meeting of the
 * multidisciplinary team on the case page, the meeting is listed (its decisions not shown), its next
 * review appears on the dashboard among the deadlines, and a review not after the meeting is refused in words.
 */
let node: ConsoleNode;
let officer: NrmClient;

test.beforeAll(async () => {
  node = await ConsoleNode.start();
  await node.createUser('ion.officer', 'identification_officer', 'police-md');
  await node.createUser('ana.manager', 'case_manager', 'police-md');
  // The district's team and the agencies the meeting names, in the organisation registry.
  await node.registerTeam('dmt-chisinau', ['police-md', 'shelter-ngo-2']);
  officer = await node.client('ion.officer');
});
test.afterAll(async () => node?.stop());

const DAY_MS = 24 * 60 * 60 * 1000;
const dateIn = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
const meetingForm = (page: Page): Locator =>
  page.getByRole('form', { name: 'Record the meeting', exact: true });

test('a team meeting is recorded and listed, and its next review is a deadline on the dashboard', async ({
  page,
}) => {
  const { caseId } = await ok(officer.POST('/api/cases', { body: REGISTRATION }), 201);
  await signIn(page, node.baseUrl, 'ana.manager');
  await page.goto(`${node.baseUrl}/cases/${caseId}`);
  await expect(page.getByRole('heading', { name: 'Team meetings' })).toBeVisible();
  await expect(page.getByText('No team meeting or case conference recorded yet.')).toBeVisible();

  // A review on the day of the meeting is refused, in words; what was typed stays.
  const form = meetingForm(page);
  await choose(page, 'Kind of meeting', 'Multidisciplinary team meeting');
  await form.getByLabel(field('Team code')).fill('dmt-chisinau');
  await form.getByLabel(field('Participating agencies')).fill('police-md, shelter-ngo-2');
  await form.getByRole('combobox', { name: field("Participants' roles") }).click();
  await page.getByRole('option', { name: 'Social worker', exact: true }).click();
  await page.keyboard.press('Escape');
  await form.getByRole('checkbox', { name: 'Review of the plan' }).check();
  await form.getByRole('checkbox', { name: 'Risk assessment' }).check();
  await form.getByLabel(field('Decisions')).fill('Shelter placement extended by three months');
  await form.getByLabel(field('Next review')).fill(dateIn(0));
  await form.getByRole('button', { name: 'Record the meeting' }).click();
  await expect(form.getByRole('alert')).toContainText('The request does not fit the case as it is.');
  await expect(form.getByLabel(field('Decisions'))).toHaveValue('Shelter placement extended by three months');
  await expectAccessible(page);

  // With a review in ten days it is recorded and listed; the decisions are not shown.
  await form.getByLabel(field('Next review')).fill(dateIn(10));
  await form.getByRole('button', { name: 'Record the meeting' }).click();
  const meetings = page.getByRole('table', { name: 'Meetings, in the order they were held' });
  await expect(
    meetings.getByRole('cell', { name: 'Multidisciplinary team meeting (dmt-chisinau)' }),
  ).toBeVisible();
  await expect(meetings.getByRole('cell', { name: 'Risk assessment, Review of the plan' })).toBeVisible();
  await expect(meetings.getByRole('cell', { name: 'police-md, shelter-ngo-2' })).toBeVisible();
  await expect(page.getByText('Shelter placement extended')).toHaveCount(0);
  await expectAccessible(page);

  // The review is among the deadlines the dashboard lists.
  await page.getByRole('link', { name: 'Dashboard' }).click();
  const due = page
    .locator('.mantine-Card-root')
    .filter({ has: page.getByRole('heading', { name: 'Due or overdue' }) });
  await expect(
    due
      .getByRole('row')
      .filter({ hasText: caseId.slice(0, 8) })
      .filter({ hasText: 'Team review of the case' }),
  ).toBeVisible();
  await expectAccessible(page);
});
