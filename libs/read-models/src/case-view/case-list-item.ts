import type { CaseDetail, CaseListItem } from '../port/case-views';
import { withOverdue } from './case-deadlines';

/**
 * The person's citizenship as the node knows it: as registered here, or, for a case opened from a
 * partner's handover proposal (no registration here), as the partner sent it under the agreement.
 */
export const knownCitizenship = (detail: CaseDetail): string | undefined =>
  detail.registration?.citizenship ?? detail.return.receivedFromPartner?.citizenship;

/** The list line of a case; `overdue` is judged against the query's `now`, never stored. */
export function toCaseListItem(detail: CaseDetail, now: Date | string): CaseListItem {
  const deadlines = withOverdue(detail.deadlines, now);
  return {
    caseId: detail.caseId,
    stage: detail.stage,
    countryOfExploitation: detail.registration?.countryOfExploitation,
    citizenship: knownCitizenship(detail),
    identificationStatus: detail.identification.status,
    presumedMinor: detail.presumedMinor,
    registeredAt: detail.registration?.registeredAt,
    reflectionPeriodEndsAt: detail.reflectionPeriod?.endsAt,
    revision: detail.revision,
    updatedAt: detail.updatedAt,
    deadlines,
    overdue: deadlines.some((d) => d.overdue),
  };
}
