import type { DomainEvent } from './shared/decider';

/** Stages of a case for read models, in their forward order (see the event catalogue). */
export const CASE_STAGES = [
  'registered',
  'identified',
  'not_identified',
  'assisted',
  'return_requested',
  'handover_proposed',
  'handover_accepted',
  'handover_declined',
  'in_transit',
  'arrived',
  'received',
  'reintegration',
  'closed',
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

/** Alternatives share a rank: a case is identified OR not, a handover accepted OR declined. */
const RANK: Record<CaseStage, number> = {
  registered: 0,
  identified: 1,
  not_identified: 1,
  assisted: 2,
  return_requested: 3,
  handover_proposed: 4,
  handover_accepted: 5,
  handover_declined: 5,
  in_transit: 6,
  arrived: 7,
  received: 8,
  reintegration: 9,
  closed: 10,
};

function stageOf(event: DomainEvent): CaseStage | undefined {
  switch (event.type) {
    case 'PresumedVictimRegistered':
    case 'PersonAtRiskRegistered':
      return 'registered';
    case 'IdentificationConcluded':
      return (event.data as { status?: string }).status === 'not_identified'
        ? 'not_identified'
        : 'identified';
    case 'AssistancePlanAdopted':
      return 'assisted';
    case 'ReturnRequested':
      return 'return_requested';
    // In the country of origin the case starts where the partner's proposal left it.
    case 'HandoverProposed':
    case 'HandoverRequestReceived':
      return 'handover_proposed';
    case 'HandoverAccepted':
      return 'handover_accepted';
    case 'HandoverDeclined':
      return 'handover_declined';
    case 'ReturnTravelStarted':
      return 'in_transit';
    case 'ArrivalConfirmed':
      return 'arrived';
    case 'ReceptionConfirmed':
      return 'received';
    case 'ReintegrationPlanAdopted':
      return 'reintegration';
    case 'CaseClosed':
      return 'closed';
    default:
      return undefined;
  }
}

/**
 * The stage reducer: a later event only moves the stage forward, except that a new proposal after a
 * declined handover reopens the handover; CaseClosed always ends at closed (until CaseReopened, which
 * returns the case to assisted).
 */
export function nextCaseStage(stage: CaseStage | undefined, event: DomainEvent): CaseStage | undefined {
  // A reopened case is active again: it is assisted (no stage of its own, the stages are an answer's enum).
  if (event.type === 'CaseReopened') return stage === 'closed' ? 'assisted' : stage;
  // A review that overturns the decision moves a case still at its decision to the other outcome.
  if (event.type === 'IdentificationReviewDecided') {
    const status = (event.data as { status?: string }).status;
    const decided = status === 'not_identified' ? 'not_identified' : 'identified';
    return stage === 'identified' || stage === 'not_identified' ? decided : stage;
  }
  const candidate = stageOf(event);
  if (!candidate || stage === 'closed') return stage;
  if (stage === undefined || candidate === 'closed') return candidate;
  if (stage === 'handover_declined' && candidate === 'handover_proposed') return candidate;
  return RANK[candidate] > RANK[stage] ? candidate : stage;
}
