#!/usr/bin/env node
'use strict';
/**
 * The OpenAPI document is the contract, checked from outside (npm run test:api; test:all runs it after
 * jest): Schemathesis, pinned in tools/schemathesis/requirements.txt and installed in a virtual
 * environment of its own, runs against a real node process with every check (--checks all):
 *
 *   - once per role, with a token of that role, over the operations the role may call (x-nrm-roles),
 *     in the examples, coverage and fuzzing phases, and the stateful one where the document links some
 *     of those operations to each other;
 *   - once without a token over the public operations (health, login, refresh, the partner inbox);
 *   - once more in the stateful phase alone over every case operation, each called with a token of a
 *     role it admits, so that the links lead from a registration through every context.
 *
 * Afterwards it checks that refused requests recorded nothing (see checkTheLog). Seeded and bounded:
 * the same seed sends the same requests, in a few minutes on two cores. Exit 0 only if every run passed,
 * no request got a 5xx and the log check holds.
 *
 *   node tools/schemathesis/run.js [--keep] [--only <run>,<run>…]
 *
 * --keep keeps the work directory (node log, Schemathesis output and NDJSON reports, data dir); --only
 * runs some of: public, admin, identification_officer, case_manager, return_officer,
 * prosecution_liaison, auditor, case-walk. Environment: NRM_SCHEMATHESIS_SEED (seed),
 * NRM_SCHEMATHESIS_MAX_EXAMPLES (test cases per operation and phase), NRM_SCHEMATHESIS_CACHE (where
 * the virtual environment lives), PYTHON (the interpreter that makes it, python3).
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const REQUIREMENTS = path.join(__dirname, 'requirements.txt');
const CACHE = path.resolve(
  process.env.NRM_SCHEMATHESIS_CACHE ||
    path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'nrm-schemathesis'),
);
const PYTHON = process.env.PYTHON || 'python3';
const MAIN = path.join(ROOT, 'dist/apps/node/apps/node/src/main.js');
const SEED = Number(process.env.NRM_SCHEMATHESIS_SEED || 20261205);
const MAX_EXAMPLES = Number(process.env.NRM_SCHEMATHESIS_MAX_EXAMPLES || 30);
/** No single run may take longer (it is killed and fails): a hung run must not hang CI. */
const RUN_TIMEOUT_MS = 10 * 60 * 1000;
const PHASES = ['examples', 'coverage', 'fuzzing', 'stateful'];
const ADMIN = { username: 'admin', password: 'schemathesis-admin-password-2026' };
const PASSWORD = 'schemathesis quiet harbour 4711';
const AGENCY = 'national-nrm-office';
/** The stream a partner inbox records what it refused before it knew the sender (libs/contracts). */
const TRM_UNAUTHENTICATED_STREAM = 'trm-unauthenticated';
const INBOX = 'POST /api/partners/inbox';

/**
 * 422 answers a request that matches the document but that a rule refuses (the reflection period, a
 * missing consent, a case in the wrong stage, the password policy): which rules hold depends on the
 * case's history, which no schema can know. Schemathesis's default for positive_data_acceptance omits
 * it; every other check keeps its defaults.
 */
const CONFIG_COMMON = `
[checks.positive_data_acceptance]
expected-statuses = ["2xx", "3xx", "401", "403", "404", "409", "422", "429", "5xx"]
`;

// ---------------------------------------------------------------- small helpers

const log = (line = '') => process.stdout.write(`${line}\n`);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const sha256 = (text) => crypto.createHash('sha256').update(text).digest('hex');
const toml = (value) => JSON.stringify(value); // JSON strings and arrays of them are TOML too

function parseArgs(argv) {
  const args = { keep: false, only: undefined };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--keep') args.keep = true;
    else if (argv[i] === '--only') args.only = new Set(String(argv[++i] ?? '').split(','));
    else throw new Error(`unknown argument ${argv[i]} (use --keep, --only <run>,<run>)`);
  }
  return args;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------- Schemathesis in its own venv

