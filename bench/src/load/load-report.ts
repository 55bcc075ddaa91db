import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { profileTables } from '../profile-markdown';
import type { ProfileSummary } from './cpu-profile';
import type { Measured } from './drive';
import type { KillRunResult } from './kill-run';

export const LOAD_SECTION = '## The node under load';

export interface LoadRow extends Measured {
  /** Reads of a case just written that showed an older revision (or none): the node's runs only. */
  readsBehind?: number;
}

export interface LoadTable {
  name: string;
  rows: LoadRow[];
  peakRssBytes: number;
  /** The raw baseline of its own store its "of raw" is taken against; default the report's raw (SQLite). */
  against?: LoadTable;
}

export interface LoadReport {
  machine: string;
  seconds: number;
  raw: LoadTable;
  /** Further raw baselines (the MongoDB server's), listed after the first. */
  baselines?: LoadTable[];
  tables: LoadTable[];
  /** Sentences after the table: what the Kafka + MongoDB node was seen to use, or why it was not measured. */
  notes?: string[];
  kill: KillRunResult;
  /** Sentences after the kill run's: the Kafka + MongoDB node's kill run. */
  afterKill?: string[];
  /** The node's main thread profiled at 32 clients, and the throughput it reached meanwhile. */
  profile?: { summary: ProfileSummary; perSecond: number };
  /** Further sections' lines, after the profile (where the Kafka + MongoDB node waits). */
  moreSections?: string[];
  totalSeconds: number;
}

/** The row group of the node with Kafka as its shared log and MongoDB for its read models. */
export const EXTERNAL_STORES_NODE = 'node, Kafka + MongoDB';

/**
 * What must not happen under load: an error other than the deliberate 409s, or a read of a case just
 * written that shows an older state (the node answers a command once its projections applied it).
 */
export function unexpectedOutcomes(tables: LoadTable[]): string[] {
  return tables.flatMap((table) =>
    table.rows.flatMap((row) => [
      ...(row.errors > 0 ? [`${table.name}, ${row.connections} clients: ${row.errors} errors`] : []),
      ...(row.readsBehind
        ? [
            `${table.name}, ${row.connections} clients: ${row.readsBehind} reads behind the client's own write`,
          ]
        : []),
    ]),
  );
}

const fixed = (value: number, digits = 0) => value.toFixed(digits);
const mib = (bytes: number) => `${fixed(bytes / 2 ** 20)} MiB`;

