import { ok, type NrmClient } from '@nrm/api-client';
import { expect, test, type Download, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { ConsoleNode } from './support/console-node';
import { choose, expectAccessible, field, signIn } from './support/console-page';
import { REGISTRATION } from './support/fixtures';
import { runVerify } from '../../verify/src/main';

/** A node with an identification officer, a case manager and an auditor, and cases registered by the officer. */
async function nodeWithCases(count: number): Promise<{ node: ConsoleNode; caseIds: string[] }> {
  const node = await ConsoleNode.start();
  await node.createUser('ion.officer', 'identification_officer', 'police-md');
  await node.createUser('ana.manager', 'case_manager', 'police-md');
  await node.createUser('vera.auditor', 'auditor', 'dpa-md');
  const officer = await node.client('ion.officer');
  const caseIds: string[] = [];
  for (let i = 0; i < count; i += 1) {
    caseIds.push((await ok(officer.POST('/api/cases', { body: REGISTRATION }), 201)).caseId);
  }
  return { node, caseIds };
}

async function verifyNow(page: Page, baseUrl: string): Promise<void> {
  await signIn(page, baseUrl, 'vera.auditor');
  await page.getByRole('link', { name: 'Log verification' }).click();
  await expect(page.getByRole('heading', { name: 'Last signed checkpoint' })).toBeVisible();
  await page.getByRole('button', { name: 'Verify now' }).click();
}

const textOf = async (download: Download): Promise<string> => readFileSync(await download.path(), 'utf8');

test.describe('log verification', () => {
  test('an untampered log is reported intact, with its size and signed checkpoint', async ({ page }) => {
    const { node } = await nodeWithCases(2);
    try {
      const auditor = await node.client('vera.auditor');
      const { checkpoint } = await ok(auditor.GET('/api/audit/checkpoint'));
      await verifyNow(page, node.baseUrl);
      await expect(page.getByRole('row', { name: /Events in the log/ })).toContainText(
        String(checkpoint?.size),
      );
      await expect(page.getByRole('row', { name: /Tree root/ })).toContainText(checkpoint?.root ?? '-');
      const answer = page.getByRole('status').filter({ hasText: 'The log is intact' });
      await expect(answer).toBeVisible();
      await expect(page.getByText('The log has been altered')).toHaveCount(0);
      await expectAccessible(page);
    } finally {
      await node.stop();
    }
  });

  test('an auditor downloads the signed integrity report, which nrm-verify finds VALID under the node key', async ({
    page,
  }) => {
    const { node } = await nodeWithCases(2);
    try {
      const auditor = await node.client('vera.auditor');
      const { checkpoint } = await ok(auditor.GET('/api/audit/checkpoint'));
      await signIn(page, node.baseUrl, 'vera.auditor');
      await page.getByRole('link', { name: 'Log verification' }).click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download the integrity report' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^integrity-report-.+\.html$/);
      await expect(page.getByRole('status').filter({ hasText: download.suggestedFilename() })).toBeVisible();
      const file = await download.path();
      let text = '';
      const sink = { write: (chunk: string) => ((text += chunk), true) } as unknown as NodeJS.WritableStream;
      const code = runVerify([file, '--key', checkpoint?.keyId ?? '-'], sink, sink);
      expect(text).toMatch(/\nVALID\n$/);
      expect(code).toBe(0);
      await expectAccessible(page);
    } finally {
      await node.stop();
    }
  });

  test('an auditor finds a log altered on disk, at its first bad position', async ({ page }) => {
    const { node, caseIds } = await nodeWithCases(3);
    try {
      let altered = 0;
      // Someone with access to the disk moves the second case's country of exploitation, in place.
      await node.restart(() => {
        const db = new Database(node.eventStoreFile);
        try {
          const row = db
            .prepare<[string], { position: number }>(
              `SELECT MIN(position) AS position FROM events WHERE stream_id LIKE '%' || ?`,
            )
            .get(caseIds[1]!);
          altered = row!.position;
          const changed = db
            .prepare(
              `UPDATE events SET data = json_set(data, '$.countryOfExploitation', 'FR') WHERE position = ?`,
            )
            .run(altered);
          expect(changed.changes).toBe(1);
        } finally {
          db.close();
        }
      });
      expect(altered).toBeGreaterThan(0);

      await verifyNow(page, node.baseUrl);
      const answer = page.getByRole('alert').filter({ hasText: 'The log has been altered' });
      await expect(answer).toContainText(`First bad position: ${altered}`);
      await expect(answer).toContainText('An event was changed after it was written.');
      await expectAccessible(page);
    } finally {
      await node.stop();
    }
  });
});

test.describe('access log, partner journal and case export', () => {
  let node: ConsoleNode;
  let caseId: string;
  let manager: NrmClient;

  test.beforeAll(async () => {
    const started = await nodeWithCases(2);
    node = started.node;
    caseId = started.caseIds[0]!;
    manager = await node.client('ana.manager');
  });
  test.afterAll(async () => node?.stop());

  test('the access log filtered by case shows a case worker’s read and its purpose, after a reload and in the CSV', async ({
    page,
  }) => {
    // The person consents to assistance: the case manager's use of their identity.
    await ok(
      manager.POST('/api/cases/{id}/consents', {
        params: { path: { id: caseId } },
        body: { purpose: 'assistance', granted: true },
      }),
    );
    await ok(
      manager.GET('/api/cases/{id}', {
        params: { path: { id: caseId }, query: { purpose: 'assistance_planning' } },
      }),
    );
    await signIn(page, node.baseUrl, 'vera.auditor');
    await page.getByRole('link', { name: 'Access log' }).click();
    await page.getByLabel(field('Case id')).fill(caseId);
    await page.getByRole('button', { name: 'Apply the filters' }).click();
    await expect(page).toHaveURL(new RegExp(`caseId=${caseId}`));

    const read = page.getByRole('row').filter({ hasText: 'Planning assistance' });
    await expect(read).toContainText('Case manager');
    await expect(read).toContainText('police-md');
    await expect(page.getByText('1 read', { exact: true })).toBeVisible();
    await expectAccessible(page);

    // The filter is in the URL: a reload shows the same question and answer.
    await page.reload();
    await expect(page.getByLabel(field('Case id'))).toHaveValue(caseId);
    await expect(page.getByRole('row').filter({ hasText: 'Planning assistance' })).toBeVisible();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^access-log-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await textOf(download)).split('\r\n');
    expect(lines[0]).toBe('at,userId,role,agency,caseId,purpose,channel');
    expect(lines.slice(1).filter(Boolean)).toEqual([
      expect.stringMatching(
        new RegExp(`^[^,]+,[0-9a-f-]{36},case_manager,police-md,${caseId},assistance_planning,api$`),
      ),
    ]);

    // The read itself is provable: its event's inclusion in a signed checkpoint, checked offline.
    const [proof] = await Promise.all([
      page.waitForEvent('download'),
      read.getByRole('button', { name: /Download the proof of this read/ }).click(),
    ]);
    expect(proof.suggestedFilename()).toMatch(/^event-\d+-proof\.json$/);
    const answer = JSON.parse(await textOf(proof));
    expect(answer.event).toMatchObject({ type: 'PersonalDataAccessed', streamId: `access-${caseId}` });
    let verdict = '';
    const sink = { write: (chunk: string) => ((verdict += chunk), true) } as unknown as NodeJS.WritableStream;
    expect(runVerify([await proof.path()], sink, sink)).toBe(0);
    expect(verdict).toMatch(/\nVALID\n$/);
  });

  test('an auditor exports a case for a stated purpose as a JSON file, and the export is logged', async ({
    page,
  }) => {
    await signIn(page, node.baseUrl, 'vera.auditor');
    await page.getByRole('link', { name: 'Case export' }).click();
    await page.getByRole('button', { name: 'Download the export' }).click();
    await expect(page.getByText('This field is required')).toHaveCount(2);
    await page.getByLabel(field('Case id')).fill(caseId);
    await choose(page, 'Purpose of the export', "Data subject's access request");
    await expectAccessible(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the export' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^case-${caseId}-.*\\.json$`));
    const exported = JSON.parse(await textOf(download)) as {
      format: string;
      caseId: string;
      purpose: string;
    };
    expect(exported).toMatchObject({ format: 'nrm-case-export', caseId, purpose: 'subject_access_request' });
    await expect(page.getByRole('status').filter({ hasText: 'Downloaded' })).toBeVisible();
    await expectAccessible(page);

    await page.goto(`${node.baseUrl}/audit/access-log?caseId=${caseId}`);
    await expect(page.getByRole('row').filter({ hasText: "Data subject's access request" })).toContainText(
      'Export',
    );
  });

  test('the partner journal is a table per partner, shown to auditors and admins only', async ({
    page,
    browser,
  }) => {
    const managerPage = await browser.newPage();
    await signIn(managerPage, node.baseUrl, 'ana.manager');
    await expect(managerPage.getByRole('link', { name: 'Cases', exact: true })).toBeVisible();
    for (const name of ['Log verification', 'Access log', 'Partner journal'])
      await expect(managerPage.getByRole('link', { name })).toHaveCount(0);
    await managerPage.close();

    await signIn(page, node.baseUrl, 'vera.auditor');
    await page.getByRole('link', { name: 'Partner journal' }).click();
    await choose(page, 'Partner node', 'Unknown sender (refused before authentication)');
    await expect(page).toHaveURL(/partner=unauthenticated/);
    await expect(page.getByText('The journal holds nothing about this partner.')).toBeVisible();
    await expectAccessible(page);
  });
});
