import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { ConsoleNode } from './support/console-node';
import { choose, expectAccessible, field, signIn } from './support/console-page';

/**
 * A case walked from registration to reintegration and closure through the console, each step by the
 * role that owns it, as test/e2e/case-walk.e2e.spec.ts walks it over HTTP on one node: the handover to
 * Moldova has no partner node there either, so the return officer records the partner's acceptance,
 * the departure, the arrival and the reception on this node (no step needs the API).
 */
let node: ConsoleNode;

test.beforeAll(async () => {
  node = await ConsoleNode.start();
  await node.createUser('ion.officer', 'identification_officer', 'police-md');
  await node.createUser('ana.manager', 'case_manager', 'police-md');
  await node.createUser('radu.return', 'return_officer', 'police-md');
  // The providers the walk names: case commands name registered agencies only.
  await node.registerAgencies(['psy-ngo-1', 'md-jobs']);
});
test.afterAll(async () => node?.stop());

/** Each role in its own browser context: its own session cookie, nothing shared with the others. */
async function openAs(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, node.baseUrl, username);
  return page;
}

const form = (page: Page, name: string): Locator => page.getByRole('form', { name, exact: true });

/** Picks an option in the select labelled `label` inside `scope` (its options open at the page's end). */
async function pick(scope: Locator, label: string, option: string, search?: string): Promise<void> {
  const input = scope.getByRole('combobox', { name: field(label) });
  await input.click();
  if (search) await input.fill(search);
  await scope.page().getByRole('option', { name: option, exact: true }).click();
}

/** The stage in the header and the phase the stepper marks as current. */
async function expectStage(page: Page, caseId: string, stage: string, phase: string): Promise<void> {
  await expect(page.getByText(`${caseId} · ${stage} · `)).toBeVisible();
  await expect(page.locator('[aria-label="Phase of the referral"] button[data-progress]')).toContainText(
    phase,
  );
}

const history = (page: Page): Locator =>
  page.locator('.mantine-Card-root').filter({ has: page.getByRole('heading', { name: 'History' }) });

