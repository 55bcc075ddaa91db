import { defineConfig } from '@playwright/test';

/**
 * The console in a real browser: Debian's Chromium (apt-get install chromium; Playwright's own browser
 * download cannot work here), against real node processes each test file starts on a temporary data
 * directory. One worker: the machine has two cores and every file runs a node or two.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.e2e.ts',
  outputDir: '../../dist/console-e2e-results',
  globalSetup: './e2e/support/build-console.ts',
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    launchOptions: { executablePath: process.env.NRM_CHROMIUM ?? '/usr/bin/chromium' },
    locale: 'en-GB',
    trace: 'retain-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
});
