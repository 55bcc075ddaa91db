import type { CaseDetail } from '../../port/case-views';
import type { ContextFold } from './case-events';
import { updateFirst } from './updates';

type ProsecutionView = CaseDetail['prosecution'];

/** Cooperation, law-enforcement requests, hearings, protective measures, compensation, non-punishment. */
export const evolveProsecutionLiaison: ContextFold<'prosecution-liaison'> = (view, event) => {
  const at = event.occurredAt;
  const { prosecution } = view;
  // No default: the compiler checks that every prosecution-liaison event has a case.
  switch (event.type) {
    case 'CooperationDecisionRecorded':
      return withProsecution(view, { cooperation: { willing: event.data.willing, at } });
    case 'LawEnforcementRequestReceived': {
      const { requestId, agency, kind, requestedByVictim } = event.data;
      return withProsecution(view, {
        lawEnforcementRequests: [
          ...prosecution.lawEnforcementRequests,
          { requestId, agency, kind, requestedByVictim, receivedAt: at },
        ],
      });
    }
    case 'LawEnforcementRequestAnswered': {
      const { requestId, outcome } = event.data;
      return withProsecution(view, {
        // An answer to a request the case does not hold changes nothing.
        lawEnforcementRequests: updateFirst(
          prosecution.lawEnforcementRequests,
          (r) => r.requestId === requestId,
          (r) => ({ ...r, outcome, answeredAt: at }),
        ),
      });
    }
    case 'HearingScheduled': {
      const { hearingId, scheduledFor, protectiveMeasures } = event.data;
      return withProsecution(view, {
        hearings: [...prosecution.hearings, { hearingId, scheduledFor, protectiveMeasures }],
      });
    }
    case 'ProtectiveMeasuresOrdered': {
      const { hearingId, measures } = event.data;
      return withProsecution(view, {
        protectiveMeasures: [...prosecution.protectiveMeasures, { hearingId, measures, at }],
      });
    }
    case 'CompensationClaimed': {
      const { claimId, against, currency, amount } = event.data;
      return withProsecution(view, {
        compensationClaims: [...prosecution.compensationClaims, { claimId, against, currency, amount, at }],
      });
    }
    case 'HearingOutcomeRecorded': {
      const { hearingId, outcome, rescheduledFor } = event.data;
      return withProsecution(view, {
        hearings: updateFirst(
          prosecution.hearings,
          (h) => h.hearingId === hearingId,
          (h) => ({
            ...h,
            outcome: { outcome, at, ...(rescheduledFor === undefined ? {} : { rescheduledFor }) },
          }),
        ),
      });
    }
    case 'NonPunishmentFlagged':
      return withProsecution(view, { nonPunishment: { basis: event.data.basis, at } });
  }
};

function withProsecution(view: CaseDetail, changes: Partial<ProsecutionView>): CaseDetail {
  return { ...view, prosecution: { ...view.prosecution, ...changes } };
}
