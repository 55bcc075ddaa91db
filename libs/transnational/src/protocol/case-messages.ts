import type { CaseEvent, EventOf } from '@nrm/contracts';
import type { CaseCommand } from '@nrm/domain';
import type { TrmMessageKind } from '../envelope/cross-border-envelope';
import type { Payload } from './minimal-payload';

/** A case event as the dispatcher sees it: personal part decrypted (undefined when erased). */
export type CaseFact = Pick<CaseEvent, 'type' | 'data'> & { personal?: Record<string, unknown> };

/** Which side of the handover this node is on for a case. */
export type HandoverSide = 'destination' | 'origin';

/** Local events that cross the border, by the side that records them. */
const OUTGOING: Readonly<Record<HandoverSide, Partial<Record<CaseEvent['type'], TrmMessageKind>>>> = {
  destination: {
    HandoverProposed: 'handover.proposed',
    ReturnTravelStarted: 'return.travel-started',
  },
  origin: {
    HandoverAccepted: 'handover.accepted',
    HandoverDeclined: 'handover.declined',
    ArrivalConfirmed: 'return.arrival-confirmed',
    ReceptionConfirmed: 'return.reception-confirmed',
    ReintegrationPlanAdopted: 'reintegration.plan-adopted',
    ReintegrationProgressRecorded: 'reintegration.progress-recorded',
  },
};

export function outgoingKind(side: HandoverSide, type: string): TrmMessageKind | undefined {
  return OUTGOING[side][type as CaseEvent['type']];
}

const data = <T extends CaseEvent['type']>(fact: CaseFact) => fact.data as EventOf<T>['data'];

/**
 * Everything the message for `fact` could carry; `minimalPayload` then keeps what the agreement allows.
 * `history` is the case's stream up to and including `fact` (for the proposal's case facts).
 */
export function candidatePayload(
  kind: TrmMessageKind,
  fact: CaseFact,
  history: readonly CaseFact[],
): Payload {
  switch (kind) {
    case 'handover.proposed': {
      const d = data<'HandoverProposed'>(fact);
      return { handoverId: d.handoverId, responseDueAt: d.responseDueAt, ...caseFacts(history) };
    }
    case 'handover.accepted': {
      const d = data<'HandoverAccepted'>(fact);
      return {
        handoverId: d.handoverId,
        'return.receivingAgency': d.receivingAgency,
        'answer.reasons': fact.personal?.reasons,
      };
    }
    case 'handover.declined': {
      const d = data<'HandoverDeclined'>(fact);
      return { handoverId: d.handoverId, reason: d.reason, 'answer.reasons': fact.personal?.reasons };
    }
    case 'return.travel-started': {
      const d = data<'ReturnTravelStarted'>(fact);
      return { handoverId: d.handoverId, 'return.departedAt': d.departedAt };
    }
    case 'return.arrival-confirmed': {
      const d = data<'ArrivalConfirmed'>(fact);
      return { handoverId: d.handoverId, 'return.arrivedAt': d.arrivedAt };
    }
    case 'return.reception-confirmed': {
      const d = data<'ReceptionConfirmed'>(fact);
      return { handoverId: d.handoverId, receivingAgency: d.receivingAgency };
    }
    case 'reintegration.plan-adopted': {
      const d = data<'ReintegrationPlanAdopted'>(fact);
      return { planId: d.planId, services: d.services };
    }
    case 'reintegration.progress-recorded': {
      const d = data<'ReintegrationProgressRecorded'>(fact);
      return { status: d.status, 'reintegration.notes': fact.personal?.notes };
    }
    case 'consent.restriction-requested':
      return {};
    case 'alert.urgent': {
      const d = data<'UrgentAlertRaised'>(fact);
      return { alertId: d.alertId, subject: d.subject, danger: d.danger, raisedAt: d.raisedAt };
    }
  }
}

