import type { CaseDetail, CaseStage, DeadlineKind } from '../port/case-views';
import type { ReadModelRow } from '../port/read-model-row';

/** What the case list filters and sorts on, as an adapter stores it beside the detail. */
export interface CaseListing {
  stage: CaseStage;
  countryOfExploitation: string | null;
  citizenship: string | null;
  registeredAtMs: number | null;
  updatedAtMs: number;
  reflectionEndsAtMs: number | null;
  stageRank: number;
  presumedMinor: boolean;
  /** Earliest open deadline, null when none. */
  nextDueAtMs: number | null;
  agencies: string[];
  actors: string[];
}

/** A deadline as the overdue and due-soon queries see it; `ref` '' where the deadline has none. */
export interface ListedDeadline {
  kind: DeadlineKind;
  ref: string;
  dueAt: string;
  dueAtMs: number;
}

export interface CaseDetailRowParts {
  caseId: string;
  lastPosition: number;
  listing: CaseListing;
  deadlines: ListedDeadline[];
  detail: CaseDetail;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The canonical `case-detail` row: sets sorted, the detail as plain JSON. */
export function caseDetailRow(parts: CaseDetailRowParts): ReadModelRow {
  const { listing } = parts;
  return {
    model: 'case-detail',
    key: parts.caseId,
    caseId: parts.caseId,
    value: {
      lastPosition: parts.lastPosition,
      listing: {
        ...listing,
        agencies: [...listing.agencies].sort(byText),
        actors: [...listing.actors].sort(byText),
      },
      deadlines: [...parts.deadlines].sort((a, b) => byText(a.kind, b.kind) || byText(a.ref, b.ref)),
      detail: JSON.parse(JSON.stringify(parts.detail)) as Record<string, unknown>,
    },
  };
}
