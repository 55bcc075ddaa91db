import { ok, type NrmClient } from '@nrm/api-client';
import { expect, test } from '@playwright/test';
import { ConsoleNode } from './support/console-node';
import { choose, expectAccessible, field, signIn } from './support/console-page';
import { REGISTRATION } from './support/fixtures';

let node: ConsoleNode;
let officer: NrmClient;
let manager: NrmClient;
let ngo: NrmClient;

test.beforeAll(async () => {
  node = await ConsoleNode.start();
  await node.createUser('ion.officer', 'identification_officer', 'nrm-md');
  await node.createUser('ana.manager', 'case_manager', 'nrm-md');
  await node.createUser('vera.ngo', 'case_manager', 'shelter-ngo');
  // The agency joined under a legal basis must be one the organisation registry holds.
  await node.registerAgencies(['child-services']);
  officer = await node.client('ion.officer');
  manager = await node.client('ana.manager');
  ngo = await node.client('vera.ngo');
});
test.afterAll(async () => node?.stop());

/** Registers a case and waits until the case manager's list (a read model) shows it. */
async function register(): Promise<string> {
  const { caseId } = await ok(officer.POST('/api/cases', { body: REGISTRATION }), 201);
  await expect
    .poll(async () => {
      const list = await ok(manager.GET('/api/cases', { params: { query: { pageSize: 200 } } }));
      return list.items.some((item) => item.caseId === caseId);
    })
    .toBe(true);
  return caseId;
}

const consent = (caseId: string, granted: boolean) =>
  ok(
    manager.POST('/api/cases/{id}/consents', {
      params: { path: { id: caseId } },
      body: { purpose: 'assistance', recipient: 'shelter-ngo', granted },
    }),
  );

test('identity is withheld without consent; the team asks for a legal basis when no consent covers the agency, and an agency under consent leaves when it is withdrawn', async ({
  page,
}) => {
  const caseId = await register();
  await signIn(page, node.baseUrl, 'ana.manager');
  await page.goto(`${node.baseUrl}/cases/${caseId}`);
  await expect(page.getByRole('heading', { name: `Case ${caseId.slice(0, 8)}` })).toBeVisible();

  // No consent yet: the case manager's read of the person is answered without it, and says why.
  await choose(page, 'Purpose of access', 'Case work');
  await page.getByRole('button', { name: 'Show personal data' }).click();
  await expect(page.getByTestId('person-withheld')).toContainText('no consent covering your work');
  await expect(page.getByTestId('person-given-name')).toHaveCount(0);
  await expectAccessible(page);

  // An agency no consent covers joins only under a legal basis, with its justification.
  const team = page.getByRole('form', { name: 'Add the agency to the team' });
  await team.getByLabel(field('Agency')).fill('child-services');
  await expect(team.getByTestId('team-consent-hint')).toContainText(
    'No consent of the person covers child-services',
  );
  await team.getByRole('button', { name: 'Add the agency to the team' }).click();
  await expect(team.getByRole('combobox', { name: field('Legal basis') })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await choose(page, 'Legal basis', 'Protection of a presumed child (CoE Convention art. 10)');
  await team.getByLabel(field('Justification')).fill('Unaccompanied child; no guardian appointed yet');
  await expectAccessible(page);
  await team.getByRole('button', { name: 'Add the agency to the team' }).click();
  const joined = page.getByRole('list', { name: 'Agencies that joined the team' });
  await expect(joined).toContainText(
    'child-services: Protection of a presumed child (CoE Convention art. 10)',
  );

  // The person consents to assistance by the shelter: it joins without a legal basis.
  await consent(caseId, true);
  await page.reload();
  await team.getByLabel(field('Agency')).fill('shelter-ngo');
  await expect(team.getByTestId('team-consent-hint')).toContainText(
    'consent to assistance covers shelter-ngo',
  );
  await expect(team.getByRole('combobox', { name: field('Legal basis') })).toHaveCount(0);
  await team.getByRole('button', { name: 'Add the agency to the team' }).click();
  await expect(joined).toContainText("shelter-ngo: under the person's consent");
  await expect(ok(ngo.GET('/api/cases/{id}', { params: { path: { id: caseId } } }))).resolves.toMatchObject({
    caseId,
  });

  // Withdrawn: the shelter no longer reads the case, the team says it left; child services stays.
  await consent(caseId, false);
  await page.reload();
  await expect(joined).toContainText(
    "shelter-ngo: under the person's consent — left the case (consent withdrawn)",
  );
  await expect(page.getByRole('list', { name: 'Agencies involved' })).not.toContainText('shelter-ngo');
  const gone = await ngo.GET('/api/cases/{id}', { params: { path: { id: caseId } } });
  expect(gone.response.status).toBe(404);
  await expectAccessible(page);
});
