import type { CaseEventType, EventOf } from '@nrm/contracts';
import { withAgenciesOf } from '@nrm/domain/case-scope';
import type { StoredEvent } from '@nrm/event-store/port';
import type { CaseDetail, ConsentView, HandoverView, PlanView, ServiceView } from '../port/case-views';
import { openDeadlines } from './case-deadlines';
import { nextStage } from './case-stage';

type DataOf<T extends CaseEventType> = EventOf<T>['data'];

export function emptyCaseDetail(caseId: string, at: string): CaseDetail {
  return {
    caseId,
    stage: 'registered',
    revision: -1,
    updatedAt: at,
    presumedMinor: false,
    ageAssessments: [],
    consents: [],
    identification: { status: 'pending' },
    assessments: { risks: [] },
    services: [],
    return: { handovers: [] },
    prosecution: { lawEnforcementRequests: [], hearings: [], protectiveMeasures: [], compensationClaims: [] },
    deadlines: [],
    agencies: [],
  };
}

/**
 * Folds one upcast event of the case's stream into its detail view. Mutates and returns `detail`
 * (callers pass a fresh copy). Reads `personal` only to copy the ciphertext that names the person.
 */
export function evolveCaseDetail(
  detail: CaseDetail | undefined,
  caseId: string,
  event: StoredEvent,
): CaseDetail {
  const view = detail ?? emptyCaseDetail(caseId, event.occurredAt);
  const at = event.occurredAt;
  view.stage = nextStage(detail?.stage, event.type, event.data);
  view.revision = event.revision;
  view.updatedAt = at;
  applyFacts(view, event, at);
  view.deadlines = openDeadlines(view);
  // The same pure rule decides scope on the command side (from the event history).
  view.agencies = [...withAgenciesOf(view.agencies, event)];
  return view;
}

