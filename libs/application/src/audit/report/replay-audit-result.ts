import type { ReplayAuditReport } from '@nrm/read-models';

/**
 * What the replay audit (`npm run cli -- audit replay`) found: the read models rebuilt from the log
 * compared with the ones the node kept. A plain interface so that whoever runs the replay can hand its
 * result to the report without the report knowing how the replay works.
 */
export interface ReplayAuditResult {
  /** When the replay ran (UTC ISO). */
  performedAt: string;
  /** The last log position replayed, when the replay stopped short of the head. */
  untilPosition?: number;
  /** True when every compared row matched. */
  equal: boolean;
  comparedRows: number;
  /** Rows that differ: which read model, which key, how (missing, extra, changed) and which fields. */
  differences: ReplayDifference[];
}

export interface ReplayDifference {
  model: string;
  key: string;
  kind: string;
  fields?: string[];
}

/** The report's summary of a replay audit run at `performedAt` (field paths only, never values). */
export function replayAuditResultOf(report: ReplayAuditReport, performedAt: string): ReplayAuditResult {
  return {
    performedAt,
    ...(report.comparedUpTo < report.logHead ? { untilPosition: report.comparedUpTo } : {}),
    equal: report.matches,
    comparedRows: report.tallies.reduce((sum, tally) => sum + tally.compared, 0),
    differences: report.differences.map((difference) => ({
      model: difference.model,
      key: difference.key,
      kind: difference.kind,
      ...(difference.fields ? { fields: difference.fields.map((field) => field.path) } : {}),
    })),
  };
}
