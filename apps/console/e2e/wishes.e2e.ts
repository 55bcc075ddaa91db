import { ok, type NrmClient } from '@nrm/api-client';
import { expect, test } from '@playwright/test';
import { ConsoleNode } from './support/console-node';
import { choose, expectAccessible, signIn } from './support/console-page';
import { REGISTRATION } from './support/fixtures';

let node: ConsoleNode;
let officer: NrmClient;
let returnOfficer: NrmClient;

test.beforeAll(async () => {
  node = await ConsoleNode.start();
  await node.createUser('ion.officer', 'identification_officer', 'police-md');
  await node.createUser('dan.return', 'return_officer', 'police-md');
  officer = await node.client('ion.officer');
  returnOfficer = await node.client('dan.return');
});
test.afterAll(async () => node?.stop());

test('the person’s wishes are recorded and acted upon, and a wish to stay stops the handover (422 in words)', async ({
  page,
}) => {
  // A case ready for a handover to MD: the person asked to return, the risk is assessed, MD may receive data.
  const { caseId } = await ok(officer.POST('/api/cases', { body: REGISTRATION }), 201);
  const path = { params: { path: { id: caseId } } };
  await ok(
    officer.POST('/api/cases/{id}/consents', {
      ...path,
      body: { purpose: 'data_sharing', recipient: 'MD', granted: true },
    }),
  );
  await ok(
    returnOfficer.POST('/api/cases/{id}/return-request', {
      ...path,
      body: { statedBy: 'victim', earlyReturnRequested: true },
    }),
  );
  await ok(
    returnOfficer.POST('/api/cases/{id}/risk-assessments', {
      ...path,
      body: { kind: 'return', level: 'low', notes: 'n' },
    }),
  );

  await signIn(page, node.baseUrl, 'dan.return');
  await page.goto(`${node.baseUrl}/cases/${caseId}`);
  await expect(page.getByRole('heading', { name: "The person's wishes" })).toBeVisible();
  await expect(page.getByText('No wishes stated yet.')).toBeVisible();

  // The person now wants to stay, and their papers back.
  await page
    .getByRole('checkbox', { name: 'To stay in this country, with a residence and work permit' })
    .check();
  await page.getByRole('checkbox', { name: 'To recover identity documents' }).check();
  await page.getByRole('button', { name: 'Record the wishes' }).click();
  const current = page.getByRole('table', { name: /^Current wishes, stated/ });
  await expect(current.getByRole('cell', { name: 'To recover identity documents' })).toBeVisible();
  await expect(current.getByRole('cell', { name: 'Nothing recorded yet' })).toHaveCount(2);

  // What was done about one of them.
  await choose(page, 'Wish acted upon', 'To recover identity documents');
  await choose(page, 'What was done', 'Referred');
  await page.getByRole('button', { name: 'Record the action' }).click();
  await expect(current.getByRole('cell', { name: /^Referred \(/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Statements, oldest first' }).getByRole('row')).toHaveCount(2);
  await expectAccessible(page);

  // The return officer proposes the handover anyway: refused, in words, because of the wish.
  await page.getByRole('tab', { name: 'Return' }).click();
  await choose(page, 'Country of origin', 'Moldova', 'Mold');
  await page.getByRole('button', { name: 'Propose the handover' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'The referral rules do not allow this yet' });
  await expect(refusal).toContainText("The person's last stated wish is to stay in this country");
  await expectAccessible(page);
});
