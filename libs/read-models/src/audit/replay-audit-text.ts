import { rowPosition } from '../port/read-model-row';
import type { ReplayAuditReport } from './replay-audit';
import type { FieldDifference, RowDifference } from './row-differences';

/** Longest value shown in a line of the report (JSON text); longer ones end with "…". */
const MAX_VALUE = 160;

/** The audit report as an operator reads it: a verdict, what was compared, then each difference. */
export function replayAuditText(report: ReplayAuditReport): string {
  const compared = report.tallies.reduce((sum, t) => sum + t.compared, 0);
  const models = report.tallies.filter((t) => t.compared > 0).length;
  const at = `as of log position ${report.comparedUpTo} (log head ${report.logHead})`;
  const lines = [
    report.matches
      ? `read models match the log: ${compared} rows in ${models} models compared, ${at}`
      : `read models DIFFER from the log: ${count(report.differenceCount, 'difference')} in ${compared} rows compared, ${at}`,
    ...report.tallies.map(
      (t) =>
        `  ${t.model}: ${t.compared} compared` +
        (t.notCompared
          ? `, ${t.notCompared} not compared (changed after position ${report.comparedUpTo})`
          : ''),
    ),
    ...report.notes.map((note) => `note: ${note}`),
    ...report.checkpointProblems.map((problem) => `checkpoint: ${problem}`),
    ...report.differences.flatMap(differenceLines),
  ];
  const unlisted = report.differenceCount - report.differences.length;
  if (unlisted > 0) lines.push(`... and ${count(unlisted, 'more difference')}, not listed`);
  return lines.join('\n') + '\n';
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

const KIND_TEXT: Record<RowDifference['kind'], string> = {
  changed: 'changed',
  'missing-in-live': 'missing in the live read models',
  'unexpected-in-live': 'in the live read models, not in the log',
};

function differenceLines(difference: RowDifference): string[] {
  const row =
    rowPosition(difference) === undefined
      ? `${difference.model} ${difference.caseId}`
      : `${difference.model} position ${difference.key} (case ${difference.caseId})`;
  return [`${row}: ${KIND_TEXT[difference.kind]}`, ...(difference.fields ?? []).map(fieldLine)];
}

function fieldLine(field: FieldDifference): string {
  return `  ${field.path}: live ${shown(field, 'live')}, replayed ${shown(field, 'replayed')}`;
}

function shown(field: FieldDifference, side: 'live' | 'replayed'): string {
  if (!(side in field)) return '(absent)';
  const text = JSON.stringify(field[side]);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}
