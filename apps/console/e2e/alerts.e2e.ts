import { ok, type Schema } from '@nrm/api-client';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { ConsoleNode } from './support/console-node';
import { choose, expectAccessible, field, signIn } from './support/console-page';

/**
 * Issue 13, item 6 (Convention CETS 197, art. 33), in two consoles: Germany's case manager learns that
 * the victim's family member is in immediate danger in Moldova and sends an urgent alert from the case
 * page; no handover exists. Moldova's operator finds it at the top of the dashboard and acknowledges
 * it; Germany's case page shows it delivered. Two real node processes, partners of each other.
 */
let de: ConsoleNode;
let md: ConsoleNode;
let deCaseId: string;

const AGREEMENT: Schema<'AgreementDto'> = {
  reference: 'MoU DE-MD 2026/1 (alerts test)',
  fields: { return: [] },
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
  await de.createUser('anna.case', 'case_manager', 'bka-de', 'DE');
  await md.createUser('ion.case', 'case_manager', 'national-nrm-office', 'MD');
  await de.registerPartner(md, AGREEMENT);
  await md.registerPartner(de, AGREEMENT);
  const ident = await de.client('lena.ident');
  ({ caseId: deCaseId } = await ok(
    ident.POST('/api/cases', {
      body: {
        referralSource: 'labour_inspectorate',
        person: { givenName: 'Ileana', familyName: 'Vrabie', sex: 'female', citizenship: 'MD' },
        countryOfExploitation: 'DE',
        formsOfExploitation: ['forced_labour'],
        indicators: ['withheld-documents'],
      },
    }),
    201,
  ));
  // The case manager acts on the case: the team is the registering agency's.
});
test.afterAll(async () => {
  await Promise.all([de?.stop(), md?.stop()]);
});

async function openAs(browser: Browser, node: ConsoleNode, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, node.baseUrl, username);
  return page;
}

const card = (page: Page, heading: string): Locator =>
  page.locator('.mantine-Card-root').filter({ has: page.getByRole('heading', { name: heading }) });

async function reloadUntilVisible(page: Page, locator: Locator): Promise<void> {
  await expect(async () => {
    await page.reload();
    await expect(locator).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
}

test('DE alerts MD of a family member in danger; MD sees it first on the dashboard and acknowledges it', async ({
  browser,
}) => {
  const dePage = await openAs(browser, de, 'anna.case');
  await dePage.goto(`${de.baseUrl}/cases/${deCaseId}`);
  const alerts = card(dePage, 'Urgent alerts to partner countries');
  await expect(alerts.getByText('No urgent alert raised.')).toBeVisible();
  const form = dePage.getByRole('form', { name: 'Send urgent alert', exact: true });
  const country = form.getByRole('combobox', { name: field('Country where the danger is') });
  await country.click();
  await country.fill('Mold');
  await dePage.getByRole('option', { name: 'Moldova', exact: true }).click();
  await choose(dePage, 'Who is in danger', 'Family member');
  await choose(dePage, 'Danger', 'Retaliation');
  await form.getByLabel(field('What is known of the danger')).fill('sister threatened by the recruiter');
  await form.getByRole('button', { name: 'Send urgent alert' }).click();
  // Delivered at once, without any handover (the list reads the delivery again while it is sending).
  const row = alerts.getByRole('row', { name: /Moldova Family member Retaliation .* Delivered/ });
  await expect(row).toBeVisible({ timeout: 30_000 });
  await expect(card(dePage, 'History').getByText('Urgent alert raised', { exact: true })).toBeVisible();
  await expectAccessible(dePage);

  // Moldova: the alert is the first thing on the dashboard, above the caseload.
  const mdPage = await openAs(browser, md, 'ion.case');
  const received = mdPage
    .getByRole('alert')
    .filter({ hasText: 'Family member in immediate danger: Retaliation' });
  await reloadUntilVisible(mdPage, received);
  await expect(received).toContainText('From Germany (nrm-de)');
  // What the operator wrote in Germany never left Germany.
  await expect(mdPage.getByText('sister threatened')).toHaveCount(0);
  const headings = await mdPage.getByRole('heading', { level: 3 }).allTextContents();
  expect(headings[0]).toBe('Urgent alerts from partner countries');
  await expectAccessible(mdPage);
  await received.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(mdPage.getByText('No open urgent alert.')).toBeVisible();
  await expect(mdPage.getByText(/Family member, Retaliation, from Germany: acknowledged by/)).toBeVisible();
});
