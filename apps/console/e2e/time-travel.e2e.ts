import { ok, type NrmClient } from '@nrm/api-client';
import { expect, test, type Page } from '@playwright/test';
import { ConsoleNode } from './support/console-node';
import { expectAccessible, field, signIn } from './support/console-page';
import { REGISTRATION } from './support/fixtures';

let node: ConsoleNode;
let caseId: string;
/** Revisions of the events the tests look at, as the case's history numbers them. */
let consented: number;
let ageAssessed: number;
let last: number;
const GUARDIAN = 'Tudor Guardianescu';

/**
 * A case with a history: registered (revision 0, with its reflection period), a consent, an age
 * assessment that presumes a child, a guardian appointed. The auditor looks at it as it was and at what
 * each event changed.
 */
test.beforeAll(async () => {
  node = await ConsoleNode.start();
  await node.createUser('ion.officer', 'identification_officer', 'police-md');
  await node.createUser('ana.manager', 'case_manager', 'police-md');
  await node.createUser('vera.auditor', 'auditor', 'dpa-md');
  const officer: NrmClient = await node.client('ion.officer');
  const auditor: NrmClient = await node.client('vera.auditor');
  ({ caseId } = await ok(officer.POST('/api/cases', { body: REGISTRATION }), 201));
  const id = { id: caseId };
  await ok(
    officer.POST('/api/cases/{id}/consents', {
      params: { path: id },
      body: { purpose: 'assistance', granted: true },
    }),
  );
  await ok(
    officer.POST('/api/cases/{id}/age-assessment', {
      params: { path: id },
      body: { method: 'interview', presumedMinor: true },
    }),
  );
  await ok(
    officer.POST('/api/cases/{id}/guardian', {
      params: { path: id },
      body: { authority: 'Child Protection Authority Chisinau', name: GUARDIAN },
    }),
  );
  const history = (await ok(auditor.GET('/api/cases/{id}/events', { params: { path: id } }))).items;
  const revisionOf = (type: string) => history.find((event) => event.type === type)?.revision ?? -1;
  consented = revisionOf('ConsentGiven');
  ageAssessed = revisionOf('AgeAssessed');
  last = revisionOf('GuardianAppointed');
  expect([consented, ageAssessed, last]).toEqual([ageAssessed - 1, last - 1, history.length - 1]);
  // The page reads the case from the read model: wait until it has the last event.
  await expect
    .poll(async () => (await ok(auditor.GET('/api/cases/{id}', { params: { path: id } }))).revision)
    .toBe(last);
  // What the page should show, as the API answers it: the age assessment turned presumedMinor on.
  const changes = await ok(
    auditor.GET('/api/cases/{id}/changes', {
      params: { path: id, query: { from: consented, to: ageAssessed } },
    }),
  );
  expect(changes.items[0].changes).toContainEqual({ path: '/presumedMinor', from: false, to: true });
});
test.afterAll(async () => node?.stop());

const banner = (page: Page) =>
  page.getByRole('status').filter({ hasText: 'You are viewing this case as it was' });
const presumedChild = (page: Page) => page.getByText('Presumed child', { exact: true });

async function openCase(page: Page, username: string): Promise<void> {
  await signIn(page, node.baseUrl, username);
  await page.goto(`${node.baseUrl}/cases/${caseId}`);
  await expect(page.getByRole('heading', { name: `Case ${caseId.slice(0, 8)}` })).toBeVisible();
}

async function viewRevision(page: Page, revision: number, event: string): Promise<void> {
  await page.getByRole('combobox', { name: field('Revision') }).click();
  await page.getByRole('option', { name: new RegExp(`^rev ${revision} — ${event} — `) }).click();
  await page.getByRole('button', { name: 'View the case as it was' }).click();
}

test('an auditor sees the case as it was at its registration, in a link that survives a reload, and returns to it as it is', async ({
  page,
}) => {
  await openCase(page, 'vera.auditor');
  await expect(presumedChild(page).first()).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Assistance' })).toBeVisible();

  await viewRevision(page, 0, 'Presumed victim registered');
  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}\\?asOf=0$`));
  await expect(banner(page)).toContainText('as it was after revision 0 (');
  // Fields that changed later read as they were: not yet a presumed child, no consent.
  await expect(page.getByText('No consent recorded yet.')).toBeVisible();
  await expect(presumedChild(page)).toHaveCount(0);
  await expectAccessible(page);

  await page.reload();
  await expect(banner(page)).toContainText('as it was after revision 0 (');
  await expect(page.getByText('No consent recorded yet.')).toBeVisible();
  await expect(page.getByRole('combobox', { name: field('Revision') })).toHaveValue(
    /^rev 0 — Presumed victim registered — /,
  );

  await page.getByRole('link', { name: 'Return to the current case.' }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}$`));
  await expect(banner(page)).toHaveCount(0);
  await expect(presumedChild(page).first()).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Assistance' })).toBeVisible();
});