/** The venv with the pinned Schemathesis, made (again) when requirements.txt or the Python changed. */
function schemathesis() {
  const venv = path.join(CACHE, 'venv');
  const bin = path.join(venv, 'bin', 'schemathesis');
  const version = spawnSync(PYTHON, ['--version'], { encoding: 'utf8' });
  if (version.status !== 0) throw new Error(`${PYTHON} is needed to install Schemathesis (set PYTHON)`);
  const wanted = sha256(`${fs.readFileSync(REQUIREMENTS, 'utf8')}\n${version.stdout}${version.stderr}`);
  const stamp = path.join(venv, '.nrm-requirements');
  if (fs.existsSync(bin) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === wanted) return bin;

  log(`== installing Schemathesis into ${venv} (requirements.txt changed or first run)`);
  fs.rmSync(venv, { recursive: true, force: true });
  fs.mkdirSync(CACHE, { recursive: true });
  const steps = [
    [PYTHON, ['-m', 'venv', venv]],
    [
      path.join(venv, 'bin', 'python'),
      [
        '-m',
        'pip',
        'install',
        '--disable-pip-version-check',
        '--quiet',
        '--require-hashes',
        '-r',
        REQUIREMENTS,
      ],
    ],
  ];
  for (const [command, args] of steps) {
    if (spawnSync(command, args, { stdio: 'inherit' }).status !== 0) {
      fs.rmSync(venv, { recursive: true, force: true });
      throw new Error(`could not install Schemathesis: ${command} ${args.join(' ')} failed`);
    }
  }
  fs.writeFileSync(stamp, wanted);
  return bin;
}

// ---------------------------------------------------------------- the node

/** Newest modification time under a directory, in ms (sources only). */
function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(file));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(file).mtimeMs);
  }
  return newest;
}

