import { ok } from '@nrm/api-client';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { ConsoleNode, PASSWORD } from './support/console-node';
import { expectAccessible, field, signIn } from './support/console-page';

/** The last closed year: the latest the statistics publish. */
const LAST_YEAR = new Date().getUTCFullYear() - 1;

/** `count` registrations of one sex in the first quarter of LAST_YEAR, as test/support/statistics-seed writes them. */
const registrations = (count: number, sex: 'female' | 'male' | 'unknown') =>
  Array.from({ length: count }, (_, i) => ({
    at: `${LAST_YEAR}-02-${String(1 + i).padStart(2, '0')}T10:00:00.000Z`,
    sex,
    citizenship: 'MD',
  }));

const SEX_TABLE = 'Presumed victims registered, by sex';

/** The statistics page's table by its title, and a row of it by its category. */
const sexRow = (page: Page, category: string) =>
  page.getByRole('table', { name: SEX_TABLE }).getByRole('row', { name: new RegExp(`^${category}\\b`) });

test.describe('statistics', () => {
  let node: ConsoleNode;

  test.beforeAll(async () => {
    node = await ConsoleNode.start();
    await node.createUser('ada.analyst', 'analyst');
    await node.createUser('vera.auditor', 'auditor', 'dpa-md');
    await node.createUser('ana.manager', 'case_manager', 'police-md');
    // Last year (closed, so published): 12 women, a count shown; 3 men and 2 of unknown sex, each
    // below 11 and suppressed (two suppressed cells in the column, so the 12 stays published).
    const seeded = [
      ...registrations(12, 'female'),
      ...registrations(3, 'male'),
      ...registrations(2, 'unknown'),
    ];
    await node.restart(() =>
      node.runScript('test/support/seed-registrations-cli.ts', [JSON.stringify(seeded)]),
    );
    const analyst = await node.client('ada.analyst');
    await expect
      .poll(
        async () => {
          const answer = await ok(analyst.GET('/api/statistics', { params: { query: { from: LAST_YEAR } } }));
          return answer.tables.find((table) => table.name === 'registrations-by-sex')?.totals[0]?.value;
        },
        { message: 'the statistics projection catches up with the seeded year', timeout: 60_000 },
      )
      .toBe(17);
  });
  test.afterAll(async () => node?.stop());

  test('an analyst lands on the statistics: counts shown, small counts suppressed, CSV, quarters', async ({
    page,
  }) => {
    await page.goto(`${node.baseUrl}/`);
    await page.getByLabel(field('Username')).fill('ada.analyst');
    await page.getByLabel(field('Password')).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();

    // Home is the statistics for a role that may read no case, and the navigation leads nowhere else.
    await expect(page.getByRole('heading', { name: 'Statistics', level: 2 })).toBeVisible();
    expect(new URL(page.url()).pathname).toBe('/statistics');
    await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link')).toHaveText([
      'Statistics',
    ]);

    await expect(page.getByRole('columnheader', { name: String(LAST_YEAR) }).first()).toBeVisible();
    await expect(sexRow(page, 'Female').getByRole('cell')).toHaveText(['12']);
    // A suppressed count says so; it never reads as a zero.
    await expect(sexRow(page, 'Male').getByRole('cell')).toHaveText(['suppressed']);
    await expect(sexRow(page, 'Unknown').getByRole('cell')).toHaveText(['suppressed']);
    await expect(sexRow(page, 'Other').getByRole('cell')).toHaveText(['0']);
    await expect(page.getByText(/Counts from 1 to 10 are suppressed \(k = 11\)/)).toBeVisible();
    await expect(page.getByText(/complementary suppression/)).toBeVisible();
    await expect(
      page
        .getByRole('region', { name: SEX_TABLE })
        .first()
        .getByText('Suppressed counts have no bar in the chart (Male and Unknown)'),
    ).toBeVisible();
    await expectAccessible(page);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`statistics-year-${LAST_YEAR}-${LAST_YEAR}.csv`);
    const lines = readFileSync(await download.path(), 'utf8').split('\r\n');
    expect(lines[0]).toBe('table,row,column,value,suppressed');
    expect(lines).toContain(`registrations-by-sex,female,${LAST_YEAR},12,false`);
    expect(lines).toContain(`registrations-by-sex,male,${LAST_YEAR},,true`);
    expect(lines).toContain(`registrations-by-sex,total,${LAST_YEAR},17,false`);

    // A click, not check(): the choice is applied through the URL, a moment after the click.
    const perQuarter = page.getByRole('radio', { name: 'Per quarter' });
    await perQuarter.click();
    await expect(perQuarter).toBeChecked();
    await expect(page).toHaveURL(/[?&]period=quarter\b/);
    const quarters = [1, 2, 3, 4].map((q) => `${LAST_YEAR} Q${q}`);
    const header = page.getByRole('table', { name: SEX_TABLE }).getByRole('columnheader');
    await expect(header).toHaveText(['Category', ...quarters]);
    // Registered in February: the first quarter holds them, the others are true zeros.
    await expect(sexRow(page, 'Female').getByRole('cell')).toHaveText(['12', '0', '0', '0']);
    await expect(sexRow(page, 'Male').getByRole('cell')).toHaveText(['suppressed', '0', '0', '0']);
    await expectAccessible(page);
  });

  test('an auditor finds the statistics in the navigation', async ({ page }) => {
    await signIn(page, node.baseUrl, 'vera.auditor');
    await page.getByRole('link', { name: 'Statistics' }).click();
    await expect(page.getByRole('heading', { name: 'Statistics', level: 2 })).toBeVisible();
    await expect(sexRow(page, 'Female').getByRole('cell')).toHaveText(['12']);
    await expect(sexRow(page, 'Male').getByRole('cell')).toHaveText(['suppressed']);

    // In Romanian: titles, categories and "suppressed" in words, the country by the browser's Intl.
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ro');
    const bySex = page.getByRole('table', { name: 'Presupuse victime înregistrate, după sex' });
    await expect(bySex.getByRole('row', { name: /^Masculin\b/ }).getByRole('cell')).toHaveText(['suprimat']);
    const byCitizenship = page.getByRole('table', { name: 'Presupuse victime înregistrate, după cetățenie' });
    await expect(byCitizenship.getByRole('rowheader')).toHaveText(['Republica Moldova', 'Altele', 'Total']);
  });

  test('a case manager, who may not read the statistics, is not offered them', async ({ page }) => {
    await signIn(page, node.baseUrl, 'ana.manager');
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    await expect(navigation.getByRole('link', { name: 'Cases' })).toBeVisible();
    await expect(navigation.getByRole('link', { name: 'Statistics' })).toHaveCount(0);
  });
});
