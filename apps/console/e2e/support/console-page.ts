import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { PASSWORD } from './console-node';

/** A field's accessible name: its label, with the " *" a required field's label carries. */
export const field = (label: string): RegExp =>
  new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`);

/** Signs in through the form, as a person does, and waits for the dashboard. */
export async function signIn(
  page: Page,
  baseUrl: string,
  username: string,
  password = PASSWORD,
): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel(field('Username')).fill(username);
  await page.getByLabel(field('Password')).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 2 })).toBeVisible();
}

/** No WCAG 2.2 A/AA violation axe-core can find on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  // Colours are judged at rest: no pointer over a control (hover colours), no transition half-way.
  await page.mouse.move(0, 0);
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        // A spinner never ends; a cancelled transition rejects: neither is waited for.
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(
    results.violations.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    ),
  ).toEqual([]);
}

/** Picks `option` in the Mantine select labelled `label` (typing first when the select is searchable). */
export async function choose(page: Page, label: string, option: string, search?: string): Promise<void> {
  const input = page.getByRole('combobox', { name: field(label) });
  await input.click();
  if (search) await input.fill(search);
  await page.getByRole('option', { name: option, exact: true }).click();
}