/** `npm run build:node`, unless dist is newer than every source. */
function buildNode() {
  const built = fs.existsSync(MAIN) ? fs.statSync(MAIN).mtimeMs : 0;
  const sources = Math.max(newestSource(path.join(ROOT, 'apps')), newestSource(path.join(ROOT, 'libs')));
  if (built > sources) return;
  log('== npm run build:node');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  if (spawnSync(npm, ['run', 'build:node', '--silent'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) {
    throw new Error('npm run build:node failed');
  }
}

async function startNode(work) {
  const port = await freePort();
  const dataDir = path.join(work, 'data');
  fs.mkdirSync(dataDir);
  const logFile = path.join(work, 'node.log');
  const out = fs.openSync(logFile, 'w');
  // Its own cwd, so that no developer's .env is read; limits raised: the subject is the API, not the
  // rate limiters (which have tests of their own); tokens outlive the whole run.
  const child = spawn(process.execPath, [MAIN], {
    cwd: work,
    env: {
      PATH: process.env.PATH ?? '',
      NRM_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      NRM_ADMIN_USERNAME: ADMIN.username,
      NRM_ADMIN_PASSWORD: ADMIN.password,
      NRM_API_RATE_LIMIT_PER_MINUTE: '1000000',
      NRM_AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
      NRM_ACCESS_TOKEN_TTL_SECONDS: '7200',
      NRM_LOG_LEVEL: 'info',
    },
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the node exited with ${child.exitCode}; see ${logFile}`);
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`the node did not answer /health in 120 s; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, baseUrl, dataDir, logFile };
}

function stopNode(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    child.kill('SIGTERM');
  });
}

async function call(baseUrl, method, url, { token, body } = {}) {
  const headers = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${baseUrl}${url}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  return { status: res.status, body: json };
}

async function expectStatus(baseUrl, status, method, url, options) {
  const res = await call(baseUrl, method, url, options);
  if (res.status !== status) {
    throw new Error(
      `setup: ${method} ${url} answered ${res.status}, not ${status}: ${JSON.stringify(res.body)}`,
    );
  }
  return res.body;
}

/** Every role some operation admits, as the document states it (x-nrm-roles): one account each. */
function rolesOf(doc) {
  const roles = new Set();
  for (const item of Object.values(doc.paths))
    for (const operation of Object.values(item)) for (const role of operation['x-nrm-roles'] ?? []) roles.add(role);
  return [...roles].sort();
}

/** One account per role (each logged in, agency national-nrm-office), made by the first admin. */
async function setUp(baseUrl, roles) {
  const login = async (username, password) =>
    (await expectStatus(baseUrl, 200, 'POST', '/api/auth/login', { body: { username, password } }))
      .accessToken;
  const admin = await login(ADMIN.username, ADMIN.password);
  // Users belong to a registered agency, in a registered district.
  const district = { code: 'st-district', name: 'District' };
  await expectStatus(baseUrl, 201, 'POST', '/api/organisation/districts', { token: admin, body: district });
  const agency = { code: AGENCY, name: AGENCY, kind: 'other', district: district.code };
  await expectStatus(baseUrl, 201, 'POST', '/api/organisation/agencies', { token: admin, body: agency });
  const tokens = {};
  for (const role of roles) {
    const username = `st-${role.replace(/_/g, '-')}`;
    const body = { username, password: PASSWORD, role, agency: AGENCY, country: 'MD' };
    await expectStatus(baseUrl, 201, 'POST', '/api/users', { token: admin, body });
    tokens[role] = await login(username, PASSWORD);
  }
  return tokens;
}

/**
 * Fresh cases for a run, so that the roles that cannot register one reach the deciders, not only "no such
 * case" (and not only cases an earlier run closed): an adult with consent to assistance and an
 * identification decision, and a presumed child. Half the `{id}`s a run generates are these.
 */
async function seedCases(baseUrl, tokens) {
  const as = { token: tokens.identification_officer };
  const register = async (person) =>
    (
      await expectStatus(baseUrl, 201, 'POST', '/api/cases', {
        ...as,
        body: {
          referralSource: 'labour_inspectorate',
          person,
          countryOfExploitation: 'DE',
          formsOfExploitation: ['forced_labour'],
          indicators: ['withheld-documents'],
        },
      })
    ).caseId;
  const adult = await register({
    givenName: 'Ileana',
    familyName: 'Vrabie',
    sex: 'female',
    dateOfBirth: '1996-03-02',
    citizenship: 'MD',
  });
  await expectStatus(baseUrl, 201, 'POST', `/api/cases/${adult}/consents`, {
    ...as,
    body: { purpose: 'assistance', granted: true },
  });
  await expectStatus(baseUrl, 201, 'POST', `/api/cases/${adult}/identification`, {
    ...as,
    body: { decision: 'identified', reasons: 'indicators confirmed in interview' },
  });
  const child = await register({
    givenName: 'Dan',
    familyName: 'Ciobanu',
    sex: 'male',
    dateOfBirth: '2012-05-17',
    citizenship: 'MD',
  });
  return [adult, child];
}

// ---------------------------------------------------------------- the runs

/** Every operation of the document: its id, label, roles, whether it is public, its links' targets. */
function operationsOf(doc) {
  const operations = [];
  for (const [docPath, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const links = Object.values(op.responses ?? {}).flatMap((r) =>
        Object.values(r.links ?? {}).map((l) => l.operationId),
      );
      operations.push({
        id: op.operationId,
        label: `${method.toUpperCase()} ${docPath}`,
        path: docPath,
        roles: op['x-nrm-roles'] ?? [],
        isPublic: op['x-nrm-public'] === true,
        links,
      });
    }
  }
  return operations;
}

/** Whether any link of the document leads from one of these operations to another of them. */
function linked(operations) {
  const ids = new Set(operations.map((op) => op.id));
  return operations.some((op) => op.links.some((target) => ids.has(target)));
}

/**
 * A run's schemathesis.toml: the common settings, and values mixed into what it generates. Dictionaries
 * are bound to parameters with a probability: the rest stays generated from the schema.
 */
function configOf({ dictionaries = {}, parameters = {}, rest = '' } = {}) {
  const lines = [CONFIG_COMMON];
  for (const [name, values] of Object.entries(dictionaries))
    lines.push(`[dictionaries.${name}]`, `values = ${toml(values)}`, '');
  if (Object.keys(parameters).length > 0) {
    lines.push('[parameters]');
    for (const [key, [dictionary, probability]] of Object.entries(parameters)) {
      lines.push(`${toml(key)} = { dictionary = ${toml(dictionary)}, probability = ${probability} }`);
    }
    lines.push('');
  }
  return lines.join('\n') + rest;
}

/** Real case ids for half the `{id}`s a run generates (the other half name nothing: 404). */
const caseDictionary = (caseIds) => ({
  dictionaries: { cases: caseIds },
  parameters: { 'path.id': ['cases', 0.5] },
});

/**
 * Real keys for half the partner keys the admin's run generates: a random string that matches the PEM
 * pattern is no key (422), and only a registered partner lets the links reach the operations on it.
 */
function partnerKeyDictionary() {
  const pems = (type) =>
    [1, 2, 3].map(() => crypto.generateKeyPairSync(type).publicKey.export({ type: 'spki', format: 'pem' }));
  return {
    dictionaries: { ed25519: pems('ed25519'), x25519: pems('x25519') },
    parameters: { 'body.publicKeyPem': ['ed25519', 0.5], 'body.encryptionKeyPem': ['x25519', 0.5] },
  };
}

function plannedRuns(doc, tokens) {
  const operations = operationsOf(doc);
  const runs = [];
  const publicOps = operations.filter((op) => op.isPublic);
  runs.push({ name: 'public', operations: publicOps, headers: {}, config: () => configOf() });
  // The admin last: the partners it registers could otherwise receive the handovers of later runs.
  const roles = Object.keys(tokens);
  for (const role of [...roles.filter((r) => r !== 'admin'), 'admin']) {
    const mine = operations.filter((op) => op.roles.includes(role));
    runs.push({
      name: role,
      operations: mine,
      headers: { Authorization: `Bearer ${tokens[role]}` },
      config: (caseIds) => {
        const cases = caseDictionary(caseIds);
        if (role !== 'admin') return configOf(cases);
        const keys = partnerKeyDictionary();
        return configOf({
          dictionaries: { ...cases.dictionaries, ...keys.dictionaries },
          parameters: { ...cases.parameters, ...keys.parameters },
        });
      },
    });
  }
  // The case walk: every case operation, each with a token of the first role it admits.
  const caseOps = operations.filter((op) => op.path.startsWith('/api/cases') && op.roles.length > 0);
  const perOperation = caseOps
    .map(
      (op) => `
[[operations]]
include-operation-id = ${toml(op.id)}
headers = { Authorization = ${toml(`Bearer ${tokens[op.roles[0]]}`)} }
`,
    )
    .join('');
  runs.splice(runs.length - 1, 0, {
    name: 'case-walk',
    operations: caseOps,
    headers: {},
    phases: ['stateful'],
    config: () => configOf({ rest: perOperation }),
  });
  for (const run of runs) {
    run.phases ??= PHASES.filter((phase) => phase !== 'stateful' || linked(run.operations));
  }
  return runs;
}

/** Test cases per phase, failed checks and statuses, from a run's NDJSON report. */
function summarise(reportFile) {
  const summary = { cases: {}, scenarios: {}, failedChecks: 0, errors: [], statuses: {} };
  if (!fs.existsSync(reportFile)) return summary;
  for (const line of fs.readFileSync(reportFile, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const event = JSON.parse(line);
    if (event.NonFatalError) summary.errors.push(event.NonFatalError.value?.message ?? 'error');
    if (event.FatalError) summary.errors.push(JSON.stringify(event.FatalError).slice(0, 300));
    const finished = event.ScenarioFinished;
    if (!finished?.recorder?.cases) continue;
    const { phase, recorder } = finished;
    summary.cases[phase] = (summary.cases[phase] ?? 0) + Object.keys(recorder.cases).length;
    summary.scenarios[phase] = (summary.scenarios[phase] ?? 0) + 1;
    for (const checks of Object.values(recorder.checks ?? {})) {
      summary.failedChecks += checks.filter((c) => c.status === 'failure').length;
    }
    for (const interaction of Object.values(recorder.interactions ?? {})) {
      const status = interaction.response?.status_code;
      if (status !== undefined) summary.statuses[status] = (summary.statuses[status] ?? 0) + 1;
    }
  }
  return summary;
}

function runSchemathesis(bin, baseUrl, run, caseIds, work, index, total) {
  const dir = path.join(work, `run-${run.name}`);
  fs.mkdirSync(dir);
  const configFile = path.join(dir, 'schemathesis.toml');
  fs.writeFileSync(configFile, run.config(caseIds));
  const report = path.join(dir, 'report.ndjson');
  const output = path.join(dir, 'output.txt');
  const args = [
    '--config-file',
    configFile,
    'run',
    `${baseUrl}/api/docs-json`,
    '--checks',
    'all',
    '--phases',
    run.phases.join(','),
    '--seed',
    String(SEED),
    '--max-examples',
    String(MAX_EXAMPLES),
    // One worker: the requests, and so the node's state, follow the seed in one order.
    '--workers',
    '1',
    // No example database: a run replays nothing an earlier run found, only what the seed says.
    '--generation-database',
    'none',
    '--no-color',
    '--report',
    'ndjson',
    '--report-ndjson-path',
    report,
    ...Object.entries(run.headers).flatMap(([name, value]) => ['--header', `${name}: ${value}`]),
    ...run.operations.flatMap((op) => ['--include-operation-id', op.id]),
  ];
  log(
    `[${index}/${total}] ${run.name}: ${run.operations.length} operations, phases ${run.phases.join(', ')}`,
  );
  const started = Date.now();
  return new Promise((resolve) => {
    const out = fs.openSync(output, 'w');
    const child = spawn(bin, args, {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', out, out],
    });
    fs.closeSync(out);
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const summary = summarise(report);
      const ms = Date.now() - started;
      const perPhase = run.phases
        .map((phase) =>
          phase === 'stateful'
            ? `stateful ${summary.cases.stateful ?? 0} in ${summary.scenarios.stateful ?? 0} scenarios`
            : `${phase} ${summary.cases[phase] ?? 0}`,
        )
        .join(', ');
      const cases = Object.values(summary.cases).reduce((a, b) => a + b, 0);
      const ok = code === 0 && summary.failedChecks === 0 && summary.errors.length === 0;
      log(
        `    ${ok ? 'passed' : 'FAILED'}: ${cases} test cases (${perPhase}), ` +
          `${summary.failedChecks} failed checks, ${summary.errors.length} errors, ${seconds(ms)}` +
          (signal ? ` (killed: ${signal})` : ''),
      );
      log(`    statuses ${JSON.stringify(summary.statuses)}`);
      if (!ok) {
        const text = fs.readFileSync(output, 'utf8');
        const from = text.search(/^=+ (FAILURES|ERRORS) =+$/m);
        log((from >= 0 ? text.slice(from) : text.slice(-6000)).replace(/^/gm, '    | '));
      }
      resolve({ run, ok, ms, summary, operations: run.operations.length });
    });
  });
}

