import type { CaseEvent, ReturnReintegrationEvent } from '@nrm/contracts';
import { evolveChildProtection, returnBlockedForChild } from '../shared/child-protection';
import { defined } from '../shared/command';
import { consentCovers, evolveConsents, normaliseRecipient } from '../shared/consent-ledger';
import type { Decider } from '../shared/decider';
import { evolvePseudonymous, requireIdentity } from '../shared/identity';
import { assertOpen, evolveLifecycle, requireTransition } from '../shared/lifecycle';
import { evolveReflectionPeriod, isInsideReflectionPeriod } from '../shared/reflection-period';
import { RuleViolation } from '../shared/rule-violation';
import { addDays } from '../shared/time';
import { evolveStatedWishes, wishStands } from '../shared/wishes';
import { requireNoAsylumBar } from './asylum-bar';
import { decideDocuments, evolveDocuments, requireTravelDocuments } from './documents';
import { decideLegalStatus, evolveLegalStatus } from './legal-status';
import type { ProposeHandover, ReceiveHandoverRequest, ReturnReintegrationCommand } from './commands';
import {
  INITIAL_RETURN_REINTEGRATION_STATE,
  type Handover,
  type HandoverStatus,
  type ReturnReintegrationState,
} from './state';

/** Time a partner country has to answer a proposal unless the command sets it. */
export const HANDOVER_RESPONSE_DAYS = 14;

const personalReasons = (reasons: string | undefined) =>
  reasons === undefined ? {} : { personal: { reasons } };

function handoverIn(state: ReturnReintegrationState, handoverId: string, expected: HandoverStatus): Handover {
  const { handover } = state;
  requireTransition(handover && handover.handoverId === handoverId, `no handover ${handoverId} in this case`);
  requireTransition(
    handover.status === expected,
    `handover ${handoverId} is ${handover.status}, expected ${expected}`,
  );
  return handover;
}

/** A child's return needs a guardian and a best-interests determination not against return, at every step. */
function requireChildProtection(state: ReturnReintegrationState): void {
  const childBlock = returnBlockedForChild(state.child);
  if (childBlock) throw new RuleViolation('guardian-required', childBlock);
}

/** The victim's will is re-checked at every step: a 'return' consent withdrawn after the request stops it. */
function requireReturnConsentNotRevoked(state: ReturnReintegrationState): void {
  if (state.returnConsentRevoked.length > 0) {
    throw new RuleViolation(
      'consent-required',
      'the victim withdrew consent to return after requesting it; the return does not go ahead',
    );
  }
}

/**
 * The victim's wishes steer the return: while the last statement asks to stay in the country of
 * destination, no handover is proposed and no return journey starts. (A handover request received
 * from a partner is not refused: it opens the case at the country of origin.)
 */
function requireNoWishToStay(state: ReturnReintegrationState): void {
  if (wishStands(state.wishes, 'stay_in_destination')) {
    throw new RuleViolation(
      'wish-to-stay',
      'the victim’s last stated wish is to stay in the country of destination; state the wishes again if they changed',
    );
  }
}

function receiveHandoverRequest(
  command: ReceiveHandoverRequest,
  state: ReturnReintegrationState,
): ReturnReintegrationEvent[] {
  requireTransition(state.lifecycle === 'unregistered', 'a handover request opens a new case');
  const person = defined({ ...command.person });
  return [
    {
      type: 'HandoverRequestReceived',
      data: defined({
        caseId: command.caseId,
        handoverId: command.handoverId,
        sharedCaseRef: command.sharedCaseRef,
        fromCountry: command.fromCountry,
        fromNode: command.fromNode,
        responseDueAt: command.responseDueAt,
        receivedAt: command.at,
        formsOfExploitation: [...command.formsOfExploitation],
        sex: command.sex,
        citizenship: command.citizenship,
        ageBand: command.ageBand,
        presumedMinor: command.presumedMinor,
        guardianAppointed: command.guardianAppointed,
        bestInterestsDetermined: command.bestInterestsDetermined,
        returnRiskLevel: command.returnRiskLevel,
      }),
      ...(Object.keys(person).length > 0 ? { personal: person } : {}),
    },
  ];
}