test('a moment in time shows the case after the last event by then, and a revision the case does not have is said in words', async ({
  page,
}) => {
  await openCase(page, 'vera.auditor');
  await page.getByRole('radio', { name: 'By date and time' }).check();
  // An hour from now, in the browser's time zone as the person would type it: after every event. With
  // seconds other than 0, which the input keeps as typed (":00" it drops).
  const later = await page.evaluate(() => {
    const date = new Date(Date.now() + 3_600_000);
    const two = (value: number) => String(value).padStart(2, '0');
    return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}T${two(date.getHours())}:${two(date.getMinutes())}:30`;
  });
  await page.getByLabel(field('Date and time')).fill(later);
  await page.getByRole('button', { name: 'View the case as it was' }).click();
  await expect(page).toHaveURL(/\?asOf=\d{4}-\d{2}-\d{2}T/);
  await expect(banner(page)).toContainText(`as it was after revision ${last} (`);
  await expect(page.getByLabel(field('Date and time'))).toHaveValue(later);

  await page.goto(`${node.baseUrl}/cases/${caseId}?asOf=99`);
  await expect(
    page.getByRole('alert').filter({ hasText: 'The case cannot be shown as of then' }),
  ).toContainText('The case has no such revision');
  await expectAccessible(page);
});

test('the changes between two revisions are listed field by field, with who and when, without personal data', async ({
  page,
}) => {
  await openCase(page, 'vera.auditor');
  await page.getByRole('button', { name: 'Show the changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'events listed' })).toHaveText(
    `${last + 1} events listed`,
  );
  await expect(page.getByRole('heading', { name: `Revision ${ageAssessed}: Age assessed` })).toBeVisible();
  const fields = page.getByRole('table', { name: `Fields changed by revision ${ageAssessed}` });
  await expect(fields.getByRole('columnheader')).toHaveText(['Field', 'Before', 'After']);
  await expect(
    fields
      .getByRole('row')
      .filter({ hasText: /^\/presumedMinor(?!Since)/ })
      .getByRole('cell'),
  ).toHaveText(['/presumedMinor', 'false', 'true']);
  // Who and when, beside the event (its heading's block).
  await expect(
    page.getByRole('heading', { name: `Revision ${ageAssessed}: Age assessed` }).locator('xpath=..'),
  ).toContainText('Identification officer · police-md');
  // The guardian's name is personal data: never compared, never shown.
  await expect(page.getByText(GUARDIAN)).toHaveCount(0);
  await expectAccessible(page);

  // A range: (consent, age assessment] is the age assessment only.
  await page.getByRole('combobox', { name: field('After revision') }).click();
  await page.getByRole('option', { name: new RegExp(`^rev ${consented} — Consent given — `) }).click();
  await page.getByRole('combobox', { name: field('Up to revision') }).click();
  await page.getByRole('option', { name: new RegExp(`^rev ${ageAssessed} — Age assessed — `) }).click();
  await page.getByRole('button', { name: 'Show the changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'listed' })).toHaveText('1 event listed');
  await expect(page.getByRole('heading', { name: /^Revision \d+: / })).toHaveText([
    `Revision ${ageAssessed}: Age assessed`,
  ]);
});

test('a case manager viewing the past gets no command forms, and has them back on the case as it is', async ({
  page,
}) => {
  await openCase(page, 'ana.manager');
  await expect(page.getByRole('button', { name: 'Record the consent' })).toBeVisible();
  await viewRevision(page, consented, 'Consent given');
  await expect(banner(page)).toContainText(`as it was after revision ${consented} (`);
  await expect(page.getByRole('cell', { name: 'Assistance' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Record the consent' })).toHaveCount(0);
  // The only forms left are the time travel's own.
  await expect(page.locator('form')).toHaveCount(2);
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Return to the current case.' }).click();
  await expect(page.getByRole('button', { name: 'Record the consent' })).toBeVisible();
});
