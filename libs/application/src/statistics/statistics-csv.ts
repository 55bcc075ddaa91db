import type { StatisticsCell, StatisticsReport } from '@nrm/read-models';

/** The row name of each table's column totals in the CSV. */
export const TOTAL_ROW = 'total';

const field = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * The report as one CSV (RFC 4180): `table,row,column,value,suppressed`, one line per cell, the
 * column totals under the row `total`; a suppressed count has an empty value and `true`.
 */
export function statisticsCsv(report: StatisticsReport): string {
  const lines = ['table,row,column,value,suppressed'];
  const line = (table: string, row: string, column: string, cell: StatisticsCell) =>
    lines.push(
      [table, row, column, cell.value === null ? '' : String(cell.value), String(cell.suppressed)]
        .map(field)
        .join(','),
    );
  for (const table of report.tables) {
    for (const row of table.rows) {
      row.cells.forEach((cell, i) => line(table.name, row.category, report.periods[i], cell));
    }
    table.totals.forEach((cell, i) => line(table.name, TOTAL_ROW, report.periods[i], cell));
  }
  return lines.join('\r\n') + '\r\n';
}