function proposeHandover(
  command: ProposeHandover,
  state: ReturnReintegrationState,
): ReturnReintegrationEvent[] {
  const { handover } = state;
  requireTransition(
    handover?.direction !== 'incoming',
    'this case came from a partner country; the country of destination proposes handovers',
  );
  requireTransition(
    !handover || handover.status === 'declined',
    `handover ${handover?.handoverId} is already ${handover?.status}`,
  );
  requireNoAsylumBar(state);
  requireNoWishToStay(state);
  // The country of origin identifies and readmits a named person: a pseudonym is not enough.
  requireIdentity(state.pseudonymous, 'a handover to the country of origin');
  if (!state.returnRequest || !state.returnRisk) {
    throw new RuleViolation(
      'return-prerequisites',
      'a handover needs the victim’s return request and a recorded return risk assessment',
    );
  }
  if (!state.returnRisk.familyAssessed && !state.familyRiskAssessed) {
    throw new RuleViolation(
      'return-prerequisites',
      'the return risk assessment must include a family assessment (or a family risk assessment be recorded)',
    );
  }
  requireChildProtection(state);
  requireReturnConsentNotRevoked(state);
  if (!consentCovers(state.consents, 'data_sharing', command.toCountry, { orUnsetRecipient: false })) {
    throw new RuleViolation('consent-required', `no active consent to share data with ${command.toCountry}`);
  }
  return [
    {
      type: 'HandoverProposed',
      data: {
        handoverId: command.handoverId,
        toCountry: command.toCountry,
        responseDueAt: command.responseDueAt ?? addDays(command.at, HANDOVER_RESPONSE_DAYS),
        ...(command.sharedCaseRef === undefined ? {} : { sharedCaseRef: command.sharedCaseRef }),
      },
    },
  ];
}

