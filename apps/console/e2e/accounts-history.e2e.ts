import { ok } from '@nrm/api-client';
import { expect, test } from '@playwright/test';
import { ADMIN, ConsoleNode, PASSWORD } from './support/console-node';
import { expectAccessible, signIn } from './support/console-page';
import { REGISTRATION } from './support/fixtures';

// One real node: an officer reads a case, is made a case manager, reads it again.
let node: ConsoleNode;
let moverId: string;

test.beforeAll(async () => {
  node = await ConsoleNode.start({ NRM_NODE_COUNTRY: 'MD', NRM_NODE_ID: 'nrm-md' });
  await node.createUser('ion.mover', 'identification_officer', 'police-md');
  await node.createUser('vera.auditor', 'auditor', 'national-nrm-office');
  const admin = await node.client(ADMIN.username, ADMIN.password);
  moverId = (await ok(admin.GET('/api/users'), 200)).items.find(
    (user) => user.username === 'ion.mover',
  )!.userId;

  const read = async () => {
    const mover = await node.client('ion.mover', PASSWORD);
    return ok(
      mover.GET('/api/cases/{id}', { params: { path: { id: caseId }, query: { purpose: 'case_work' } } }),
    );
  };
  const officer = await node.client('ion.mover', PASSWORD);
  const { caseId } = await ok(
    officer.POST('/api/cases/at-risk', {
      body: {
        referralSource: 'social_services',
        person: REGISTRATION.person,
        vulnerabilities: ['child_left_behind'],
      },
    }),
    201,
  );
  await read();
  // The person consents to assistance: the case manager the officer becomes reads them under it.
  await ok(
    officer.POST('/api/cases/{id}/consents', {
      params: { path: { id: caseId } },
      body: { purpose: 'assistance', granted: true },
    }),
    201,
  );
  await ok(
    admin.PATCH('/api/users/{userId}', {
      params: { path: { userId: moverId } },
      body: { role: 'case_manager' },
    }),
    200,
  );
  await read();
});
test.afterAll(async () => {
  await node?.stop();
});

test('the admin reads an account’s history: who changed what, with their role at the time, and when', async ({
  page,
}) => {
  await signIn(page, node.baseUrl, ADMIN.username, ADMIN.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Users' }).click();
  await page.getByRole('button', { name: 'History of the account ion.mover' }).click();
  const dialog = page.getByRole('dialog', { name: 'Account history: ion.mover' });
  await expect(dialog.getByRole('table')).toContainText('2 changes of this account');

  const created = dialog.getByRole('row').filter({ hasText: 'Account created' });
  await expect(created).toContainText('admin (Node administrator)');
  await expect(created).toContainText('Role: Identification officer');
  await expect(created).toContainText('Agency: police-md');
  const changed = dialog.getByRole('row').filter({ hasText: 'Account changed' });
  await expect(changed).toContainText('Role: Identification officer → Case manager');
  await expect(changed).not.toContainText('Agency');
  await expectAccessible(page);

  // The admin's own account: made by the node itself when it first started.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: `History of the account ${ADMIN.username}` }).click();
  await expect(
    page.getByRole('dialog').getByRole('row').filter({ hasText: 'Account created' }),
  ).toContainText('The node itself');
});

test('the access log names the role each read was made in, before and after the change', async ({ page }) => {
  await signIn(page, node.baseUrl, 'vera.auditor');
  await page.goto(`${node.baseUrl}/audit/access-log?userId=${moverId}`);
  await expect(page.getByRole('columnheader', { name: 'Role at the time' })).toBeVisible();
  const reads = page.getByRole('row').filter({ hasText: 'police-md' });
  await expect(reads).toHaveCount(2);
  await expect(reads.nth(0)).toContainText('Identification officer');
  await expect(reads.nth(1)).toContainText('Case manager');
  await expectAccessible(page);
});
