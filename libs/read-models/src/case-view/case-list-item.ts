import type { CaseDetail, CaseKind, CaseListItem } from '../port/case-views';
import { withOverdue } from './case-deadlines';

/**
 * The person's citizenship as the node knows it: as registered here, or, for a case opened from a
 * partner's handover proposal (no registration here), as the partner sent it under the agreement.
 */
export const knownCitizenship = (detail: CaseDetail): string | undefined =>
  detail.registration?.citizenship ??
  detail.personAtRisk?.citizenship ??
  detail.return.receivedFromPartner?.citizenship;

/** When the case was registered here: as a presumed victim, or as a person at risk. */
export const registeredAtOf = (detail: CaseDetail): string | undefined =>
  detail.registration?.registeredAt ?? detail.personAtRisk?.registeredAt;

/** Rows built before people at risk existed carry no kind: they are all presumed victims' cases. */
export const caseKindOf = (detail: Pick<CaseDetail, 'kind'>): CaseKind => detail.kind ?? 'presumed_victim';

/** The list line of a case; `overdue` is judged against the query's `now`, never stored. */
export function toCaseListItem(detail: CaseDetail, now: Date | string): CaseListItem {
  const deadlines = withOverdue(detail.deadlines, now);
  return {
    caseId: detail.caseId,
    stage: detail.stage,
    kind: caseKindOf(detail),
    countryOfExploitation: detail.registration?.countryOfExploitation,
    citizenship: knownCitizenship(detail),
    district: detail.district,
    identificationStatus: detail.identification.status,
    presumedMinor: detail.presumedMinor,
    registeredAt: registeredAtOf(detail),
    reflectionPeriodEndsAt: detail.reflectionPeriod?.endsAt,
    revision: detail.revision,
    updatedAt: detail.updatedAt,
    deadlines,
    overdue: deadlines.some((d) => d.overdue),
  };
}
