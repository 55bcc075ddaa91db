/** The row name of each table's column totals in the CSV. */
export const TOTAL_ROW = 'total';

import { toCsv } from '@nrm/common/csv';

// The shape of a published report this file needs, stated here rather than imported from Nest code, so
// that the console builds the same CSV with it in the browser (one code path, no Node).
interface CsvCell {
  value: number | null;
  suppressed: boolean;
}
interface CsvTable {
  name: string;
  rows: readonly { category: string; cells: readonly CsvCell[] }[];
  totals: readonly CsvCell[];
}
export interface StatisticsCsvReport {
  periods: readonly string[];
  tables: readonly CsvTable[];
  /** The people at risk's tables, after the victims' (absent in reports from before them). */
  peopleAtRisk?: readonly CsvTable[];
}

/**
 * The report as one CSV (RFC 4180): `table,row,column,value,suppressed`, one line per cell, the
 * column totals under the row `total`; a suppressed count has an empty value and `true`.
 */
export function statisticsCsv(report: StatisticsCsvReport): string {
  const lines: string[][] = [['table', 'row', 'column', 'value', 'suppressed']];
  const line = (table: string, row: string, column: string, cell: CsvCell) =>
    lines.push([table, row, column, cell.value === null ? '' : String(cell.value), String(cell.suppressed)]);
  for (const table of [...report.tables, ...(report.peopleAtRisk ?? [])]) {
    for (const row of table.rows) {
      row.cells.forEach((cell, i) => line(table.name, row.category, report.periods[i], cell));
    }
    table.totals.forEach((cell, i) => line(table.name, TOTAL_ROW, report.periods[i], cell));
  }
  return toCsv(lines);
}
