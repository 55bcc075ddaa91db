import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { bundleSizes } from '../../../tools/console-budget/bundle-sizes';
import { ROOT } from './support/console-node';

/** The console's first load stays within budget (docs/performance.md): a size, not a timing. */
test('the first load carries at most 300 kB of JavaScript (gzip), and the chart library is not in it', () => {
  const budget = bundleSizes(join(ROOT, 'dist/console'));
  expect(budget.initial.js).toBeLessThanOrEqual(300_000);
  expect(budget.chunks.map((chunk) => chunk.name)).toContain('CaseloadChart');
});

test('the build carries a Brotli and a gzip copy of each script, byte for byte the same once decoded', () => {
  const dir = join(ROOT, 'dist/console');
  const { files } = bundleSizes(dir).initial;
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    const raw = readFileSync(join(dir, file));
    if (raw.length < 1024) continue; // not worth compressing (apps/console/precompress.mts)
    const br = readFileSync(join(dir, `${file}.br`));
    expect(brotliDecompressSync(br).equals(raw)).toBe(true);
    expect(gunzipSync(readFileSync(join(dir, `${file}.gz`))).equals(raw)).toBe(true);
    expect(br.length).toBeLessThan(raw.length / 3);
  }
});
