import { command } from './cli-command';
import { closeSync, fchmodSync, openSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import type { NodeConfig } from '@nrm/config/node-config';
import { openNodeAdapters } from '@nrm/application/infrastructure/node-adapters';
import { publishedStatistics } from '@nrm/application/statistics/published-statistics';
import { statisticsCsv } from '@nrm/application/statistics/statistics-csv';
import {
  FIRST_STATISTICS_YEAR,
  LAST_STATISTICS_YEAR,
  STATISTICS_PERIODS,
} from '@nrm/application/statistics/statistics.dto';
import type { StatisticsPeriod } from '@nrm/read-models';
import { catchUpReadModels } from './export-case';

export const STATISTICS_USAGE =
  'usage: npm run cli -- statistics export --format csv [--period year|quarter] [--from <year>] [--to <year>] [--out <file>]';

export interface StatisticsExportArgs {
  period: StatisticsPeriod;
  from?: number;
  to?: number;
  out?: string;
}

const OPTIONS = ['format', 'period', 'from', 'to', 'out'];

/** The options of `statistics export`, each also as `--name=value`; the same limits as the API's query. */
export function parseStatisticsExportArgs(args: string[]): StatisticsExportArgs | { error: string } {
  const options: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) return { error: `unexpected argument "${arg}"` };
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    if (!OPTIONS.includes(name)) return { error: `unknown option --${name}` };
    if (name in options) return { error: `--${name} is given twice` };
    const value = eq < 0 ? args[++i] : arg.slice(eq + 1);
    if (value === undefined) return { error: `--${name} needs a value` };
    options[name] = value;
  }
  if (options.format !== 'csv') return { error: '--format csv is required (the only format)' };
  const period = options.period ?? 'year';
  if (!(STATISTICS_PERIODS as readonly string[]).includes(period))
    return { error: '--period is year or quarter' };
  const years: { from?: number; to?: number } = {};
  for (const name of ['from', 'to'] as const) {
    if (options[name] === undefined) continue;
    const year = Number(options[name]);
    if (!/^\d{4}$/.test(options[name]) || year < FIRST_STATISTICS_YEAR || year > LAST_STATISTICS_YEAR) {
      return { error: `--${name} is a year from ${FIRST_STATISTICS_YEAR} to ${LAST_STATISTICS_YEAR}` };
    }
    years[name] = year;
  }
  if (years.from !== undefined && years.to !== undefined && years.from > years.to) {
    return { error: '--from must not be after --to' };
  }
  if (options.out !== undefined && options.out.trim() === '') return { error: '--out needs a file name' };
  return { period: period as StatisticsPeriod, ...years, out: options.out };
}

/**
 * `statistics export`: what GET /api/statistics answers (the same code path and disclosure control),
 * as CSV, from a stopped node's data directory (its read models brought up to date first). Holds no
 * personal data, so nothing is recorded in the access log. 73: the output file exists.
 */
export async function exportStatistics(
  config: NodeConfig,
  args: StatisticsExportArgs,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
  cwd = process.env.INIT_CWD ?? process.cwd(),
): Promise<number> {
  const file = args.out === undefined ? undefined : resolve(cwd, args.out);
  const adapters = await openNodeAdapters({ ...config, kafkaBrokers: undefined });
  let text: string;
  try {
    await catchUpReadModels(adapters, err);
    const report = await publishedStatistics(adapters.readModels, args, new Date());
    text = statisticsCsv(report);
    err.write(
      `statistics of ${report.periods.length ? report.periods.join(', ') : 'no closed year'} ` +
        `(counts below ${report.method.threshold} suppressed) to ${file ?? 'standard output'}\n`,
    );
  } finally {
    await adapters.close();
  }
  if (file === undefined) {
    out.write(text);
    return 0;
  }
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    err.write(`${file} exists: name a new file (an export never overwrites one)\n`);
    return 73; // EX_CANTCREAT
  }
  try {
    fchmodSync(fd, 0o600);
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return 0;
}

export const statisticsExport = command({
  words: ['statistics', 'export'],
  help: `statistics export --format csv [--period year|quarter] [--from <year>] [--to <year>] [--out <file>]
                        the statistics GET /api/statistics answers (closed years, counts below 11
                        suppressed), as CSV (stop the node first; docs/statistics.md)`,
  usage: STATISTICS_USAGE,
  parse: parseStatisticsExportArgs,
  needsNode: true,
  lockedFor: 'exporting statistics (or use GET /api/statistics)',
  run: (config, args, { out, err }) => exportStatistics(config, args, out, err),
});