function table(report: LoadReport): string[] {
  const lines = [
    '| server | clients | requests/s | of raw | p50 ms | p95 ms | p99 ms | errors | deliberate 409s | reads behind |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const baselines = [report.raw, ...(report.baselines ?? [])];
  for (const server of [...baselines, ...report.tables]) {
    server.rows.forEach((row, i) => {
      const raw = (server.against ?? report.raw).rows[i];
      const ratio = baselines.includes(server) ? '1.00' : fixed(row.perSecond / raw.perSecond, 2);
      lines.push(
        `| ${server.name} | ${row.connections} | ${fixed(row.perSecond)} | ${ratio} | ${fixed(row.p50Ms)} | ` +
          `${fixed(row.p95Ms)} | ${fixed(row.p99Ms)} | ${row.errors} | ${row.deliberateConflicts} | ` +
          `${row.readsBehind ?? '—'} |`,
      );
    });
  }
  return lines;
}

function scaling(server: LoadTable): string {
  const one = server.rows.find((row) => row.connections === 1);
  const many = server.rows.find((row) => row.connections === 32);
  if (!one || !many) return `${server.name}: peak RSS ${mib(server.peakRssBytes)}`;
  const factor = many.perSecond / one.perSecond;
  return (
    `${server.name}: 32 clients reach ${fixed(factor, 1)} × the throughput of 1 client ` +
    `(goal ≥ 5 ×: ${factor >= 5 ? 'met' : 'not met'}); peak RSS ${mib(server.peakRssBytes)}`
  );
}

/** A further node's throughput at 32 clients as a share of the first (embedded) node's. */
function beside(first: LoadTable, server: LoadTable): string[] {
  const mine = server.rows.find((row) => row.connections === 32);
  const theirs = first.rows.find((row) => row.connections === 32);
  if (!mine || !theirs) return [];
  return [`- ${server.name} at 32 clients: ${fixed(mine.perSecond / theirs.perSecond, 2)} × ${first.name}`];
}

const percent = (share: number) => `${fixed(share * 100, 1)} %`;

/**
 * The profile, and what it says of the 5 × goal: one event loop busy `c` ms per request answers at
 * most 1000 / c requests a second however many clients wait, so the goal asks for a cut of `c`.
 */
function whereTheTimeGoes(
  profile: { summary: ProfileSummary; perSecond: number },
  oneClient: number | undefined,
): string[] {
  const { summary, perSecond } = profile;
  const seconds = (summary.busyMs + summary.idleMs) / 1000;
  const requests = perSecond * seconds;
  const cpuMs = requests > 0 ? summary.busyMs / requests : undefined;
  const bound =
    cpuMs !== undefined && oneClient !== undefined
      ? [
          `At ${fixed(cpuMs, 2)} ms of main-thread CPU per request, one event loop answers at most ` +
            `${fixed(1000 / cpuMs)} requests/s, however many clients wait. Five times the 1-client figure ` +
            `(5 × ${fixed(oneClient)} = ${fixed(5 * oneClient)} requests/s) would need at most ` +
            `${fixed(1000 / (5 * oneClient), 2)} ms per request, ${fixed((cpuMs * 5 * oneClient) / 1000, 1)} × less than ` +
            "now, with the machine's other core already running the log's writer thread (its fsyncs) and the " +
            "key store's syncs. The 1-client figure is itself high because a command waits only for one fsync " +
            '(the rest of its time is CPU), so the ratio is bounded by the CPU each request needs, as the profile above shows.',
          '',
        ]
      : [];
  return [
    '### Where the time goes',
    '',
    `A node under \`--cpu-prof\` at 32 clients (${fixed(perSecond)} requests/s while profiled): its main thread was ` +
      `busy ${percent(summary.busyMs / (summary.busyMs + summary.idleMs))} of the time, ` +
      `${cpuMs !== undefined ? fixed(cpuMs, 2) : '—'} ms of CPU per request. ` +
      "Self time by where the code comes from (the log's writer thread, which waits for the disk, is profiled apart):",
    '',
    ...profileTables(summary),
    ...bound,
  ];
}

/**
 * What a case asks of the node over its life, for the capacity estimate: about 60 commands (a full walk
 * from registration to closure records 40 to 70 events) and five reads per command (the operators'
 * case pages and lists around each step).
 */
export const REQUESTS_PER_CASE = 60 + 60 * 5;
/** Working time in a year (250 days of 8 hours), and a peak hour at ten times the average. */
const WORKING_SECONDS_PER_YEAR = 250 * 8 * 3600;
const PEAK_FACTOR = 10;

/** The cases a year a node answering `perSecond` could serve at the peak, with the assumptions above. */
export function casesPerYear(perSecond: number): number {
  return (perSecond * WORKING_SECONDS_PER_YEAR) / (PEAK_FACTOR * REQUESTS_PER_CASE);
}

function capacity(report: LoadReport): string[] {
  const embedded = report.tables[0]?.rows.find((row) => row.connections === 32);
  if (!embedded) return [];
  const cases = casesPerYear(embedded.perSecond);
  const thousands = (n: number) => (Math.round(n / 1000) * 1000).toLocaleString('en-US');
  return [
    '### Capacity of a national node',
    '',
    `Assume a case asks ${REQUESTS_PER_CASE} requests over its life (about 60 commands, five reads per command), ` +
      `all in working hours (250 days of 8 hours), with a peak hour at ${PEAK_FACTOR} × the average. At the ` +
      `${fixed(embedded.perSecond)} requests/s the embedded node answers at 32 clients, one node serves about ` +
      `**${thousands(cases)} new cases a year** at its peak hour. For scale: Moldova assisted about 8,000 people ` +
      'in 11 years (about 730 a year) and the EU registers about 10,000 victims a year, so one embedded node on ' +
      `this machine carries a country's caseload ${fixed(cases / 730)} times over, and the whole EU's ` +
      `${fixed(cases / 10000, 1)} times. The log grows by about 60 events per case: 44,000 a year for Moldova, ` +
      '600,000 for the EU as a whole.',
    '',
  ];
}

export function loadSection(report: LoadReport): string {
  const { kill } = report;
  return [
    LOAD_SECTION,
    '',
    `Generated by \`npm run bench:load\` on ${new Date().toISOString().slice(0, 10)} (${fixed(report.totalSeconds)} s). ` +
      `Machine: ${report.machine}. Each level runs ${report.seconds} s with autocannon against a real node ` +
      'process (compiled, as `npm start` runs it).',
    '',
    'The mix, walked again and again by every client: register a presumed victim, record a consent with If-Match, ' +
      'repeat it on the stale revision (a deliberate 409, as when two operators race), assess needs, read the case, ' +
      'read the case list: three commands, one conflict and two reads per walk. The raw baseline is Fastify and ' +
      'better-sqlite3 doing one insert per request at the same durability (WAL, synchronous=FULL), nothing else. ' +
      'The node runs with its per-address rate limit lifted: every simulated operator comes from one address. ' +
      'Reads behind counts reads of the case that showed an older revision than the command the same client ' +
      'just had acknowledged (or no case at all): the node answers a command only once its projections have ' +
      'applied it (`waitForPosition`, at most 5 s, then it answers anyway), so there should be none while the ' +
      'read models keep up; a walk slower than the test never reaches its read.',
    '',
    ...table(report),
    '',
    ...report.tables.map((server) => `- ${scaling(server)}`),
    ...[report.raw, ...(report.baselines ?? [])].map(
      (raw) => `- ${raw.name}: peak RSS ${mib(raw.peakRssBytes)}`,
    ),
    ...report.tables.slice(1).flatMap((server) => beside(report.tables[0], server)),
    '',
    ...(report.notes ?? []).flatMap((note) => [note, '']),
    `Kill run: 32 clients on the embedded node, SIGKILLed ${kill.kills} times under load and restarted on the same ` +
      `data (${fixed(kill.seconds)} s). ${kill.acknowledged} commands were acknowledged; ` +
      `${kill.lost === 0 ? 'none was lost' : `${kill.lost} were LOST`}: each was looked up in the event log after the run.`,
    '',
    ...(report.afterKill ?? []).flatMap((line) => [line, '']),
    ...(report.profile
      ? whereTheTimeGoes(
          report.profile,
          report.tables[0]?.rows.find((row) => row.connections === 1)?.perSecond,
        )
      : []),
    ...(report.moreSections ?? []),
    ...capacity(report),
  ].join('\n');
}

/** Replaces (or adds, before the console's section) this section of docs/performance.md. */
export function writeLoadSection(
  report: LoadReport,
  file = join(process.cwd(), 'docs', 'performance.md'),
): void {
  const previous = existsSync(file) ? readFileSync(file, 'utf8') : '# Performance\n';
  // One blank line before the section that follows, however the section ends.
  const section = `${loadSection(report).trimEnd()}\n\n`;
  const start = previous.indexOf(LOAD_SECTION);
  let next: string;
  if (start >= 0) {
    const after = previous.indexOf('\n## ', start + LOAD_SECTION.length);
    next = previous.slice(0, start) + section + (after >= 0 ? previous.slice(after + 1) : '');
  } else {
    const consoleAt = previous.indexOf('\n## The operator console');
    next =
      consoleAt >= 0
        ? `${previous.slice(0, consoleAt + 1)}${section}\n${previous.slice(consoleAt + 1)}`
        : `${previous.trimEnd()}\n\n${section}`;
  }
  writeFileSync(file, next);
}
