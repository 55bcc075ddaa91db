import { ok, type NrmClient, type RequestBody } from '@nrm/api-client';
import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ConsoleNode, ROOT } from './support/console-node';
import { signIn } from './support/console-page';

/**
 * The README's pictures of the console, taken from the product itself so they never drift from it:
 * `npm run screenshots` writes them to docs/screenshots; in the test suite they go to the test's output.
 */
const TARGET = process.env.NRM_SCREENSHOTS_DIR;

const person = (givenName: string, familyName: string, citizenship: 'MD' | 'UA' | 'RO', child = false) => ({
  givenName,
  familyName,
  sex: 'female' as const,
  citizenship,
  dateOfBirth: child ? '2010-05-14' : '1995-09-01',
  reasonsToBelieveChild: child || undefined,
});
const CASES: RequestBody<'/api/cases', 'post'>[] = [
  {
    referralSource: 'police',
    countryOfExploitation: 'DE',
    formsOfExploitation: ['forced_labour'],
    person: person('Elena', 'Ciobanu', 'MD'),
  },
  {
    referralSource: 'ngo',
    countryOfExploitation: 'PL',
    formsOfExploitation: ['sexual_exploitation'],
    person: person('Olga', 'Rusu', 'MD', true),
  },
  {
    referralSource: 'labour_inspectorate',
    countryOfExploitation: 'IT',
    formsOfExploitation: ['forced_labour', 'domestic_servitude'],
    person: person('Natalia', 'Lungu', 'UA'),
  },
  {
    referralSource: 'hotline',
    countryOfExploitation: 'TR',
    formsOfExploitation: ['forced_begging'],
    person: person('Ana', 'Moraru', 'RO'),
  },
];

let node: ConsoleNode;
let officer: NrmClient;

test.beforeAll(async () => {
  node = await ConsoleNode.start();
  await node.createUser('ion.officer', 'identification_officer', 'police-md');
  officer = await node.client('ion.officer');
});
test.afterAll(async () => node?.stop());

test('pictures of the dashboard and of a case page', async ({ page }, testInfo) => {
  const dir = TARGET ? join(ROOT, TARGET) : testInfo.outputPath();
  mkdirSync(dir, { recursive: true });
  const ids: string[] = [];
  for (const registration of CASES)
    ids.push((await ok(officer.POST('/api/cases', { body: registration }), 201)).caseId);
  await ok(
    officer.POST('/api/cases/{id}/consents', {
      params: { path: { id: ids[0] } },
      body: { purpose: 'assistance', granted: true },
    }),
  );
  await ok(
    officer.POST('/api/cases/{id}/identification', {
      params: { path: { id: ids[0] } },
      body: {
        decision: 'identified',
        decidingBody: 'police',
        reasons: 'Indicators of forced labour confirmed at interview.',
      },
    }),
  );
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, node.baseUrl, 'ion.officer');
  await expect(page.getByText(/^\d+$/).first()).toBeVisible();
  await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await page.screenshot({ path: join(dir, 'dashboard.png'), fullPage: true });

  await page.goto(`${node.baseUrl}/cases/${ids[0]}`);
  await expect(page.getByText('Identification concluded')).toBeVisible();
  await page.screenshot({ path: join(dir, 'case-page.png'), fullPage: true });
});