/** The person and case facts a proposal may carry, as the case knows them when proposing. */
function caseFacts(history: readonly CaseFact[]): Payload {
  const facts: Payload = { presumedMinor: false };
  for (const fact of history) {
    switch (fact.type) {
      case 'PresumedVictimRegistered': {
        const d = data<'PresumedVictimRegistered'>(fact);
        Object.assign(facts, {
          presumedMinor: d.presumedMinor,
          'person.sex': d.sex,
          'person.citizenship': d.citizenship,
          'person.ageBand': d.ageBand,
          'case.formsOfExploitation': d.formsOfExploitation,
          'person.givenName': fact.personal?.givenName,
          'person.familyName': fact.personal?.familyName,
          'person.dateOfBirth': fact.personal?.dateOfBirth,
        });
        break;
      }
      // A converted person at risk: the person as registered at risk, the exploitation as converted.
      case 'PersonAtRiskRegistered': {
        const d = data<'PersonAtRiskRegistered'>(fact);
        Object.assign(facts, {
          presumedMinor: d.presumedMinor,
          'person.sex': d.sex,
          'person.citizenship': d.citizenship,
          'person.ageBand': d.ageBand,
          'person.givenName': fact.personal?.givenName,
          'person.familyName': fact.personal?.familyName,
          'person.dateOfBirth': fact.personal?.dateOfBirth,
        });
        break;
      }
      // A person registered under a pseudonym: the identity recorded later (a pseudonym never leaves;
      // a handover is refused until the identity is recorded, rule identity-required).
      case 'IdentityRecorded':
        Object.assign(facts, {
          'person.givenName': fact.personal?.givenName,
          'person.familyName': fact.personal?.familyName,
          'person.dateOfBirth': fact.personal?.dateOfBirth ?? facts['person.dateOfBirth'],
        });
        break;
      case 'PersonAtRiskConverted':
        facts['case.formsOfExploitation'] = data<'PersonAtRiskConverted'>(fact).formsOfExploitation;
        break;
      case 'AgeAssessed':
        facts.presumedMinor = data<'AgeAssessed'>(fact).presumedMinor;
        break;
      case 'IdentificationConcluded': {
        const forms = data<'IdentificationConcluded'>(fact).formsOfExploitation;
        if (forms?.length) facts['case.formsOfExploitation'] = forms;
        break;
      }
      case 'GuardianAppointed':
        facts['case.guardianAppointed'] = true;
        break;
      case 'BestInterestsDetermined':
        facts['case.bestInterestsDetermined'] = true;
        break;
      case 'ReturnRiskAssessed':
        facts['return.riskLevel'] = data<'ReturnRiskAssessed'>(fact).level;
        break;
    }
  }
  return facts;
}

export interface IncomingContext {
  /** The local case: new for a proposal, the linked one otherwise. */
  caseId: string;
  at: string;
  sharedCaseRef: string;
  fromCountry: string;
  fromNode: string;
}

const str = (v: unknown) => v as string;
const opt = <T>(v: unknown) => v as T | undefined;

/** The local command a partner's (checked) message becomes. */
export function commandForMessage(
  kind: Exclude<TrmMessageKind, 'alert.urgent'>,
  p: Payload,
  ctx: IncomingContext,
): CaseCommand {
  const base = { caseId: ctx.caseId, at: ctx.at };
  switch (kind) {
    case 'handover.proposed':
      return {
        type: 'ReceiveHandoverRequest',
        ...base,
        handoverId: str(p.handoverId),
        sharedCaseRef: ctx.sharedCaseRef,
        fromCountry: ctx.fromCountry as never,
        fromNode: ctx.fromNode,
        responseDueAt: str(p.responseDueAt),
        presumedMinor: p.presumedMinor as boolean,
        formsOfExploitation: (p['case.formsOfExploitation'] as never[]) ?? [],
        sex: opt(p['person.sex']),
        citizenship: opt(p['person.citizenship']),
        ageBand: opt(p['person.ageBand']),
        guardianAppointed: opt(p['case.guardianAppointed']),
        bestInterestsDetermined: opt(p['case.bestInterestsDetermined']),
        returnRiskLevel: opt(p['return.riskLevel']),
        person: {
          givenName: opt(p['person.givenName']),
          familyName: opt(p['person.familyName']),
          dateOfBirth: opt(p['person.dateOfBirth']),
        },
      };
    case 'handover.accepted':
      return {
        type: 'AcceptHandover',
        ...base,
        handoverId: str(p.handoverId),
        recordedBy: 'partner_node',
        receivingAgency: opt(p['return.receivingAgency']),
        reasons: opt(p['answer.reasons']),
      };
    case 'handover.declined':
      return {
        type: 'DeclineHandover',
        ...base,
        handoverId: str(p.handoverId),
        recordedBy: 'partner_node',
        reason: p.reason as never,
        reasons: opt(p['answer.reasons']),
      };
    case 'return.travel-started':
      return {
        type: 'StartReturnTravel',
        ...base,
        handoverId: str(p.handoverId),
        departedAt: opt(p['return.departedAt']),
      };
    case 'return.arrival-confirmed':
      return {
        type: 'ConfirmArrival',
        ...base,
        handoverId: str(p.handoverId),
        arrivedAt: opt(p['return.arrivedAt']),
      };
    case 'return.reception-confirmed':
      return {
        type: 'ConfirmReception',
        ...base,
        handoverId: str(p.handoverId),
        receivingAgency: str(p.receivingAgency),
      };
    case 'reintegration.plan-adopted':
      return {
        type: 'AdoptReintegrationPlan',
        ...base,
        planId: str(p.planId),
        services: p.services as never,
      };
    case 'reintegration.progress-recorded':
      return {
        type: 'RecordReintegrationProgress',
        ...base,
        status: p.status as never,
        notes: opt(p['reintegration.notes']),
      };
    case 'consent.restriction-requested':
      return {
        type: 'RestrictProcessing',
        ...base,
        byCountry: ctx.fromCountry as never,
        byNode: ctx.fromNode,
      };
  }
}