// ---------------------------------------------------------------- refused requests record nothing

/**
 * Refused requests recorded nothing. Every event the node appends on behalf of a request carries the
 * request's id as its causation id, and the node's HTTP log has one line per request with that id and
 * the status it answered. So: every event appended after set-up must name a request the node answered
 * with a 2xx; the only exception is the partner inbox, which records each envelope it judged and
 * rejected (422) in `trm-unauthenticated`, by design and before it knows any sender: there must be
 * exactly as many such events as inbox requests answered 422. An event that names no request of the
 * log (the node's own partner bridge, say) is reported and fails the check too: nothing else should
 * write while the API is tested. This is exact, unlike comparing the log's size with what accepted
 * requests could explain, and needs nothing from Schemathesis: it holds for every request the node
 * received, those the checks sent on their own included.
 */
function checkTheLog(node, baseline) {
  const answered = new Map();
  let inboxRejected = 0;
  const serverErrors = [];
  for (const line of fs.readFileSync(node.logFile, 'utf8').split('\n')) {
    if (!line.startsWith('{')) continue;
    let entry;
    try {
      entry = JSON.parse(line);
    } catch {
      continue;
    }
    if (entry.msg !== 'request' || typeof entry.reqId !== 'string') continue;
    answered.set(entry.reqId, entry);
    if (`${entry.method} ${entry.path}` === INBOX && entry.status === 422) inboxRejected++;
    if (entry.status >= 500) serverErrors.push(`${entry.method} ${entry.path} → ${entry.status}`);
  }
  const Database = require(require.resolve('better-sqlite3', { paths: [ROOT] }));
  const db = new Database(path.join(node.dataDir, 'events.sqlite'), { readonly: true, fileMustExist: true });
  const events = db
    .prepare(
      'SELECT position, stream_id, type, actor, causation_id FROM events WHERE position > ? ORDER BY position',
    )
    .all(baseline);
  const total = db.prepare('SELECT COUNT(*) AS n FROM events').get().n;
  db.close();

  const problems = [];
  let byAccepted = 0;
  let inboxRefusals = 0;
  for (const e of events) {
    const request = e.causation_id ? answered.get(e.causation_id) : undefined;
    const what = `event ${e.position} ${e.type} in ${e.stream_id}`;
    if (e.stream_id === TRM_UNAUTHENTICATED_STREAM && e.type === 'CrossBorderMessageRefused') inboxRefusals++;
    else if (!request) problems.push(`${what} names no request of the node's log (actor ${e.actor})`);
    else if (request.status >= 300)
      problems.push(`${what} was recorded by ${request.method} ${request.path}, answered ${request.status}`);
    else byAccepted++;
  }
  if (inboxRefusals !== inboxRejected) {
    problems.push(
      `the inbox rejected ${inboxRejected} envelopes (422) but recorded ${inboxRefusals} refusals`,
    );
  }
  return {
    problems,
    serverErrors,
    requests: answered.size,
    events: events.length,
    byAccepted,
    inboxRefusals,
    total,
  };
}