function decide(
  command: ReturnReintegrationCommand,
  state: ReturnReintegrationState,
): ReturnReintegrationEvent[] {
  if (command.type === 'ReceiveHandoverRequest') return receiveHandoverRequest(command, state);
  assertOpen(state.lifecycle, command.type);
  switch (command.type) {
    case 'RequestReturn': {
      const active = state.handover && state.handover.status !== 'declined';
      requireTransition(
        !active,
        `handover ${state.handover?.handoverId} is already ${state.handover?.status}`,
      );
      if (state.child.presumedMinor && !state.child.guardianAppointed) {
        throw new RuleViolation(
          'guardian-required',
          'a presumed or known child needs a guardian to request return',
        );
      }
      return [
        {
          type: 'ReturnRequested',
          data: { statedBy: command.statedBy, earlyReturnRequested: command.earlyReturnRequested ?? false },
        },
      ];
    }
    case 'AssessReturnRisk':
      return [
        {
          type: 'ReturnRiskAssessed',
          // The return risk assessment includes the family assessment unless the officer says it did not.
          data: { level: command.level, familyAssessed: command.familyAssessed ?? true },
          personal: { notes: command.notes },
        },
      ];
    case 'ProposeHandover':
      return proposeHandover(command, state);
    case 'AcceptHandover':
      handoverIn(state, command.handoverId, 'proposed');
      requireNoAsylumBar(state);
      requireChildProtection(state);
      requireReturnConsentNotRevoked(state);
      return [
        {
          type: 'HandoverAccepted',
          data: defined({
            handoverId: command.handoverId,
            recordedBy: command.recordedBy,
            receivingAgency: command.receivingAgency,
          }),
          ...personalReasons(command.reasons),
        },
      ];
    case 'DeclineHandover':
      handoverIn(state, command.handoverId, 'proposed');
      return [
        {
          type: 'HandoverDeclined',
          data: { handoverId: command.handoverId, recordedBy: command.recordedBy, reason: command.reason },
          ...personalReasons(command.reasons),
        },
      ];
    case 'StartReturnTravel': {
      const handover = handoverIn(state, command.handoverId, 'accepted');
      requireNoAsylumBar(state);
      requireNoWishToStay(state);
      requireChildProtection(state);
      requireReturnConsentNotRevoked(state);
      const departedAt = command.departedAt ?? command.at;
      // The country of destination checks the documents; a partner's departure (incoming) was checked there.
      if (handover.direction === 'outgoing') requireTravelDocuments(state.documents, departedAt);
      // Both the recording time and the stated departure count: a forward-dated departure cannot dodge the rule.
      const inside = [command.at, departedAt].some((time) =>
        isInsideReflectionPeriod(state.reflection, time),
      );
      if (inside && !state.returnRequest?.earlyReturnRequested) {
        throw new RuleViolation(
          'reflection-period',
          `no return before the reflection period ends (${state.reflection?.endsAt}) unless the victim asked for it`,
        );
      }
      return [{ type: 'ReturnTravelStarted', data: { handoverId: command.handoverId, departedAt } }];
    }
    case 'ConfirmArrival':
      handoverIn(state, command.handoverId, 'in_transit');
      return [
        {
          type: 'ArrivalConfirmed',
          data: { handoverId: command.handoverId, arrivedAt: command.arrivedAt ?? command.at },
        },
      ];
    case 'ConfirmReception':
      handoverIn(state, command.handoverId, 'arrived');
      return [
        {
          type: 'ReceptionConfirmed',
          data: { handoverId: command.handoverId, receivingAgency: command.receivingAgency },
        },
      ];
    case 'AdoptReintegrationPlan': {
      requireTransition(
        state.handover?.status === 'received',
        'reintegration follows the confirmed reception',
      );
      requireTransition(command.services.length > 0, 'a reintegration plan needs at least one service');
      const ids = new Set(command.services.map((s) => s.serviceId));
      requireTransition(ids.size === command.services.length, 'service ids must be unique within a plan');
      return [
        {
          type: 'ReintegrationPlanAdopted',
          data: {
            planId: command.planId,
            services: command.services.map((service) => defined({ ...service })),
          },
        },
      ];
    }
    case 'RecordReintegrationProgress':
      requireTransition(
        state.reintegrationPlanId,
        'progress is recorded against an adopted reintegration plan',
      );
      return [
        {
          type: 'ReintegrationProgressRecorded',
          data: { status: command.status },
          ...(command.notes === undefined ? {} : { personal: { notes: command.notes } }),
        },
      ];
    case 'RestrictProcessing':
      requireTransition(
        state.handover?.direction === 'incoming',
        'only a case received from a partner can be restricted by that partner',
      );
      requireTransition(!state.restrictedByPartner, 'processing is already restricted');
      return [
        {
          type: 'ProcessingRestrictionRequested',
          data: { byCountry: command.byCountry, byNode: command.byNode, requestedAt: command.at },
        },
      ];
    case 'RecordAsylumApplication':
      requireTransition(
        state.asylum !== 'pending' && state.asylum !== 'granted',
        `an asylum application is already ${state.asylum}`,
      );
      return [{ type: 'AsylumApplicationRecorded', data: { appliedAt: command.appliedAt ?? command.at } }];
    case 'CloseAsylumApplication':
      requireTransition(state.asylum === 'pending', 'no pending asylum application to close');
      return [{ type: 'AsylumApplicationClosed', data: { outcome: command.outcome } }];
    case 'RaiseUrgentAlert':
      // Even an alert carrying no name tells the other country that the person is known here and in
      // danger: while an asylum application is pending or granted, no contact at all (as for every
      // cross-border message). The victim's consent decides only what the alert may name (partner-sharing.ts).
      requireNoAsylumBar(state);
      return [
        {
          type: 'UrgentAlertRaised',
          data: {
            alertId: command.alertId,
            toCountry: command.toCountry,
            subject: command.subject,
            danger: command.danger,
            raisedAt: command.at,
          },
          ...(command.note === undefined ? {} : { personal: { note: command.note } }),
        },
      ];
    case 'ApplyForResidencePermit':
    case 'DecideResidencePermit':
    case 'RenewResidencePermit':
    case 'RecordRemovalOrder':
    case 'LiftRemovalOrder':
    case 'EnforceRemovalOrder':
      return decideLegalStatus(command, state.legal);
    case 'RecordIdentityDocument':
    case 'RecoverIdentityDocument':
    case 'RequestDocumentReplacement':
    case 'IssueIdentityDocument':
      return decideDocuments(command, state);
  }
}

function withHandoverStatus(state: ReturnReintegrationState, handoverId: string, status: HandoverStatus) {
  if (state.handover?.handoverId !== handoverId) return state;
  return { ...state, handover: { ...state.handover, status } };
}

