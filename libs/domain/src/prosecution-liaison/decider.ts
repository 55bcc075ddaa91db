import {
  CONFRONTATION_AVOIDING_MEASURES,
  type CaseEvent,
  type ProsecutionLiaisonEvent,
  type ProtectiveMeasure,
} from '@nrm/contracts';
import { defined } from '../shared/command';
import { consentCovers, evolveConsents } from '../shared/consent-ledger';
import type { Decider } from '../shared/decider';
import { assertOpen, evolveLifecycle, requireTransition } from '../shared/lifecycle';
import { evolveReflectionPeriod, isInsideReflectionPeriod } from '../shared/reflection-period';
import { RuleViolation } from '../shared/rule-violation';
import { evolveStatedWishes, wishStands } from '../shared/wishes';
import type { ProsecutionLiaisonCommand, RecordHearingOutcome, ScheduleHearing } from './commands';
import {
  advanceProceedingStage,
  closeCriminalProceeding,
  evolveProceedings,
  openCriminalProceeding,
  recordCompensationAwarded,
  recordCompensationPaid,
  recordVerdict,
  recordVictimNotified,
  refuseCompensation,
} from './proceedings';
import { INITIAL_PROSECUTION_LIAISON_STATE, type ProsecutionLiaisonState } from './state';

const sparesConfrontation = (measure: ProtectiveMeasure) =>
  (CONFRONTATION_AVOIDING_MEASURES as readonly ProtectiveMeasure[]).includes(measure);

/**
 * A hearing is recorded as held only if, when the victim last asked not to face the trafficker, a
 * measure sparing them the confrontation was ordered for that hearing.
 */
function recordHearingOutcome(
  command: RecordHearingOutcome,
  state: ProsecutionLiaisonState,
): ProsecutionLiaisonEvent[] {
  const hearing = state.hearings[command.hearingId];
  requireTransition(hearing, `no hearing ${command.hearingId} in this case`);
  requireTransition(
    hearing.outcome === undefined || hearing.outcome === 'postponed',
    `hearing ${command.hearingId} was already ${hearing.outcome}`,
  );
  if (command.rescheduledFor !== undefined && command.outcome !== 'postponed') {
    throw new RuleViolation('invalid-request', 'only a postponed hearing is rescheduled');
  }
  if (
    command.outcome === 'held' &&
    wishStands(state.wishes, 'not_face_trafficker') &&
    !hearing.measures.some(sparesConfrontation)
  ) {
    throw new RuleViolation(
      'protective-measures-required',
      `the victim asked not to face the trafficker: order ${CONFRONTATION_AVOIDING_MEASURES.join(' or ')} for hearing ${command.hearingId} first`,
    );
  }
  return [
    {
      type: 'HearingOutcomeRecorded',
      data: defined({
        hearingId: command.hearingId,
        outcome: command.outcome,
        rescheduledFor: command.rescheduledFor,
      }),
    },
  ];
}

/** A hearing of a proceeding is scheduled only while the proceeding is open. */
function scheduleHearing(
  command: ScheduleHearing,
  state: ProsecutionLiaisonState,
): ProsecutionLiaisonEvent[] {
  requireTransition(
    !state.hearingIds.includes(command.hearingId),
    `hearing ${command.hearingId} already exists`,
  );
  if (command.proceedingId !== undefined) {
    const proceeding = state.proceedings[command.proceedingId];
    requireTransition(proceeding, `no criminal proceeding ${command.proceedingId} in this case`);
    requireTransition(!proceeding.closed, `criminal proceeding ${command.proceedingId} is closed`);
  }
  return [
    {
      type: 'HearingScheduled',
      data: defined({
        hearingId: command.hearingId,
        scheduledFor: command.scheduledFor,
        protectiveMeasures: [...command.protectiveMeasures],
        proceedingId: command.proceedingId,
      }),
    },
  ];
}

