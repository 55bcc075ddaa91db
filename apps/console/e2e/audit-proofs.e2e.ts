import { ok, type NrmClient, type Schema } from '@nrm/api-client';
import { expect, test, type Download, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runVerify } from '../../verify/src/main';
import { ConsoleNode } from './support/console-node';
import { expectAccessible, field, signIn } from './support/console-page';
import { REGISTRATION } from './support/fixtures';

/** More checkpoints than one page of the table holds (50), so that its second page exists. */
const CHECKPOINTS = 60;

let node: ConsoleNode;
let auditor: NrmClient;
let downloads: string;

test.beforeAll(async () => {
  node = await ConsoleNode.start();
  await node.createUser('ion.officer', 'identification_officer', 'police-md');
  await node.createUser('vera.auditor', 'auditor', 'dpa-md');
  const officer = await node.client('ion.officer');
  auditor = await node.client('vera.auditor');
  // Each registration is one append, signed as one checkpoint.
  const total = async () => (await ok(auditor.GET('/api/audit/checkpoints', {}))).total;
  while ((await total()) < CHECKPOINTS) await ok(officer.POST('/api/cases', { body: REGISTRATION }), 201);
  downloads = mkdtempSync(join(tmpdir(), 'nrm-console-proofs-'));
});
test.afterAll(async () => {
  await node?.stop();
  if (downloads) rmSync(downloads, { recursive: true, force: true });
});

/** Saves the download where the verifier reads it, named as the browser offered it. */
async function saved(download: Download): Promise<string> {
  const file = join(downloads, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

const downloadBy = async (page: Page, button: string): Promise<Download> => {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return download;
};

/** nrm-verify run on the file, in this process: its exit code and what it printed. */
function verify(...argv: string[]): { code: number; text: string } {
  let text = '';
  const sink = { write: (chunk: string) => ((text += chunk), true) } as unknown as NodeJS.WritableStream;
  const code = runVerify(argv, sink, sink);
  return { code, text };
}

async function openProofs(page: Page): Promise<void> {
  await signIn(page, node.baseUrl, 'vera.auditor');
  await page.getByRole('link', { name: 'Proofs', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Proofs', level: 2 })).toBeVisible();
}

test('the signed checkpoints are listed by size, paged, each root to be had in full', async ({ page }) => {
  const all = await ok(auditor.GET('/api/audit/checkpoints', { params: { query: { limit: 1000 } } }));
  await openProofs(page);
  await expect(page.getByText(`${all.total} signed checkpoints`)).toBeVisible();
  const table = page
    .getByRole('table')
    .filter({ has: page.getByRole('columnheader', { name: 'Tree root' }) });
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(51);
  const first = all.items[0]!;
  await expect(rows.nth(1).getByRole('cell').first()).toHaveText(String(first.size));
  await expect(rows.nth(1)).toContainText(first.root.slice(0, 12));
  await expect(rows.nth(1)).toContainText(first.origin);
  await rows
    .nth(1)
    .getByRole('button', { name: `Copy the full root of the checkpoint of size ${first.size}` })
    .hover();
  await expect(page.getByRole('tooltip')).toHaveText(first.root);
  await expectAccessible(page);

  // The node pages by size: the second page starts with the 51st checkpoint, however sizes jump.
  await page.getByRole('button', { name: 'Page 2' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(rows).toHaveCount(all.total - 50 + 1);
  await expect(rows.nth(1).getByRole('cell').first()).toHaveText(String(all.items[50]!.size));
  await expect(rows.last().getByRole('cell').first()).toHaveText(String(all.items.at(-1)!.size));
});

test('the node key, an event proof and a consistency proof download, and nrm-verify finds them VALID with that key', async ({
  page,
}) => {
  const { items, publicKeyId } = await ok(
    auditor.GET('/api/audit/checkpoints', { params: { query: { limit: 1000 } } }),
  );
  const latest: Schema<'SignedCheckpoint'> = items.at(-1)!;
  await openProofs(page);
  await expect(page.getByTestId('node-key-id')).toHaveText(publicKeyId);
  await expect(page.getByText(`npx nrm-verify <file> --key node-${publicKeyId}.pub.pem`)).toBeVisible();

  const key = await downloadBy(page, 'Download the public key');
  expect(key.suggestedFilename()).toBe(`node-${publicKeyId}.pub.pem`);
  const keyFile = await saved(key);

  // An event proof against the latest checkpoint: the first event of the log.
  await page.getByLabel(field('Log position')).fill('1');
  const event = await downloadBy(page, 'Download the event proof');
  expect(event.suggestedFilename()).toBe('event-1-proof.json');
  await expect(page.getByRole('status').filter({ hasText: 'Downloaded event-1-proof.json.' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Leaf index/ }).getByRole('cell')).toHaveText('0');
  await expect(page.getByRole('row', { name: /Tree size/ }).getByRole('cell')).toHaveText(
    String(latest.size),
  );
  await expect(page.getByRole('row', { name: /Hashes in the proof/ })).toContainText(/\d+ hash/);
  const eventVerdict = verify(await saved(event), '--key', keyFile);
  expect(eventVerdict.text).toMatch(/^VALID$/m);
  expect(eventVerdict.code).toBe(0);

  // The log at its first checkpoint is the beginning of the log now.
  const from = items[0]!;
  await page.getByLabel(field('From size')).fill(String(from.size));
  const consistency = await downloadBy(page, 'Download the consistency proof');
  expect(consistency.suggestedFilename()).toBe(`consistency-${from.size}-${latest.size}.json`);
  await expect(page.getByRole('row', { name: /Older checkpoint's root/ })).toContainText(from.root);
  await expect(page.getByRole('row', { name: /Newer checkpoint's root/ })).toContainText(latest.root);
  const consistencyVerdict = verify(await saved(consistency), '--key', keyFile);
  expect(consistencyVerdict.text).toMatch(/^VALID$/m);
  expect(consistencyVerdict.code).toBe(0);

  // The downloaded key is the node's: a file signed by another key would not pass with it.
  expect(verify(await saved(event), '--key', '0000000000000000').code).toBe(1);
  await expectAccessible(page);
});

test('a position with no event, a tree size before the event and a size never signed are told in words', async ({
  page,
}) => {
  await openProofs(page);
  await page.getByRole('button', { name: 'Download the event proof' }).click();
  await expect(page.getByText('This field is required')).toBeVisible();
  await page.getByLabel(field('Log position')).fill('0');
  await page.getByRole('button', { name: 'Download the event proof' }).click();
  await expect(page.getByText('Enter a whole number greater than 0')).toBeVisible();

  await page.getByLabel(field('Log position')).fill('999999');
  await page.getByRole('button', { name: 'Download the event proof' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'No proof' })).toContainText(
    'There is no event at that position, or the node signed no checkpoint of that tree size.',
  );
  await expectAccessible(page);

  const { items } = await ok(auditor.GET('/api/audit/checkpoints', { params: { query: { limit: 2 } } }));
  const last = (await ok(auditor.GET('/api/audit/checkpoint'))).checkpoint!;
  await page.getByLabel(field('Log position')).fill(String(last.size));
  await page.getByLabel(field('Tree size of the checkpoint')).fill(String(items[0]!.size));
  await page.getByRole('button', { name: 'Download the event proof' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'No proof' })).toContainText(
    'The event was written after the checkpoint of that tree size',
  );

  await page.getByLabel(field('From size')).fill(String(last.size + 1000));
  await page.getByRole('button', { name: 'Download the consistency proof' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'No proof' }).last()).toContainText(
    'The node signed no checkpoint of one of these sizes',
  );
});
