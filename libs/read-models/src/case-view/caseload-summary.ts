import { CASE_STAGES, type CaseloadSummary, type CaseStage, type DueDeadline } from '../port/case-views';

/**
 * A caseload summary from what a store counted: every stage in the catalogue's order (0 where no case
 * is at it), and the total summed from the per-stage counts.
 */
export function summaryOf(
  stages: readonly { stage: CaseStage; count: number }[],
  counts: { overdue: number; presumedMinors: number; peopleAtRisk: number },
  dueSoon: DueDeadline[],
): CaseloadSummary {
  const counted = new Map(stages.map((row) => [row.stage, row.count]));
  return {
    byStage: CASE_STAGES.map((stage) => ({ stage, count: counted.get(stage) ?? 0 })),
    total: stages.reduce((sum, row) => sum + row.count, 0),
    overdue: counts.overdue,
    presumedMinors: counts.presumedMinors,
    peopleAtRisk: counts.peopleAtRisk,
    dueSoon,
  };
}

/** The summary over no case at all (every stage at 0). */
export function emptyCaseloadSummary(): CaseloadSummary {
  return summaryOf([], { overdue: 0, presumedMinors: 0, peopleAtRisk: 0 }, []);
}
