/**
 * CSV as RFC 4180 writes it (CRLF between records, a field quoted when it holds a comma, a quote or a
 * line break, quotes doubled), safe to open in a spreadsheet: a cell that starts like a formula
 * (= + - @, or a tab or carriage return that some programs skip) is prefixed with a single quote so it
 * stays text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly (string | number | undefined)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
