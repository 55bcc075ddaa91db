import { DISCLOSURE_THRESHOLD } from './disclosure-control';
import {
  OTHER,
  PEOPLE_AT_RISK_TABLE_NAMES,
  STATISTICS_TABLE_NAMES,
  STATISTICS_TABLES,
  type CountedTableName,
  type PeopleAtRiskTableName,
  type StatisticsCount,
  type StatisticsTableName,
} from './statistics-tables';
import { yearBlock, type StatisticsCell, type YearBlock } from './year-block';

export type StatisticsPeriod = 'year' | 'quarter';

export interface StatisticsQuery {
  period: StatisticsPeriod;
  /** First and last calendar year wanted; only closed years are ever published. */
  from?: number;
  to?: number;
  /** The query time: the year it falls in, and any later one, is not closed. */
  now: string;
}

export interface StatisticsTable {
  name: StatisticsTableName;
  /** What one count is. */
  counts: string;
  rows: { category: string; cells: StatisticsCell[] }[];
  /** Per period, the sum of the rows. */
  totals: StatisticsCell[];
}

/** A table of people at risk (potential victims), published apart from the victims' tables. */
export interface PeopleAtRiskTable extends Omit<StatisticsTable, 'name'> {
  name: PeopleAtRiskTableName;
}

export interface StatisticsMethod {
  threshold: number;
  summary: string;
}

export interface StatisticsReport {
  period: StatisticsPeriod;
  /** The columns of every table, oldest first: '2025' or '2025-Q1'. */
  periods: string[];
  method: StatisticsMethod;
  /** Presumed victims (a converted person at risk from its conversion on). */
  tables: StatisticsTable[];
  /** People at risk, counted apart (never in `tables`), under the same disclosure control. */
  peopleAtRisk: PeopleAtRiskTable[];
}

export const STATISTICS_METHOD: StatisticsMethod = {
  threshold: DISCLOSURE_THRESHOLD,
  summary:
    'Closed calendar years only (UTC), each protected on its own: counts from 1 to 10 suppressed, ' +
    'more cells suppressed so that none can be worked out from the totals, rare countries and agencies ' +
    'summed in "other". See docs/statistics.md.',
};

/** The published statistics: pure, from the store's counts and the query time. */
export function statisticsReport(
  counts: readonly StatisticsCount[],
  query: StatisticsQuery,
): StatisticsReport {
  const years = closedYears(counts, query);
  const quarterly = query.period === 'quarter';
  const periods = years.flatMap((year) =>
    quarterly ? [1, 2, 3, 4].map((q) => `${year}-Q${q}`) : [String(year)],
  );
  // The year view is the fifth column of each block, the quarter view the first four.
  const columnsOf = (cells: StatisticsCell[]) => (quarterly ? cells.slice(0, 4) : cells.slice(4));
  const tableOf = <T extends CountedTableName>(name: T) => {
    // Each table protected on its own, per year (year-block.ts).
    const yearBlocks = years.map((year) => yearBlock(name, year, counts));
    const rows = categoriesOf(name, yearBlocks).map((category) => ({
      category,
      cells: yearBlocks.flatMap((block) => {
        const row = block.rows.find((r) => r.category === category);
        // A rare category of an open dimension is inside `other` that year: not published on its own.
        return row ? columnsOf(row.cells) : columnsOf(Array(5).fill(FOLDED));
      }),
    }));
    return {
      name,
      counts: STATISTICS_TABLES[name].counts,
      rows,
      totals: yearBlocks.flatMap((block) => columnsOf(block.totals)),
    };
  };
  const tables: StatisticsTable[] = STATISTICS_TABLE_NAMES.map((name) => tableOf<StatisticsTableName>(name));
  const peopleAtRisk: PeopleAtRiskTable[] = PEOPLE_AT_RISK_TABLE_NAMES.map((name) =>
    tableOf<PeopleAtRiskTableName>(name),
  );
  return { period: query.period, periods, method: STATISTICS_METHOD, tables, peopleAtRisk };
}

const FOLDED: StatisticsCell = { value: null, suppressed: true };

/**
 * The closed years asked for: from `from` (default: the first year with data) to `to` (default: the
 * last closed year), never the year of `now` nor a later one.
 */
export function closedYears(counts: readonly StatisticsCount[], query: StatisticsQuery): number[] {
  const lastClosed = new Date(query.now).getUTCFullYear() - 1;
  const withData = counts.map((c) => c.year).filter((year) => year <= lastClosed);
  const first = query.from ?? (withData.length ? Math.min(...withData) : lastClosed + 1);
  const last = Math.min(query.to ?? lastClosed, lastClosed);
  const years: number[] = [];
  for (let year = first; year <= last; year++) years.push(year);
  return years;
}

function categoriesOf(name: CountedTableName, blocks: readonly YearBlock[]): string[] {
  const { categories } = STATISTICS_TABLES[name];
  if (categories !== 'open') return [...categories];
  const seen = new Set(blocks.flatMap((block) => block.rows.map((row) => row.category)));
  seen.delete(OTHER);
  return [...[...seen].sort(), OTHER];
}
