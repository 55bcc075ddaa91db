/**
 * npm run console:budget — what the operator console makes a browser download, gzip-compressed: the
 * first load (the files index.html names: the sign-in page), each page's own chunks, and the chart
 * library loaded after the dashboard's figures. Builds the console first, prints a table and writes it
 * as the console section of docs/performance.md (the budget: at most 300 kB of JavaScript at first
 * load). The browser tests fail when the first load passes the budget (apps/console/e2e/budget.e2e.ts).
 */
const { execFileSync } = require('node:child_process');
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { consoleBudget } = require('./console-budget-measure');

const root = path.join(__dirname, '..');
execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '-c', 'apps/console/vite.config.mts'], {
  cwd: root,
  stdio: 'inherit',
});
const budget = consoleBudget(path.join(root, 'dist/console'));
const kB = (bytes) => (bytes / 1000).toFixed(1);
const section = [
  '## The operator console',
  '',
  `Measured by \`npm run console:budget\` on ${new Date().toISOString().slice(0, 10)} (gzip level 9 of the built files; the`,
  'node serves them uncompressed, a reverse proxy in front of it compresses).',
  '',
  '| what the browser loads | JavaScript (kB, gzip) | CSS (kB, gzip) |',
  '|---|---:|---:|',
  `| first load (sign-in; the budget: at most 300 kB of JavaScript) | ${kB(budget.initial.js)} | ${kB(budget.initial.css)} |`,
  ...budget.chunks.map((chunk) => `| chunk ${chunk.name}, when a page first needs it | ${kB(chunk.js)} | |`),
  '',
  'Every page is its own chunk, loaded when first opened; the chart library (Recharts through',
  "@mantine/charts) loads after the dashboard's figures and due list are shown.",
  '',
].join('\n');
const file = path.join(root, 'docs/performance.md');
const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
const at = previous.indexOf('## The operator console');
writeFileSync(file, `${(at >= 0 ? previous.slice(0, at) : `${previous}\n`).trimEnd()}\n\n${section}`);
process.stdout.write(`${section}\n`);