function applyFacts(view: CaseDetail, event: StoredEvent, at: string): void {
  switch (event.type) {
    case 'PresumedVictimRegistered': {
      const d = event.data as unknown as DataOf<'PresumedVictimRegistered'>;
      view.registration = {
        referralSource: d.referralSource,
        countryOfExploitation: d.countryOfExploitation,
        formsOfExploitation: d.formsOfExploitation,
        indicators: d.indicators ?? [],
        meansOfControl: d.meansOfControl ?? [],
        recruiterRelation: d.recruiterRelation,
        sex: d.sex,
        citizenship: d.citizenship,
        ageBand: d.ageBand,
        ageUncertain: d.ageUncertain,
        registeredAt: d.registeredAt,
      };
      view.presumedMinor = d.presumedMinor;
      view.person = event.personal;
      return;
    }
    case 'ReflectionPeriodStarted': {
      const d = event.data as unknown as DataOf<'ReflectionPeriodStarted'>;
      view.reflectionPeriod = { startsAt: d.startsAt, endsAt: d.endsAt, days: d.days };
      return;
    }
    case 'ReflectionPeriodExtended': {
      const d = event.data as unknown as DataOf<'ReflectionPeriodExtended'>;
      view.reflectionPeriod = {
        startsAt: view.reflectionPeriod?.startsAt ?? at,
        endsAt: d.endsAt,
        days: d.days,
      };
      return;
    }
    case 'AgeAssessed': {
      const d = event.data as unknown as DataOf<'AgeAssessed'>;
      view.presumedMinor = d.presumedMinor;
      view.ageAssessments.push({ presumedMinor: d.presumedMinor, method: d.method, at });
      return;
    }
    case 'GuardianAppointed': {
      const d = event.data as unknown as DataOf<'GuardianAppointed'>;
      view.guardian = { authority: d.authority, appointedAt: at, name: event.personal };
      return;
    }
    case 'BestInterestsDetermined': {
      const d = event.data as unknown as DataOf<'BestInterestsDetermined'>;
      view.bestInterests = {
        outcome: d.outcome,
        returnInBestInterests: d.returnInBestInterests,
        determinedAt: at,
      };
      return;
    }
    case 'ConsentGiven':
    case 'ConsentWithdrawn':
    case 'ConsentRefused': {
      const d = event.data as unknown as DataOf<'ConsentGiven'>;
      const status: ConsentView['status'] =
        event.type === 'ConsentGiven' ? 'given' : event.type === 'ConsentWithdrawn' ? 'withdrawn' : 'refused';
      const others = view.consents.filter((c) => !(c.purpose === d.purpose && c.recipient === d.recipient));
      view.consents = [...others, { purpose: d.purpose, recipient: d.recipient, status, at }];
      return;
    }
    case 'IdentificationConcluded': {
      const d = event.data as unknown as DataOf<'IdentificationConcluded'>;
      view.identification = {
        status: d.status,
        decidingBody: d.decidingBody,
        formsOfExploitation: d.formsOfExploitation,
        concludedAt: at,
      };
      return;
    }
    case 'NeedsAssessed': {
      const d = event.data as unknown as DataOf<'NeedsAssessed'>;
      view.assessments.needs = { needs: d.needs, at };
      return;
    }
    case 'RiskAssessed': {
      const d = event.data as unknown as DataOf<'RiskAssessed'>;
      view.assessments.risks.push({ kind: d.kind, level: d.level, at });
      return;
    }
    case 'AssistancePlanAdopted': {
      const d = event.data as unknown as DataOf<'AssistancePlanAdopted'>;
      view.assistancePlan = plan(d.planId, d.services, at);
      for (const line of d.services) {
        if (!view.services.some((s) => s.serviceId === line.serviceId)) {
          view.services.push({
            serviceId: line.serviceId,
            kind: line.kind,
            provider: line.provider,
            status: 'planned',
          });
        }
      }
      return;
    }
    case 'ServiceReferred': {
      const d = event.data as unknown as DataOf<'ServiceReferred'>;
      const service = findOrAdd(view.services, d.serviceId, d.kind);
      Object.assign(service, { kind: d.kind, provider: d.provider, status: 'referred', referredAt: at });
      return;
    }
    case 'ServiceReferralAccepted': {
      const d = event.data as unknown as DataOf<'ServiceReferralAccepted'>;
      Object.assign(findOrAdd(view.services, d.serviceId), { status: 'accepted', answeredAt: at });
      return;
    }
    case 'ServiceReferralDeclined': {
      const d = event.data as unknown as DataOf<'ServiceReferralDeclined'>;
      Object.assign(findOrAdd(view.services, d.serviceId), {
        status: 'declined',
        answeredAt: at,
        declineReason: d.reason,
      });
      return;
    }
    case 'ServiceDelivered': {
      const d = event.data as unknown as DataOf<'ServiceDelivered'>;
      Object.assign(findOrAdd(view.services, d.serviceId), {
        status: 'delivered',
        deliveredAt: d.deliveredAt,
      });
      return;
    }
    case 'MonitoringRecorded': {
      const d = event.data as unknown as DataOf<'MonitoringRecorded'>;
      view.monitoring = { status: d.status, at };
      return;
    }
    case 'CaseClosed': {
      const d = event.data as unknown as DataOf<'CaseClosed'>;
      view.closure = { reason: d.reason, closedAt: at };
      return;
    }
    case 'ReturnRequested': {
      const d = event.data as unknown as DataOf<'ReturnRequested'>;
      view.return.requested = { statedBy: d.statedBy, earlyReturnRequested: d.earlyReturnRequested, at };
      return;
    }
    case 'ReturnRiskAssessed': {
      const d = event.data as unknown as DataOf<'ReturnRiskAssessed'>;
      view.return.riskAssessment = { level: d.level, familyAssessed: d.familyAssessed, at };
      return;
    }
    case 'HandoverProposed': {
      const d = event.data as unknown as DataOf<'HandoverProposed'>;
      view.return.handovers.push({
        handoverId: d.handoverId,
        direction: 'outgoing',
        toCountry: d.toCountry,
        ...(d.sharedCaseRef === undefined ? {} : { sharedCaseRef: d.sharedCaseRef }),
        proposedAt: at,
        responseDueAt: d.responseDueAt,
        status: 'proposed',
      });
      return;
    }
    case 'HandoverRequestReceived': {
      const d = event.data as unknown as DataOf<'HandoverRequestReceived'>;
      view.return.receivedFromPartner = {
        fromCountry: d.fromCountry,
        fromNode: d.fromNode,
        receivedAt: d.receivedAt,
        formsOfExploitation: d.formsOfExploitation,
        sex: d.sex,
        citizenship: d.citizenship,
        ageBand: d.ageBand,
        returnRiskLevel: d.returnRiskLevel,
      };
      view.return.handovers.push({
        handoverId: d.handoverId,
        direction: 'incoming',
        fromCountry: d.fromCountry,
        sharedCaseRef: d.sharedCaseRef,
        proposedAt: at,
        responseDueAt: d.responseDueAt,
        status: 'proposed',
      });
      view.presumedMinor = d.presumedMinor;
      view.person = event.personal;
      return;
    }
    case 'ProcessingRestrictionRequested': {
      const d = event.data as unknown as DataOf<'ProcessingRestrictionRequested'>;
      view.return.restriction = { byCountry: d.byCountry, requestedAt: d.requestedAt };
      return;
    }
    case 'AsylumApplicationRecorded': {
      const d = event.data as unknown as DataOf<'AsylumApplicationRecorded'>;
      view.return.asylum = { status: 'pending', appliedAt: d.appliedAt, at };
      return;
    }
    case 'AsylumApplicationClosed': {
      const d = event.data as unknown as DataOf<'AsylumApplicationClosed'>;
      view.return.asylum = { ...view.return.asylum, status: d.outcome, at };
      return;
    }
    case 'HandoverAccepted': {
      const d = event.data as unknown as DataOf<'HandoverAccepted'>;
      updateHandover(view, d.handoverId, {
        status: 'accepted',
        recordedBy: d.recordedBy,
        answeredAt: at,
        receivingAgency: d.receivingAgency,
      });
      return;
    }
    case 'HandoverDeclined': {
      const d = event.data as unknown as DataOf<'HandoverDeclined'>;
      updateHandover(view, d.handoverId, {
        status: 'declined',
        recordedBy: d.recordedBy,
        answeredAt: at,
        declineReason: d.reason,
      });
      return;
    }
    case 'ReturnTravelStarted': {
      const d = event.data as unknown as DataOf<'ReturnTravelStarted'>;
      updateHandover(view, d.handoverId, { status: 'in_transit', departedAt: d.departedAt });
      return;
    }
    case 'ArrivalConfirmed': {
      const d = event.data as unknown as DataOf<'ArrivalConfirmed'>;
      updateHandover(view, d.handoverId, { status: 'arrived', arrivedAt: d.arrivedAt });
      return;
    }
    case 'ReceptionConfirmed': {
      const d = event.data as unknown as DataOf<'ReceptionConfirmed'>;
      updateHandover(view, d.handoverId, {
        status: 'received',
        receivedAt: at,
        receivingAgency: d.receivingAgency,
      });
      return;
    }
    case 'ReintegrationPlanAdopted': {
      const d = event.data as unknown as DataOf<'ReintegrationPlanAdopted'>;
      view.return.reintegrationPlan = plan(d.planId, d.services, at);
      return;
    }
    case 'ReintegrationProgressRecorded': {
      const d = event.data as unknown as DataOf<'ReintegrationProgressRecorded'>;
      view.return.reintegrationProgress = { status: d.status, at };
      return;
    }
    case 'CooperationDecisionRecorded': {
      const d = event.data as unknown as DataOf<'CooperationDecisionRecorded'>;
      view.prosecution.cooperation = { willing: d.willing, at };
      return;
    }
    case 'LawEnforcementRequestReceived': {
      const d = event.data as unknown as DataOf<'LawEnforcementRequestReceived'>;
      view.prosecution.lawEnforcementRequests.push({
        requestId: d.requestId,
        agency: d.agency,
        kind: d.kind,
        requestedByVictim: d.requestedByVictim,
        receivedAt: at,
      });
      return;
    }
    case 'LawEnforcementRequestAnswered': {
      const d = event.data as unknown as DataOf<'LawEnforcementRequestAnswered'>;
      const request = view.prosecution.lawEnforcementRequests.find((r) => r.requestId === d.requestId);
      if (request) Object.assign(request, { outcome: d.outcome, answeredAt: at });
      return;
    }
    case 'HearingScheduled': {
      const d = event.data as unknown as DataOf<'HearingScheduled'>;
      view.prosecution.hearings.push({
        hearingId: d.hearingId,
        scheduledFor: d.scheduledFor,
        protectiveMeasures: d.protectiveMeasures,
      });
      return;
    }
    case 'ProtectiveMeasuresOrdered': {
      const d = event.data as unknown as DataOf<'ProtectiveMeasuresOrdered'>;
      view.prosecution.protectiveMeasures.push({ hearingId: d.hearingId, measures: d.measures, at });
      return;
    }
    case 'CompensationClaimed': {
      const d = event.data as unknown as DataOf<'CompensationClaimed'>;
      view.prosecution.compensationClaims.push({
        claimId: d.claimId,
        against: d.against,
        currency: d.currency,
        amount: d.amount,
        at,
      });
      return;
    }
    case 'NonPunishmentFlagged': {
      const d = event.data as unknown as DataOf<'NonPunishmentFlagged'>;
      view.prosecution.nonPunishment = { basis: d.basis, at };
      return;
    }
    default:
      return;
  }
}

function plan(
  planId: string,
  services: { serviceId: string; kind: string; provider?: string }[],
  at: string,
): PlanView {
  return {
    planId,
    adoptedAt: at,
    services: services.map((s) => ({ serviceId: s.serviceId, kind: s.kind, provider: s.provider })),
  };
}

/** Tolerates answers to a referral this node never saw (e.g. recorded by a partner node). */
function findOrAdd(services: ServiceView[], serviceId: string, kind = 'unknown'): ServiceView {
  let service = services.find((s) => s.serviceId === serviceId);
  if (!service) {
    service = { serviceId, kind, status: 'planned' };
    services.push(service);
  }
  return service;
}

function updateHandover(view: CaseDetail, handoverId: string, changes: Partial<HandoverView>): void {
  const handover = view.return.handovers.find((h) => h.handoverId === handoverId);
  if (handover) Object.assign(handover, changes);
}
