import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { bundleSizes } from '../../../tools/console-budget/bundle-sizes';
import { ROOT } from './support/console-node';

/** The console's first load stays within budget (docs/performance.md): a size, not a timing. */
test('the first load carries at most 300 kB of JavaScript (gzip), and the chart library is not in it', () => {
  const budget = bundleSizes(join(ROOT, 'dist/console'));
  expect(budget.initial.js).toBeLessThanOrEqual(300_000);
  expect(budget.chunks.map((chunk) => chunk.name)).toContain('CaseloadChart');
});