test('a case walked from registration to reintegration and closure by the roles that own each step', async ({
  browser,
}) => {
  // Identification officer: registers, records the person's consents, decides identification.
  const officer = await openAs(browser, 'ion.officer');
  await officer.getByRole('link', { name: 'Register a presumed victim' }).click();
  await choose(officer, 'Referred by', 'Labour inspectorate');
  await choose(officer, 'Country of exploitation', 'Germany', 'Germ');
  await choose(officer, 'Forms of exploitation', 'Forced labour');
  await officer.keyboard.press('Escape');
  await officer.getByLabel(field('Given name')).fill('Ileana');
  await officer.getByLabel(field('Family name')).fill('Vrabie');
  await choose(officer, 'Sex', 'Female');
  await choose(officer, 'Citizenship', 'Moldova', 'Mold');
  await officer.getByRole('button', { name: 'Register', exact: true }).click();
  await expect(officer).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  const caseUrl = officer.url();
  const caseId = caseUrl.split('/').at(-1) ?? '';
  await expectStage(officer, caseId, 'Registered', 'Identification and referral');

  const consent = form(officer, 'Record the consent');
  await pick(consent, 'Purpose', 'Assistance');
  await consent.getByRole('button', { name: 'Record the consent' }).click();
  await expect(officer.getByRole('cell', { name: 'Assistance', exact: true })).toBeVisible();
  await pick(consent, 'Purpose', 'Sharing data');
  await consent.getByLabel(field('Recipient')).fill('MD');
  await consent.getByRole('button', { name: 'Record the consent' }).click();
  await expect(officer.getByRole('cell', { name: 'MD', exact: true })).toBeVisible();

  const decision = form(officer, 'Record the decision');
  await pick(decision, 'Decision', 'Identified as a victim');
  await decision.getByLabel(field('Reasons')).fill('indicators confirmed');
  await decision.getByRole('button', { name: 'Record the decision' }).click();
  await expectStage(officer, caseId, 'Identified', 'Identification and referral');
  await expect(decision).toHaveCount(0); // decided: the form is gone
  await expect(history(officer).getByText('Identification concluded')).toBeVisible();
  await expect(history(officer).getByText('Consent given')).toHaveCount(2);
  await expectAccessible(officer);

  // Case manager: needs, the assistance plan, a referral the provider accepts and delivers.
  const manager = await openAs(browser, 'ana.manager');
  await manager.goto(caseUrl);
  await expectStage(manager, caseId, 'Identified', 'Identification and referral');
  await manager.getByRole('tab', { name: 'Assistance' }).click();
  const needs = form(manager, 'Record the needs assessment');
  await pick(needs, 'Needs', 'Accommodation');
  await manager.keyboard.press('Escape');
  await pick(needs, 'Needs', 'Psychological support');
  await manager.keyboard.press('Escape');
  await needs.getByRole('button', { name: 'Record the needs assessment' }).click();
  await expect(manager.getByRole('cell', { name: 'Accommodation, Psychological support' })).toBeVisible();

  const plan = form(manager, 'Adopt the assistance plan');
  await pick(plan, 'Service 1', 'Accommodation');
  await plan.getByRole('button', { name: 'Adopt the assistance plan' }).click();
  await expectStage(manager, caseId, 'Assisted', 'Assistance and protection');
  await expect(manager.getByText(/^Adopted /)).toBeVisible();

  const referral = form(manager, 'Refer to the service');
  await pick(referral, 'Service', 'Psychological support');
  await referral.getByLabel(field('Provider')).fill('psy-ngo-1');
  await referral.getByRole('button', { name: 'Refer to the service' }).click();
  const answer = manager.getByRole('group', { name: "Provider's answer: Psychological support (psy-ngo-1)" });
  await expect(
    manager.getByRole('row', { name: /Psychological support \(psy-ngo-1\) Referred/ }),
  ).toBeVisible();
  await answer.getByRole('button', { name: 'Accepted by the provider' }).click();
  const delivery = manager.getByRole('group', { name: 'Delivery: Psychological support (psy-ngo-1)' });
  await delivery.getByRole('button', { name: 'Record the delivery' }).click();
  await expect(
    manager.getByRole('row', { name: /Psychological support \(psy-ngo-1\) Delivered/ }),
  ).toBeVisible();
  await expect(history(manager).getByText('Service delivered')).toBeVisible();
  await expectAccessible(manager);

  // Return officer: the person's request, the return risk assessment, the handover step by step.
  const returner = await openAs(browser, 'radu.return');
  await returner.goto(caseUrl);
  await returner.getByRole('tab', { name: 'Return' }).click();
  const request = form(returner, 'Record the return request');
  await request.getByLabel('Return before the end of the reflection period').check();
  await request.getByRole('button', { name: 'Record the return request' }).click();
  await expectStage(returner, caseId, 'Return requested', 'Return');

  const risk = form(returner, 'Record the return risk assessment');
  await pick(risk, 'Risk level', 'Low');
  await risk.getByLabel(field('Notes')).fill('family supportive');
  // A handover needs the family assessed; the form says so by default, as the node assumes.
  await expect(risk.getByLabel('The family situation was assessed too')).toBeChecked();
  await risk.getByRole('button', { name: 'Record the return risk assessment' }).click();
  await expect(history(returner).getByText('Return risk assessed')).toBeVisible();

  const proposal = form(returner, 'Propose the handover');
  await pick(proposal, 'Country of origin', 'Moldova', 'Mold');
  await proposal.getByRole('button', { name: 'Propose the handover' }).click();
  await expectStage(returner, caseId, 'Handover proposed', 'Return');
  await expect(returner.getByRole('row', { name: 'Status on this node Proposed' })).toBeVisible();
  await expect(
    returner.getByRole('row', { name: /Partner's side Recorded on this node only/ }),
  ).toBeVisible();

  const acceptance = form(returner, 'Record the acceptance');
  await acceptance.getByLabel(field('Receiving agency')).fill('md-nrm');
  await acceptance.getByRole('button', { name: 'Record the acceptance' }).click();
  await expectStage(returner, caseId, 'Handover accepted', 'Return');
  // The journey needs a valid travel document: the passport the person holds.
  const passport = form(returner, 'Record a document');
  await pick(passport, 'Document', 'Passport');
  await pick(passport, 'Where it is', 'With the person');
  await passport.getByLabel(field('Valid until')).fill('2099-12-31');
  await passport.getByRole('button', { name: 'Record a document' }).click();
  await expect(history(returner).getByText('Identity document recorded')).toBeVisible();
  await form(returner, 'Record the departure').getByRole('button').click();
  await expectStage(returner, caseId, 'In transit', 'Return');
  await form(returner, 'Record the arrival').getByRole('button').click();
  await expectStage(returner, caseId, 'Arrived', 'Return');
  const reception = form(returner, 'Record the reception');
  await reception.getByLabel(field('Receiving agency')).fill('md-nrm');
  await reception.getByRole('button', { name: 'Record the reception' }).click();
  await expectStage(returner, caseId, 'Received', 'Return');
  await expect(returner.getByRole('row', { name: 'Status on this node Received' })).toBeVisible();
  await expect(history(returner).getByText('Reception confirmed')).toBeVisible();
  await expectAccessible(returner);

  // Reintegration: the plan in the country of origin, then its progress.
  await returner.getByRole('tab', { name: 'Reintegration' }).click();
  const reintegration = form(returner, 'Adopt the reintegration plan');
  await pick(reintegration, 'Service 1', 'Employment');
  await reintegration.getByLabel(field('Provider of service 1')).fill('md-jobs');
  await reintegration.getByRole('button', { name: 'Adopt the reintegration plan' }).click();
  await expectStage(returner, caseId, 'Reintegration', 'Reintegration');
  await expect(returner.getByRole('row', { name: 'Employment md-jobs' })).toBeVisible();
  const progress = form(returner, 'Record the progress');
  await pick(progress, 'Progress', 'On track');
  await progress.getByRole('button', { name: 'Record the progress' }).click();
  await expect(returner.getByRole('row', { name: 'Status On track' })).toBeVisible();
  await expect(history(returner).getByText('Reintegration progress recorded')).toBeVisible();
  await expectAccessible(returner);

  // Case manager closes the case; every role's steps are in its history.
  await manager.reload();
  await manager.getByRole('tab', { name: 'Closure' }).click();
  const closure = form(manager, 'Close the case');
  await pick(closure, 'Reason', 'Reintegrated');
  await closure.getByRole('button', { name: 'Close the case' }).click();
  await expectStage(manager, caseId, 'Closed', 'Closed');
  await expect(manager.getByRole('row', { name: 'Reason Reintegrated' })).toBeVisible();
  for (const event of [
    'Presumed victim registered',
    'Assistance plan adopted',
    'Handover accepted',
    'Case closed',
  ])
    await expect(history(manager).getByText(event, { exact: true })).toBeVisible();
  await expectAccessible(manager);
});
