/** The report's only styles: inline, so the file opens and prints the same with no network. */
export const REPORT_CSS = `
:root { color-scheme: light; }
body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #111;
  max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #999; padding-bottom: .2rem; }
p.lead { color: #333; margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0; }
th, td { border: 1px solid #bbb; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #eee; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
code, .hash { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9em;
  word-break: break-all; }
pre { white-space: pre-wrap; word-break: break-all; font-size: .8em; }
.verdict { border: 2px solid; padding: .6rem 1rem; font-weight: 600; margin: 1rem 0; }
.verdict.ok { border-color: #1b5e20; color: #1b5e20; }
.verdict.fail { border-color: #b71c1c; color: #b71c1c; }
.muted { color: #555; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2 { break-after: avoid; }
  table, .verdict { break-inside: avoid; }
  th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  @page { margin: 15mm; }
}
`;
