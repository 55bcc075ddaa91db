import type { CaseDetail, HandoverView } from '../../port/case-views';
import type { ContextFold } from './case-events';
import { evolveLegalStatus, isLegalStatusEvent } from './legal-status';
import { evolveFamily } from './family';
import { adoptedPlan, updateFirst } from './updates';

type ReturnView = CaseDetail['return'];

/** The return request, handovers in both directions, asylum, restriction and reintegration. */
export const evolveReturnReintegration: ContextFold<'return-reintegration'> = (view, event) => {
  if (isLegalStatusEvent(event)) return evolveLegalStatus(view, event);
  const at = event.occurredAt;
  // No default: the compiler checks that every return-reintegration event has a case.
  switch (event.type) {
    case 'ReturnRequested': {
      const { statedBy, earlyReturnRequested } = event.data;
      return withReturn(view, { requested: { statedBy, earlyReturnRequested, at } });
    }
    case 'ReturnRiskAssessed': {
      const { level, familyAssessed } = event.data;
      return withReturn(view, { riskAssessment: { level, familyAssessed, at } });
    }
    case 'HandoverProposed': {
      const { toCountry, sharedCaseRef } = event.data;
      const proposed = awaitingAnswer(at, event.data, {
        direction: 'outgoing',
        toCountry,
        ...(sharedCaseRef === undefined ? {} : { sharedCaseRef }),
      });
      return withReturn(view, { handovers: [...view.return.handovers, proposed] });
    }
    case 'HandoverRequestReceived': {
      // Opens the case in the country of origin: what the partner sent, and the person's ciphertext.
      const d = event.data;
      const { fromCountry, sharedCaseRef } = d;
      const received = awaitingAnswer(at, d, { direction: 'incoming', fromCountry, sharedCaseRef });
      return {
        ...withReturn(view, {
          receivedFromPartner: {
            fromCountry: d.fromCountry,
            fromNode: d.fromNode,
            receivedAt: d.receivedAt,
            formsOfExploitation: d.formsOfExploitation,
            sex: d.sex,
            citizenship: d.citizenship,
            ageBand: d.ageBand,
            returnRiskLevel: d.returnRiskLevel,
          },
          handovers: [...view.return.handovers, received],
        }),
        kind: 'presumed_victim',
        presumedMinor: d.presumedMinor,
        person: event.personal,
      };
    }
    case 'ProcessingRestrictionRequested': {
      const { byCountry, requestedAt } = event.data;
      return withReturn(view, { restriction: { byCountry, requestedAt } });
    }
    case 'AsylumApplicationRecorded':
      return withReturn(view, { asylum: { status: 'pending', appliedAt: event.data.appliedAt, at } });
    case 'AsylumApplicationClosed':
      return withReturn(view, { asylum: { ...view.return.asylum, status: event.data.outcome, at } });
    case 'UrgentAlertRaised':
      // Listed with their delivery status by GET /api/cases/:id/urgent-alerts (partner bridge).
      return view;
    case 'HandoverAccepted': {
      const { handoverId, recordedBy, receivingAgency } = event.data;
      return withHandover(view, handoverId, { ...answer('accepted', recordedBy, at), receivingAgency });
    }
    case 'HandoverDeclined': {
      const { handoverId, recordedBy, reason } = event.data;
      return withHandover(view, handoverId, { ...answer('declined', recordedBy, at), declineReason: reason });
    }
    case 'ReturnTravelStarted':
      return withHandover(view, event.data.handoverId, {
        status: 'in_transit',
        departedAt: event.data.departedAt,
      });
    case 'ArrivalConfirmed':
      return withHandover(view, event.data.handoverId, {
        status: 'arrived',
        arrivedAt: event.data.arrivedAt,
      });
    case 'ReceptionConfirmed':
      return withHandover(view, event.data.handoverId, {
        status: 'received',
        receivedAt: at,
        receivingAgency: event.data.receivingAgency,
      });
    case 'ReintegrationPlanAdopted':
      return withReturn(view, { reintegrationPlan: adoptedPlan(event.data.planId, event.data.services, at) });
    case 'ReintegrationProgressRecorded':
      return withReturn(view, { reintegrationProgress: { status: event.data.status, at } });
    case 'FamilyTracingRequested':
    case 'FamilyTracingConcluded':
    case 'FamilyReunified':
    case 'FamilyReunificationRefused':
      return evolveFamily(view, event);
  }
};

/** A handover proposed in either direction, open until answered by `responseDueAt`. */
function awaitingAnswer(
  at: string,
  { handoverId, responseDueAt }: Pick<HandoverView, 'handoverId' | 'responseDueAt'>,
  parties: Pick<HandoverView, 'direction' | 'toCountry' | 'fromCountry' | 'sharedCaseRef'>,
): HandoverView {
  return { handoverId, ...parties, proposedAt: at, responseDueAt, status: 'proposed' };
}

/** What either answer to a proposal records: the answer, who recorded it and when. */
function answer(status: 'accepted' | 'declined', recordedBy: string, at: string): Partial<HandoverView> {
  return { status, recordedBy, answeredAt: at };
}

function withReturn(view: CaseDetail, changes: Partial<ReturnView>): CaseDetail {
  return { ...view, return: { ...view.return, ...changes } };
}

/** An answer or journey step for a handover the case does not hold changes nothing. */
function withHandover(view: CaseDetail, handoverId: string, changes: Partial<HandoverView>): CaseDetail {
  const handovers = updateFirst(
    view.return.handovers,
    (h) => h.handoverId === handoverId,
    (h) => ({ ...h, ...changes }),
  );
  return withReturn(view, { handovers });
}
