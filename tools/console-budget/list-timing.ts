/**
 * Time to an interactive case list of `cases` cases: a real node process on a temporary data directory,
 * seeded over HTTP, and Debian's Chromium signing in and opening /cases as a case manager of the agency
 * involved in every case. Measured: from navigation to the first row being shown and usable, and a
 * filter change answered by the read model (the browser never holds more than a page).
 */
import { createNrmClient, ok, type RequestBody } from '@nrm/api-client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { freePort, startNodeProcess, stopProcess } from '../../test/support/node-process';

const ROOT = join(__dirname, '../..');
const ADMIN = { username: 'admin', password: 'Console-budget-admin-2026' };
const PASSWORD = 'Referral-mechanism-2026';
const COUNTRIES = ['DE', 'PL', 'IT', 'TR', 'FR', 'ES'] as const;

export interface ListTiming {
  cases: number;
  seedSeconds: number;
  firstRowMs: number;
  filterMs: number;
}

export async function listTiming(cases: number, progress: (line: string) => void): Promise<ListTiming> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nrm-console-budget-'));
  const port = await freePort();
  const node = await startNodeProcess(
    {
      NRM_DATA_DIR: dataDir,
      NRM_ADMIN_USERNAME: ADMIN.username,
      NRM_ADMIN_PASSWORD: ADMIN.password,
      NRM_CONSOLE_DIR: join(ROOT, 'dist/console'),
      NRM_API_RATE_LIMIT_PER_MINUTE: '1000000',
      NRM_LOG_LEVEL: 'warn',
    },
    port,
  );
  try {
    const anonymous = createNrmClient({ baseUrl: node.baseUrl });
    const login = async (username: string, password: string) =>
      createNrmClient({
        baseUrl: node.baseUrl,
        token: (await ok(anonymous.POST('/api/auth/login', { body: { username, password } }), 200))
          .accessToken,
      });
    const admin = await login(ADMIN.username, ADMIN.password);
    await ok(admin.POST('/api/organisation/districts', { body: { code: 'MD-CU', name: 'Chișinău' } }), 201);
    await ok(
      admin.POST('/api/organisation/agencies', {
        body: { code: 'police-md', name: 'Police', kind: 'police', district: 'MD-CU' },
      }),
      201,
    );
    for (const [username, role] of [
      ['seed.officer', 'identification_officer'],
      ['list.manager', 'case_manager'],
    ] as const)
      await ok(
        admin.POST('/api/users', { body: { username, password: PASSWORD, role, agency: 'police-md' } }),
        201,
      );
    const officer = await login('seed.officer', PASSWORD);

    const started = Date.now();
    let next = 0;
    const registration = (i: number): RequestBody<'/api/cases', 'post'> => ({
      referralSource: 'police',
      countryOfExploitation: COUNTRIES[i % COUNTRIES.length],
      formsOfExploitation: ['forced_labour'],
      person: { givenName: `Given${i}`, familyName: `Family${i}`, sex: 'female', citizenship: 'MD' },
    });
    // Eight registrations in flight: as a busy day's operators would send them.
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < cases) {
          const i = next++;
          await ok(officer.POST('/api/cases', { body: registration(i) }), 201);
          if ((i + 1) % 1000 === 0) progress(`seeded ${i + 1} / ${cases} cases`);
        }
      }),
    );
    const seedSeconds = (Date.now() - started) / 1000;
    const manager = await login('list.manager', PASSWORD);
    // The read model catches up before the browser is measured: the list's size, not the seeding, is timed.
    for (;;) {
      const page = await ok(manager.GET('/api/cases', { params: { query: { pageSize: 1 } } }));
      if (page.total >= cases) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    const browser = await chromium.launch({
      executablePath: process.env.NRM_CHROMIUM ?? '/usr/bin/chromium',
    });
    try {
      const page = await browser.newPage();
      await page.goto(`${node.baseUrl}/`);
      await page.getByLabel(/^Username/).fill('list.manager');
      await page.getByLabel(/^Password/).fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Dashboard', level: 2 }).waitFor();
      const opened = Date.now();
      await page.goto(`${node.baseUrl}/cases`);
      await page.getByRole('row').nth(1).getByRole('link').waitFor();
      const firstRowMs = Date.now() - opened;
      const filtered = Date.now();
      await page.goto(`${node.baseUrl}/cases?country=TR`);
      await page.getByText(`${Math.ceil((cases - 3) / COUNTRIES.length)} cases`).waitFor();
      const filterMs = Date.now() - filtered;
      return { cases, seedSeconds, firstRowMs, filterMs };
    } finally {
      await browser.close();
    }
  } finally {
    await stopProcess(node.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