function decide(
  command: ProsecutionLiaisonCommand,
  state: ProsecutionLiaisonState,
): ProsecutionLiaisonEvent[] {
  assertOpen(state.lifecycle, command.type);
  switch (command.type) {
    case 'RecordCooperationDecision':
      return [{ type: 'CooperationDecisionRecorded', data: { willing: command.willing } }];
    case 'ReceiveLawEnforcementRequest': {
      requireTransition(
        !state.requests[command.requestId],
        `request ${command.requestId} was already received`,
      );
      const requestedByVictim = command.requestedByVictim ?? false;
      if (isInsideReflectionPeriod(state.reflection, command.at) && !requestedByVictim) {
        throw new RuleViolation(
          'reflection-period',
          `no law-enforcement request may be put to the victim before ${state.reflection?.endsAt} unless the victim asks for it`,
        );
      }
      return [
        {
          type: 'LawEnforcementRequestReceived',
          data: {
            requestId: command.requestId,
            agency: command.agency,
            kind: command.kind,
            requestedByVictim,
          },
        },
      ];
    }
    case 'AnswerLawEnforcementRequest': {
      const request = state.requests[command.requestId];
      requireTransition(request, `no law-enforcement request ${command.requestId} in this case`);
      requireTransition(!request.answered, `request ${command.requestId} was already answered`);
      const covered = consentCovers(state.consents, 'law_enforcement_cooperation', request.agency, {
        orUnsetRecipient: true,
      });
      if (command.sharesCaseData && !covered) {
        throw new RuleViolation(
          'consent-required',
          `no active consent to share case data with ${request.agency}`,
        );
      }
      return [
        {
          type: 'LawEnforcementRequestAnswered',
          data: { requestId: command.requestId, outcome: command.outcome },
        },
      ];
    }
    case 'ScheduleHearing':
      return scheduleHearing(command, state);
    case 'OrderProtectiveMeasures':
      requireTransition(command.measures.length > 0, 'name at least one protective measure');
      requireTransition(
        command.hearingId === undefined || state.hearingIds.includes(command.hearingId),
        `no hearing ${command.hearingId} in this case`,
      );
      return [
        {
          type: 'ProtectiveMeasuresOrdered',
          data: defined({ hearingId: command.hearingId, measures: [...command.measures] }),
        },
      ];
    case 'ClaimCompensation':
      requireTransition(!state.claimIds.includes(command.claimId), `claim ${command.claimId} already exists`);
      return [
        {
          type: 'CompensationClaimed',
          data: defined({
            claimId: command.claimId,
            against: command.against,
            currency: command.currency,
            amount: command.amount,
          }),
        },
      ];
    case 'FlagNonPunishment':
      return [{ type: 'NonPunishmentFlagged', data: { basis: command.basis } }];
    case 'RecordHearingOutcome':
      return recordHearingOutcome(command, state);
    case 'OpenCriminalProceeding':
      return openCriminalProceeding(command, state);
    case 'AdvanceProceedingStage':
      return advanceProceedingStage(command, state);
    case 'RecordVerdict':
      return recordVerdict(command, state);
    case 'CloseCriminalProceeding':
      return closeCriminalProceeding(command, state);
    case 'RecordCompensationAwarded':
      return recordCompensationAwarded(command, state);
    case 'RecordCompensationPaid':
      return recordCompensationPaid(command, state);
    case 'RefuseCompensation':
      return refuseCompensation(command, state);
    case 'RecordVictimNotified':
      return recordVictimNotified(command, state);
  }
}

function withHearing(
  state: ProsecutionLiaisonState,
  hearingId: string | undefined,
  change: (
    hearing: ProsecutionLiaisonState['hearings'][string],
  ) => ProsecutionLiaisonState['hearings'][string],
): ProsecutionLiaisonState {
  const hearing = hearingId === undefined ? undefined : state.hearings[hearingId];
  if (hearingId === undefined || !hearing) return state;
  return { ...state, hearings: { ...state.hearings, [hearingId]: change(hearing) } };
}

function evolve(state: ProsecutionLiaisonState, event: CaseEvent): ProsecutionLiaisonState {
  const next: ProsecutionLiaisonState = {
    ...evolveProceedings(state, event),
    lifecycle: evolveLifecycle(state.lifecycle, event),
    consents: evolveConsents(state.consents, event),
    wishes: evolveStatedWishes(state.wishes, event),
  };
  const reflection = evolveReflectionPeriod(state.reflection, event);
  if (reflection) next.reflection = reflection;
  switch (event.type) {
    case 'CooperationDecisionRecorded':
      return { ...next, willingToCooperate: event.data.willing };
    case 'LawEnforcementRequestReceived':
      return {
        ...next,
        requests: {
          ...next.requests,
          [event.data.requestId]: { agency: event.data.agency, answered: false },
        },
      };
    case 'LawEnforcementRequestAnswered': {
      const request = next.requests[event.data.requestId];
      if (!request) return next;
      return {
        ...next,
        requests: { ...next.requests, [event.data.requestId]: { ...request, answered: true } },
      };
    }
    case 'HearingScheduled':
      return {
        ...next,
        hearingIds: [...next.hearingIds, event.data.hearingId],
        hearings: {
          ...next.hearings,
          [event.data.hearingId]: { measures: [...event.data.protectiveMeasures] },
        },
      };
    case 'ProtectiveMeasuresOrdered':
      return withHearing(next, event.data.hearingId, (hearing) => ({
        ...hearing,
        measures: [...new Set([...hearing.measures, ...event.data.measures])],
      }));
    case 'HearingOutcomeRecorded':
      return withHearing(next, event.data.hearingId, (hearing) => ({
        ...hearing,
        outcome: event.data.outcome,
      }));
    case 'CompensationClaimed':
      return { ...next, claimIds: [...next.claimIds, event.data.claimId] };
    case 'NonPunishmentFlagged':
      return next.nonPunishmentBases.includes(event.data.basis)
        ? next
        : { ...next, nonPunishmentBases: [...next.nonPunishmentBases, event.data.basis] };
    default:
      return next;
  }
}

export const prosecutionLiaisonDecider = {
  initialState: INITIAL_PROSECUTION_LIAISON_STATE,
  decide,
  evolve,
} satisfies Decider<ProsecutionLiaisonCommand, ProsecutionLiaisonState, CaseEvent>;
