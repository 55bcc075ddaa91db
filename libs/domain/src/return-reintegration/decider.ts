import type { CaseEvent, ReturnReintegrationEvent } from '@nrm/contracts';
import { evolveChildProtection, returnBlockedForChild } from '../shared/child-protection';
import { defined } from '../shared/command';
import { consentCovers, evolveConsents } from '../shared/consent-ledger';
import type { Decider } from '../shared/decider';
import { assertOpen, evolveLifecycle, requireTransition } from '../shared/lifecycle';
import { evolveReflectionPeriod, isInsideReflectionPeriod } from '../shared/reflection-period';
import { RuleViolation } from '../shared/rule-violation';
import { addDays } from '../shared/time';
import type { ProposeHandover, ReturnReintegrationCommand } from './commands';
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

function proposeHandover(
  command: ProposeHandover,
  state: ReturnReintegrationState,
): ReturnReintegrationEvent[] {
  const { handover } = state;
  requireTransition(
    !handover || handover.status === 'declined',
    `handover ${handover?.handoverId} is already ${handover?.status}`,
  );
  if (!state.returnRequest || !state.returnRisk) {
    throw new RuleViolation(
      'return-prerequisites',
      'a handover needs the victim’s return request and a recorded return risk assessment',
    );
  }
  const childBlock = returnBlockedForChild(state.child);
  if (childBlock) throw new RuleViolation('guardian-required', childBlock);
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
      },
    },
  ];
}

function decide(
  command: ReturnReintegrationCommand,
  state: ReturnReintegrationState,
): ReturnReintegrationEvent[] {
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
          data: { level: command.level, familyAssessed: command.familyAssessed ?? false },
          personal: { notes: command.notes },
        },
      ];
    case 'ProposeHandover':
      return proposeHandover(command, state);
    case 'AcceptHandover':
      handoverIn(state, command.handoverId, 'proposed');
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
      handoverIn(state, command.handoverId, 'accepted');
      const departedAt = command.departedAt ?? command.at;
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
  }
}

function withHandoverStatus(state: ReturnReintegrationState, handoverId: string, status: HandoverStatus) {
  if (state.handover?.handoverId !== handoverId) return state;
  return { ...state, handover: { ...state.handover, status } };
}

function evolve(state: ReturnReintegrationState, event: CaseEvent): ReturnReintegrationState {
  const next: ReturnReintegrationState = {
    ...state,
    lifecycle: evolveLifecycle(state.lifecycle, event),
    child: evolveChildProtection(state.child, event),
    consents: evolveConsents(state.consents, event),
  };
  const reflection = evolveReflectionPeriod(state.reflection, event);
  if (reflection) next.reflection = reflection;
  switch (event.type) {
    case 'ReturnRequested':
      return { ...next, returnRequest: { earlyReturnRequested: event.data.earlyReturnRequested } };
    case 'ReturnRiskAssessed':
      return { ...next, returnRisk: { level: event.data.level, familyAssessed: event.data.familyAssessed } };
    case 'HandoverProposed': {
      const { handoverId, toCountry } = event.data;
      return { ...next, handover: { handoverId, toCountry, status: 'proposed' } };
    }
    case 'HandoverAccepted':
      return withHandoverStatus(next, event.data.handoverId, 'accepted');
    case 'HandoverDeclined':
      return withHandoverStatus(next, event.data.handoverId, 'declined');
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
