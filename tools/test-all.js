/**
 * The whole test suite against real servers, as CI runs it: starts Kafka and FerretDB (npm run infra:up),
 * runs jest with the servers' addresses and NRM_REQUIRE_SERVERS (so no integration suite can skip),
 * then stops the servers again if this run started them. Suites named *.fault.spec.ts restart servers,
 * so they run last and alone. Then the operator console in Debian's Chromium (Playwright,
 * apps/console/e2e), and the OpenAPI document is checked from outside: Schemathesis against a
 * real node process (tools/schemathesis/run.js, npm run test:api). Extra arguments go to jest.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..');
const infra = (...args) =>
  spawnSync(process.execPath, [path.join(root, 'deploy/local/infra.js'), ...args], { cwd: root, stdio: 'inherit' });

const wasRunning = spawnSync(process.execPath, [path.join(root, 'deploy/local/infra.js'), 'status'], { cwd: root }).status === 0;
if (infra('up').status !== 0) {
  process.stderr.write('test:all: the servers did not start (see above)\n');
  process.exit(1);
}
const env = {
  ...process.env,
  KAFKA_BROKERS: process.env.KAFKA_BROKERS || '127.0.0.1:9092',
  MONGO_URL: process.env.MONGO_URL || 'mongodb://127.0.0.1:27017',
  NRM_REQUIRE_SERVERS: ['KAFKA_BROKERS', 'MONGO_URL', ...(process.env.EVENTSTORE_URL ? ['EVENTSTORE_URL'] : [])].join(','),
};
// Fault tests restart the shared servers: they run after the rest, one file at a time.
const totals = { passed: 0, failed: 0, skipped: 0 };
const jest = (args) => {
  const summary = path.join(os.tmpdir(), `nrm-jest-${process.pid}-${Date.now()}.json`);
  const status =
    spawnSync(
      process.execPath,
      [require.resolve('jest/bin/jest'), '--json', `--outputFile=${summary}`, ...args, ...process.argv.slice(2)],
      { cwd: root, env, stdio: 'inherit' },
    ).status ?? 1;
  try {
    const r = JSON.parse(fs.readFileSync(summary, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
    totals.skipped += r.numPendingTests + r.numTodoTests;
    fs.rmSync(summary, { force: true });
  } catch {
    totals.failed += 1; // jest died before writing its summary
  }
  return status;
};
const main = jest(['--testPathIgnorePatterns', '\\.fault\\.spec\\.ts$']);
// --forceExit: these tests stop and start the servers under live clients, and a client library's
// reconnect timer can outlive its test by minutes after every assertion passed (seen once in CI as
// "Jest did not exit"); the product's own stop paths are tested elsewhere.
const faults = jest(['--runInBand', '--forceExit', '--testPathPattern', '\\.fault\\.spec\\.ts$']);
if (!wasRunning) infra('down');
// The console in a real browser (Debian's Chromium), against node processes the tests start.
const browser =
  spawnSync(process.execPath, [path.join(root, 'node_modules/@playwright/test/cli.js'), 'test', '-c', 'apps/console/playwright.config.ts'], {
    cwd: root,
    stdio: 'inherit',
  }).status ?? 1;
// The API contract needs no server, only Python (it installs Schemathesis from PyPI into its own venv).
const contract =
  spawnSync(process.execPath, [path.join(root, 'tools/schemathesis/run.js')], { cwd: root, stdio: 'inherit' }).status ?? 1;
process.stdout.write(
  `\ntotal: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped; ` +
    `console in Chromium ${browser === 0 ? 'passed' : 'FAILED'}; ` +
    `API contract (Schemathesis) ${contract === 0 ? 'passed' : 'FAILED'}\n`,
);
process.exit(main || faults || browser || contract);
