/**
 * npm run console:budget — what the operator console costs a browser: the JavaScript and CSS of the
 * first load and of each later chunk (gzip), and the time to an interactive list of 10,000 cases
 * (NRM_BUDGET_CASES to change) in Debian's Chromium against a real node. Builds the console first,
 * prints the figures and writes them as the console section of docs/performance.md. The browser tests
 * fail when the first load passes its budget of 300 kB of JavaScript (apps/console/e2e/budget.e2e.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { bundleSizes } from './bundle-sizes';
import { listTiming } from './list-timing';

const ROOT = join(__dirname, '../..');
const SECTION = '## The operator console';

async function main(): Promise<void> {
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--logLevel',
      'warn',
      '-c',
      'apps/console/vite.config.mts',
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
  const sizes = bundleSizes(join(ROOT, 'dist/console'));
  const kB = (bytes: number) => (bytes / 1000).toFixed(1);
  const cases = Number(process.env.NRM_BUDGET_CASES ?? 10_000);
  const timing = await listTiming(cases, (line) => process.stdout.write(`console:budget: ${line}\n`));
  const large = sizes.chunks.filter((chunk) => chunk.js >= 2000);
  const small = sizes.chunks.filter((chunk) => chunk.js < 2000);
  const section = [
    SECTION,
    '',
    `Measured by \`npm run console:budget\` on ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, ` +
      `${(totalmem() / 2 ** 30).toFixed(1)} GiB; sizes are gzip level 9 of the built files (the build writes`,
    'a gzip and a smaller Brotli copy of each, which the node sends to browsers that accept them).',
    '',
    '| what the browser loads | JavaScript (kB, gzip) | CSS (kB, gzip) |',
    '|---|---:|---:|',
    `| first load (sign-in; the budget: at most 300 kB of JavaScript) | ${kB(sizes.initial.js)} | ${kB(sizes.initial.css)} |`,
    ...large.map((chunk) => `| chunk ${chunk.name}, when a page first needs it | ${kB(chunk.js)} | |`),
    `| ${small.length} smaller chunks (pages, shared parts), in all | ${kB(small.reduce((sum, chunk) => sum + chunk.js, 0))} | |`,
    '',
    'Every page is its own chunk; the chart library (Recharts through @mantine/charts) loads after the',
    "dashboard's figures and due list are shown.",
    '',
    `| case list of ${timing.cases.toLocaleString('en')} cases (Chromium, real node, embedded SQLite) | ms |`,
    '|---|---:|',
    `| loading /cases afresh (scripts, session from the cookie, the first page) to the first row shown, links usable | ${timing.firstRowMs} |`,
    `| loading /cases?country=TR afresh to its count shown | ${timing.filterMs} |`,
    '',
    `Paging, filtering and sorting happen in the read model; the browser holds one page (25 rows). ` +
      `Seeding the ${timing.cases.toLocaleString('en')} cases over HTTP, eight at a time, took ${timing.seedSeconds.toFixed(0)} s.`,
    '',
  ].join('\n');
  const file = join(ROOT, 'docs/performance.md');
  const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const at = previous.indexOf(SECTION);
  writeFileSync(file, `${(at >= 0 ? previous.slice(0, at) : `${previous}\n`).trimEnd()}\n\n${section}`);
  process.stdout.write(`${section}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `console:budget: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