const UNSET_RECIPIENT = '*';

/** Tracks 'return' consents withdrawn or refused after the current return request (see the state). */
function evolveReturnConsentRevoked(state: ReturnReintegrationState, event: CaseEvent): readonly string[] {
  if (event.type === 'ReturnRequested') return [];
  if (event.type !== 'ConsentGiven' && event.type !== 'ConsentWithdrawn' && event.type !== 'ConsentRefused')
    return state.returnConsentRevoked;
  if (event.data.purpose !== 'return') return state.returnConsentRevoked;
  const recipient = normaliseRecipient(event.data.recipient) ?? UNSET_RECIPIENT;
  const others = state.returnConsentRevoked.filter((r) => r !== recipient);
  if (event.type === 'ConsentGiven') return others;
  return state.returnRequest ? [...others, recipient] : state.returnConsentRevoked;
}

function evolve(state: ReturnReintegrationState, event: CaseEvent): ReturnReintegrationState {
  const next: ReturnReintegrationState = {
    ...state,
    lifecycle: evolveLifecycle(state.lifecycle, event),
    child: evolveChildProtection(state.child, event),
    consents: evolveConsents(state.consents, event),
    returnConsentRevoked: evolveReturnConsentRevoked(state, event),
    wishes: evolveStatedWishes(state.wishes, event),
    legal: evolveLegalStatus(state.legal, event),
    documents: evolveDocuments(state.documents, event),
    pseudonymous: evolvePseudonymous(state.pseudonymous, event),
  };
  const reflection = evolveReflectionPeriod(state.reflection, event);
  if (reflection) next.reflection = reflection;
  switch (event.type) {
    case 'RiskAssessed':
      return event.data.kind === 'family' ? { ...next, familyRiskAssessed: true } : next;
    case 'ReturnRequested':
      return { ...next, returnRequest: { earlyReturnRequested: event.data.earlyReturnRequested } };
    case 'ReturnRiskAssessed':
      return { ...next, returnRisk: { level: event.data.level, familyAssessed: event.data.familyAssessed } };
    case 'HandoverProposed': {
      const { handoverId, toCountry } = event.data;
      return {
        ...next,
        handover: { handoverId, partnerCountry: toCountry, status: 'proposed', direction: 'outgoing' },
      };
    }
    case 'HandoverRequestReceived': {
      const { handoverId, fromCountry } = event.data;
      return {
        ...next,
        // A case that came for return: its return was requested and assessed in the country of destination.
        returnRequest: { earlyReturnRequested: false },
        handover: { handoverId, partnerCountry: fromCountry, status: 'proposed', direction: 'incoming' },
      };
    }
    case 'ProcessingRestrictionRequested':
      return { ...next, restrictedByPartner: true };
    case 'AsylumApplicationRecorded':
      return { ...next, asylum: 'pending' };
    case 'AsylumApplicationClosed':
      return { ...next, asylum: event.data.outcome };
    case 'HandoverAccepted':
      return withHandoverStatus(next, event.data.handoverId, 'accepted');
    case 'HandoverDeclined': {
      const declined = withHandoverStatus(next, event.data.handoverId, 'declined');
      if (event.data.reason !== 'victim_changed_mind') return declined;
      // Return is voluntary: a new proposal needs a new request from the victim.
      const { returnRequest: _cleared, ...rest } = declined;
      return { ...rest, returnConsentRevoked: [] };
    }
    case 'ReturnTravelStarted':
      return withHandoverStatus(next, event.data.handoverId, 'in_transit');
    case 'ArrivalConfirmed':
      return withHandoverStatus(next, event.data.handoverId, 'arrived');
    case 'ReceptionConfirmed':
      return withHandoverStatus(next, event.data.handoverId, 'received');
    case 'ReintegrationPlanAdopted':
      return { ...next, reintegrationPlanId: event.data.planId };
    case 'ReintegrationProgressRecorded':
      return { ...next, reintegrationStatus: event.data.status };
    default:
      return next;
  }
}

export const returnReintegrationDecider = {
  initialState: INITIAL_RETURN_REINTEGRATION_STATE,
  decide,
  evolve,
} satisfies Decider<ReturnReintegrationCommand, ReturnReintegrationState, CaseEvent>;
