import { ok, type Schema } from '@nrm/api-client';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { ConsoleNode } from './support/console-node';
import { expectAccessible, field, signIn } from './support/console-page';

/**
 * Issue "Partner nodes", in two consoles: the return officer in Germany (country of destination)
 * proposes the handover to Moldova (country of origin), Moldova's operator sees the proposal on the
 * dashboard and accepts it, and both case histories show the proposal and the acceptance. Two real
 * node processes, registered as each other's partners, as test/e2e/transnational-processes does over
 * HTTP; messages travel between them asynchronously (the partner bridge retries every 100 ms here).
 */
let de: ConsoleNode;
let md: ConsoleNode;
let deCaseId: string;

/** What the two nodes may exchange about a return (tools/demo-transnational's agreement). */
const AGREEMENT: Schema<'AgreementDto'> = {
  reference: 'MoU DE-MD 2026/1 (console test)',
  fields: {
    return: [
      'person.givenName',
      'person.familyName',
      'person.sex',
      'person.citizenship',
      'case.formsOfExploitation',
      'return.riskLevel',
      'return.receivingAgency',
      'answer.reasons',
    ],
  },
};

const nodeEnv = (country: string): Record<string, string> => ({
  NRM_NODE_COUNTRY: country,
  NRM_NODE_ID: `nrm-${country.toLowerCase()}`,
  NRM_PARTNER_RETRY_MS: '100',
  NRM_PARTNER_RETRY_MAX_MS: '1000',
});

test.beforeAll(async () => {
  [de, md] = await Promise.all([ConsoleNode.start(nodeEnv('DE')), ConsoleNode.start(nodeEnv('MD'))]);
  await de.createUser('lena.ident', 'identification_officer', 'bka-de', 'DE');
  await de.createUser('jonas.return', 'return_officer', 'bka-de', 'DE');
  // Cases a partner proposes land in NRM_PARTNER_RECEIVING_AGENCY (default national-nrm-office).
  await md.createUser('ion.return', 'return_officer', 'national-nrm-office', 'MD');
  await de.registerPartner(md, AGREEMENT);
  await md.registerPartner(de, AGREEMENT);

  // The DE case up to "ready to propose": registered, consent to share with MD, the person's request
  // to return, the return risk assessed (with the family).
  const ident = await de.client('lena.ident');
  ({ caseId: deCaseId } = await ok(
    ident.POST('/api/cases', {
      body: {
        referralSource: 'labour_inspectorate',
        person: {
          givenName: 'Ileana',
          familyName: 'Vrabie',
          sex: 'female',
          dateOfBirth: '1996-03-02',
          citizenship: 'MD',
        },
        countryOfExploitation: 'DE',
        formsOfExploitation: ['forced_labour'],
        indicators: ['withheld-documents'],
      },
    }),
    201,
  ));
  const path = { id: deCaseId };
  await ok(
    ident.POST('/api/cases/{id}/consents', {
      params: { path },
      body: { purpose: 'data_sharing', recipient: 'MD', granted: true },
    }),
    201,
  );
  const returner = await de.client('jonas.return');
  await ok(
    returner.POST('/api/cases/{id}/return-request', {
      params: { path },
      body: { statedBy: 'victim', earlyReturnRequested: true },
    }),
    201,
  );
  await ok(
    returner.POST('/api/cases/{id}/risk-assessments', {
      params: { path },
      body: { kind: 'return', level: 'low', notes: 'mother supportive', familyAssessed: true },
    }),
    201,
  );
});
test.afterAll(async () => {
  await Promise.all([de?.stop(), md?.stop()]);
});

/** Each node's operator in their own browser context: own session cookie, nothing shared. */
async function openAs(browser: Browser, node: ConsoleNode, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, node.baseUrl, username);
  return page;
}

const form = (page: Page, name: string): Locator => page.getByRole('form', { name, exact: true });
const card = (page: Page, heading: string): Locator =>
  page.locator('.mantine-Card-root').filter({ has: page.getByRole('heading', { name: heading }) });
const history = (page: Page): Locator => card(page, 'History');
const stageIs = (page: Page, caseId: string, stage: string): Locator =>
  page.getByText(`${caseId} · ${stage} · `);
/** The row of the partner messages table for one message: direction, kind, outcome. */
const message = (page: Page, direction: string, kind: string): Locator =>
  page.getByRole('row', { name: new RegExp(`^${direction} ${kind} Accepted `) });