// ---------------------------------------------------------------- main

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const bin = schemathesis();
  buildNode();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-schemathesis-'));
  const node = await startNode(work);
  let failed = false;
  const results = [];
  try {
    const doc = (await call(node.baseUrl, 'GET', '/api/docs-json')).body;
    const tokens = await setUp(node.baseUrl, rolesOf(doc));
    const auditor = { token: tokens.auditor };
    const baseline = (await expectStatus(node.baseUrl, 200, 'GET', '/api/audit/verify', auditor)).size;
    const planned = plannedRuns(doc, tokens);
    const unknown = [...(args.only ?? [])].filter((name) => !planned.some((run) => run.name === name));
    if (unknown.length > 0) throw new Error(`--only: no run named ${unknown.join(', ')}`);
    const runs = planned.filter((run) => !args.only || args.only.has(run.name));
    log(
      `== Schemathesis ${SEED === 20261205 ? '' : '(seed changed) '}against ${node.baseUrl}: ` +
        `${operationsOf(doc).length} operations, ${runs.length} runs, seed ${SEED}, ` +
        `at most ${MAX_EXAMPLES} examples per operation and phase`,
    );
    for (const [i, run] of runs.entries()) {
      const caseIds = await seedCases(node.baseUrl, tokens);
      results.push(await runSchemathesis(bin, node.baseUrl, run, caseIds, work, i + 1, runs.length));
    }
    // The log must still verify after all that (and its size is what the check below reads).
    const verified = await expectStatus(node.baseUrl, 200, 'GET', '/api/audit/verify', auditor);
    if (!verified.valid) {
      failed = true;
      log(`FAILED: the log no longer verifies: ${JSON.stringify(verified)}`);
    }
    const code = await stopNode(node.child);
    if (code !== 0) {
      failed = true;
      log(`FAILED: the node exited with ${code} on SIGTERM`);
    }
    const check = checkTheLog(node, baseline);
    log(
      `== the log: ${check.events} events since set-up, ${check.byAccepted} by accepted requests, ` +
        `${check.inboxRefusals} inbox refusals (by design), over ${check.requests} requests`,
    );
    if (check.total !== verified.size)
      check.problems.push(`the log holds ${check.total} events, verify said ${verified.size}`);
    for (const problem of check.problems.slice(0, 30)) log(`    ${problem}`);
    for (const error of check.serverErrors.slice(0, 30)) log(`    5xx: ${error}`);
    if (check.problems.length > 0 || check.serverErrors.length > 0) {
      failed = true;
      log(
        `FAILED: ${check.problems.length} events refused requests recorded, ${check.serverErrors.length} 5xx answers`,
      );
    }
  } catch (error) {
    failed = true;
    log(`FAILED: ${error.stack ?? error}`);
  } finally {
    await stopNode(node.child);
  }
  failed ||= results.some((r) => !r.ok);
  const cases = results.reduce((n, r) => n + Object.values(r.summary.cases).reduce((a, b) => a + b, 0), 0);
  log(
    `\ntest:api: ${results.filter((r) => r.ok).length}/${results.length} runs passed, ${cases} test cases, ` +
      `${seconds(Date.now() - started)} in all${failed ? ' — FAILED' : ''}`,
  );
  if (args.keep || failed) log(`work directory (node log, reports): ${work}`);
  else fs.rmSync(work, { recursive: true, force: true });
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
