import { DISCLOSURE_THRESHOLD, suppressedCells, type AdditiveLine } from './disclosure-control';
import { OTHER, STATISTICS_TABLES, type StatisticsCount, type CountedTableName } from './statistics-tables';

/** A published count: `value` null where it is suppressed. */
export interface StatisticsCell {
  value: number | null;
  suppressed: boolean;
}

/** One table for one closed year, protected: columns Q1 to Q4 and the year. */
export interface YearBlock {
  year: number;
  rows: { category: string; cells: StatisticsCell[] }[];
  /** The column totals (the sum of the rows), same five columns. */
  totals: StatisticsCell[];
}

/** Q1..Q4 and the year: the fifth column is each row's total. */
const COLUMNS = 5;
const YEAR = 4;

/**
 * The table of one year, protected as one: the quarter and the year views are both read from it,
 * so the year = Q1+Q2+Q3+Q4 relation between them is a line the protection already covers.
 */
export function yearBlock(
  table: CountedTableName,
  year: number,
  counts: readonly StatisticsCount[],
  k = DISCLOSURE_THRESHOLD,
): YearBlock {
  const byCategory = new Map<string, number[]>();
  for (const c of counts) {
    if (c.table !== table || c.year !== year) continue;
    const row = byCategory.get(c.category) ?? [0, 0, 0, 0];
    row[c.quarter - 1] += c.count;
    byCategory.set(c.category, row);
  }
  const rows = rowsOf(table, byCategory, k);
  const R = rows.length;
  // Cell (r, c) is values[r * COLUMNS + c]; row R holds the column totals.
  const values: number[] = [];
  for (const { quarters } of rows) values.push(...quarters, sum(quarters));
  for (let c = 0; c < COLUMNS; c++) values.push(sum(rows.map((_, r) => values[r * COLUMNS + c])));
  const at = (r: number, c: number) => r * COLUMNS + c;
  const lines: AdditiveLine[] = [];
  for (let r = 0; r <= R; r++) lines.push({ members: [0, 1, 2, 3].map((c) => at(r, c)), total: at(r, YEAR) });
  for (let c = 0; c < COLUMNS; c++) lines.push({ members: rows.map((_, r) => at(r, c)), total: at(R, c) });
  // The totals row, and the rows another table publishes as its totals: shared (year-block docs).
  const sharedRows = [
    R,
    ...rows.flatMap(({ category }, r) =>
      STATISTICS_TABLES[table].sharedRows?.includes(category) ? [r] : [],
    ),
  ];
  const marginLines = sharedRows.map((r) => lines[r]);
  const shared = new Set(sharedRows.flatMap((r) => [0, 1, 2, 3, 4].map((c) => at(r, c))));
  const suppressed = suppressedCells({ values, lines, shared, marginLines }, k);
  const cell = (index: number): StatisticsCell =>
    suppressed[index] ? { value: null, suppressed: true } : { value: values[index], suppressed: false };
  const columns = (r: number) => Array.from({ length: COLUMNS }, (_, c) => cell(at(r, c)));
  return {
    year,
    rows: rows.map(({ category }, r) => ({ category, cells: columns(r) })),
    totals: columns(R),
  };
}

/**
 * A closed dimension: its taxonomy in order. An open one: the categories with at least k counts in
 * the year (by code), then `other` holding the rest, always listed so that it says nothing either.
 */
function rowsOf(
  table: CountedTableName,
  byCategory: Map<string, number[]>,
  k: number,
): { category: string; quarters: number[] }[] {
  const { categories } = STATISTICS_TABLES[table];
  const quartersOf = (category: string) => byCategory.get(category) ?? [0, 0, 0, 0];
  if (categories !== 'open')
    return categories.map((category) => ({ category, quarters: quartersOf(category) }));
  const other = [0, 0, 0, 0];
  const kept: { category: string; quarters: number[] }[] = [];
  for (const category of [...byCategory.keys()].sort()) {
    const quarters = quartersOf(category);
    if (category !== OTHER && sum(quarters) >= k) kept.push({ category, quarters });
    else quarters.forEach((count, q) => (other[q] += count));
  }
  return [...kept, { category: OTHER, quarters: other }];
}

const sum = (numbers: readonly number[]) => numbers.reduce((total, n) => total + n, 0);