/** Reloads `page` until `locator` shows: what arrives from the partner node does so asynchronously. */
async function reloadUntilVisible(page: Page, locator: Locator): Promise<void> {
  await expect(async () => {
    await page.reload();
    await expect(locator).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
}

test('DE proposes the handover, MD sees it on the dashboard and accepts, both histories show it', async ({
  browser,
}) => {
  // 1. Germany's return officer proposes the handover to Moldova in the Return tab.
  const dePage = await openAs(browser, de, 'jonas.return');
  await dePage.goto(`${de.baseUrl}/cases/${deCaseId}`);
  await expect(stageIs(dePage, deCaseId, 'Return requested')).toBeVisible();
  await dePage.getByRole('tab', { name: 'Return' }).click();
  const proposal = form(dePage, 'Propose the handover');
  const country = proposal.getByRole('combobox', { name: field('Country of origin') });
  await country.click();
  await country.fill('Mold');
  await dePage.getByRole('option', { name: 'Moldova', exact: true }).click();
  await proposal.getByRole('button', { name: 'Propose the handover' }).click();
  await expect(stageIs(dePage, deCaseId, 'Handover proposed')).toBeVisible();
  await expect(history(dePage).getByText('Handover proposed', { exact: true })).toBeVisible();

  // 2. Moldova's return officer finds the proposal on the dashboard once it has arrived.
  const mdPage = await openAs(browser, md, 'ion.return');
  const proposals = card(mdPage, 'Handover proposals awaiting an answer');
  const waiting = proposals.getByRole('link');
  await reloadUntilVisible(mdPage, waiting);
  await expect(waiting).toHaveCount(1);
  await expect(proposals.getByRole('cell', { name: 'Moldova' })).toBeVisible();
  await expectAccessible(mdPage);
  await waiting.click();
  await expect(mdPage).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  const mdCaseId = mdPage.url().split('/').at(-1) ?? '';
  // Moldova's case is its own, opened from the proposal: not Germany's id.
  expect(mdCaseId).not.toBe(deCaseId);
  await expect(stageIs(mdPage, mdCaseId, 'Handover proposed')).toBeVisible();
  await expect(history(mdPage).getByText('Handover proposal received', { exact: true })).toBeVisible();

  await mdPage.getByRole('tab', { name: 'Return' }).click();
  await expect(mdPage.getByRole('row', { name: 'Proposed by Germany' })).toBeVisible();
  const acceptance = form(mdPage, 'Record the acceptance');
  await acceptance.getByLabel(field('Receiving agency')).fill('md-reception');
  await acceptance.getByLabel(field('Reasons')).fill('shelter place ready');
  await acceptance.getByRole('button', { name: 'Record the acceptance' }).click();
  await expect(stageIs(mdPage, mdCaseId, 'Handover accepted')).toBeVisible();

  // 3. Moldova's history: the proposal received, the acceptance; both messages in the exchange.
  await expect(history(mdPage).getByText('Handover accepted', { exact: true })).toBeVisible();
  await expect(mdPage.getByRole('row', { name: 'Status on this node Accepted' })).toBeVisible();
  await expect(message(mdPage, 'Received', 'Handover proposed')).toBeVisible();
  // The acceptance is "accepted" once Germany's node took it (sent asynchronously).
  await reloadUntilVisible(mdPage, message(mdPage, 'Sent', 'Handover accepted'));
  await expectAccessible(mdPage);

  // Germany's page shows the acceptance once it arrived: the stage, the history, both messages.
  await reloadUntilVisible(dePage, stageIs(dePage, deCaseId, 'Handover accepted'));
  await expect(history(dePage).getByText('Handover proposed', { exact: true })).toBeVisible();
  await expect(history(dePage).getByText('Handover accepted', { exact: true })).toBeVisible();
  await dePage.getByRole('tab', { name: 'Return' }).click();
  await expect(dePage.getByRole('row', { name: 'Status on this node Accepted' })).toBeVisible();
  await expect(dePage.getByRole('row', { name: 'Receiving agency md-reception' })).toBeVisible();
  await expect(message(dePage, 'Sent', 'Handover proposed')).toBeVisible();
  await expect(message(dePage, 'Received', 'Handover accepted')).toBeVisible();
  await expectAccessible(dePage);

  // Moldova's dashboard: nothing waits any more.
  await mdPage.getByRole('link', { name: 'Dashboard' }).click();
  await expect(proposals.getByText('No proposal is waiting.')).toBeVisible();
});
