import type { CaseDetail, CompensationClaimView, ProceedingView } from '../../port/case-views';
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
      const { hearingId, scheduledFor, protectiveMeasures, proceedingId } = event.data;
      return withProsecution(view, {
        hearings: [
          ...prosecution.hearings,
          {
            hearingId,
            scheduledFor,
            protectiveMeasures,
            ...(proceedingId === undefined ? {} : { proceedingId }),
          },
        ],
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
        compensationClaims: [
          ...prosecution.compensationClaims,
          {
            claimId,
            against,
            ...(currency === undefined ? {} : { currency }),
            ...(amount === undefined ? {} : { amount }),
            at,
            payments: [],
            paidTotal: 0,
          },
        ],
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
            outcome: {
              outcome,
              at,
              ...(rescheduledFor === undefined ? {} : { rescheduledFor }),
              victimNotified: false,
            },
          }),
        ),
      });
    }
    case 'NonPunishmentFlagged':
      return withProsecution(view, { nonPunishment: { basis: event.data.basis, at } });
    case 'CriminalProceedingOpened': {
      const { proceedingId, reference, stage, authority, openedAt } = event.data;
      return withProsecution(view, {
        proceedings: [
          ...prosecution.proceedings,
          { proceedingId, reference, stage, authority, openedAt, at, stages: [], verdicts: [] },
        ],
      });
    }
    case 'ProceedingStageAdvanced': {
      const { stage, authority, advancedAt } = event.data;
      return withProceeding(view, event.data.proceedingId, (p) => ({
        ...p,
        stage,
        authority,
        stages: [...p.stages, { stage, authority, advancedAt, at }],
      }));
    }
    case 'VerdictRecorded': {
      const { outcome, charges, decidedAt, final } = event.data;
      return withProceeding(view, event.data.proceedingId, (p) => ({
        ...p,
        verdicts: [...p.verdicts, { outcome, charges, decidedAt, final, at, victimNotified: false }],
      }));
    }
    case 'ProceedingClosed': {
      const { reason, closedAt } = event.data;
      return withProceeding(view, event.data.proceedingId, (p) => ({
        ...p,
        closed: { reason, closedAt, at },
      }));
    }
    case 'CompensationAwarded': {
      const { amount, currency, awardedBy, awardedAt } = event.data;
      return withClaim(view, event.data.claimId, (c) => ({
        ...c,
        award: { amount, currency, awardedBy, awardedAt, at, victimNotified: false },
      }));
    }
    case 'CompensationRefused': {
      const { refusedBy, refusedAt } = event.data;
      return withClaim(view, event.data.claimId, (c) => ({
        ...c,
        refusal: { refusedBy, refusedAt, at, victimNotified: false },
      }));
    }
    case 'CompensationPaid': {
      const { amount, paidAt } = event.data;
      return withClaim(view, event.data.claimId, (c) => ({
        ...c,
        payments: [...c.payments, { amount, paidAt, at, victimNotified: false }],
        // In cents, so that 0.1 + 0.2 totals 0.3.
        paidTotal: (Math.round(c.paidTotal * 100) + Math.round(amount * 100)) / 100,
      }));
    }
    case 'VictimNotified': {
      const { step, relatesTo, channel, notifiedAt } = event.data;
      const notified = withProsecution(view, {
        victimNotifications: [
          ...prosecution.victimNotifications,
          { step, ...(relatesTo === undefined ? {} : { relatesTo }), channel, notifiedAt, at },
        ],
      });
      return relatesTo === undefined ? notified : markNotified(notified, step, relatesTo);
    }
  }
};

/** Marks the outcomes of `step` recorded so far for the proceeding, hearing or claim as told to the victim. */
function markNotified(view: CaseDetail, step: string, id: string): CaseDetail {
  const told = <T extends { victimNotified: boolean }>(item: T): T => ({ ...item, victimNotified: true });
  switch (step) {
    case 'verdict':
      return withProceeding(view, id, (p) => ({ ...p, verdicts: p.verdicts.map(told) }));
    case 'hearing_outcome':
      return withProsecution(view, {
        hearings: view.prosecution.hearings.map((h) =>
          h.hearingId === id && h.outcome ? { ...h, outcome: told(h.outcome) } : h,
        ),
      });
    case 'compensation_awarded':
      return withClaim(view, id, (c) => (c.award ? { ...c, award: told(c.award) } : c));
    case 'compensation_refused':
      return withClaim(view, id, (c) => (c.refusal ? { ...c, refusal: told(c.refusal) } : c));
    case 'compensation_paid':
      return withClaim(view, id, (c) => ({ ...c, payments: c.payments.map(told) }));
    default:
      return view;
  }
}

function withProceeding(
  view: CaseDetail,
  proceedingId: string,
  change: (proceeding: ProceedingView) => ProceedingView,
): CaseDetail {
  return withProsecution(view, {
    proceedings: updateFirst(view.prosecution.proceedings, (p) => p.proceedingId === proceedingId, change),
  });
}

function withClaim(
  view: CaseDetail,
  claimId: string,
  change: (claim: CompensationClaimView) => CompensationClaimView,
): CaseDetail {
  return withProsecution(view, {
    compensationClaims: updateFirst(
      view.prosecution.compensationClaims,
      (c) => c.claimId === claimId,
      change,
    ),
  });
}

function withProsecution(view: CaseDetail, changes: Partial<ProsecutionView>): CaseDetail {
  return { ...view, prosecution: { ...view.prosecution, ...changes } };
}
