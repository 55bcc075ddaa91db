import {
  PROCEEDING_STAGES,
  type CaseEvent,
  type NotifiableStep,
  type ProsecutionLiaisonEvent,
} from '@nrm/contracts';
import { defined } from '../shared/command';
import { requireTransition } from '../shared/lifecycle';
import { RuleViolation } from '../shared/rule-violation';
import type {
  AdvanceProceedingStage,
  CloseCriminalProceeding,
  OpenCriminalProceeding,
  RecordCompensationAwarded,
  RecordCompensationPaid,
  RecordVerdict,
  RecordVictimNotified,
  RefuseCompensation,
} from './commands';
import type { CompensationClaimState, ProceedingState, ProsecutionLiaisonState } from './state';

/** Amounts are compared in cents: 0.1 + 0.2 must not exceed 0.3. */
const cents = (amount: number) => Math.round(amount * 100);

function openProceeding(state: ProsecutionLiaisonState, proceedingId: string): ProceedingState {
  const proceeding = state.proceedings[proceedingId];
  requireTransition(proceeding, `no criminal proceeding ${proceedingId} in this case`);
  requireTransition(!proceeding.closed, `criminal proceeding ${proceedingId} is closed`);
  return proceeding;
}

export function openCriminalProceeding(
  command: OpenCriminalProceeding,
  state: ProsecutionLiaisonState,
): ProsecutionLiaisonEvent[] {
  requireTransition(
    !state.proceedings[command.proceedingId],
    `criminal proceeding ${command.proceedingId} already exists`,
  );
  const { proceedingId, reference, stage, authority, openedAt } = command;
  return [
    { type: 'CriminalProceedingOpened', data: { proceedingId, reference, stage, authority, openedAt } },
  ];
}

/** Stages only move forward: investigation, prosecution, trial, appeal. */
export function advanceProceedingStage(
  command: AdvanceProceedingStage,
  state: ProsecutionLiaisonState,
): ProsecutionLiaisonEvent[] {
  const proceeding = openProceeding(state, command.proceedingId);
  requireTransition(
    PROCEEDING_STAGES.indexOf(command.stage) > PROCEEDING_STAGES.indexOf(proceeding.stage),
    `criminal proceeding ${command.proceedingId} is at ${proceeding.stage}: ${command.stage} does not come after it`,
  );
  const { proceedingId, stage, authority, advancedAt } = command;
  return [{ type: 'ProceedingStageAdvanced', data: { proceedingId, stage, authority, advancedAt } }];
}

/** A verdict on an open proceeding; a final one closes it. */
export function recordVerdict(
  command: RecordVerdict,
  state: ProsecutionLiaisonState,
): ProsecutionLiaisonEvent[] {
  openProceeding(state, command.proceedingId);
  const { proceedingId, outcome, decidedAt, final } = command;
  const verdict: ProsecutionLiaisonEvent = {
    type: 'VerdictRecorded',
    data: { proceedingId, outcome, charges: [...command.charges], decidedAt, final },
  };
  if (!final) return [verdict];
  return [
    verdict,
    { type: 'ProceedingClosed', data: { proceedingId, reason: 'final_verdict', closedAt: decidedAt } },
  ];
}

/** Closes an open proceeding: `verdict_not_appealed` needs a verdict to have become final. */
export function closeCriminalProceeding(
  command: CloseCriminalProceeding,
  state: ProsecutionLiaisonState,
): ProsecutionLiaisonEvent[] {
  const proceeding = openProceeding(state, command.proceedingId);
  requireTransition(
    command.reason !== 'verdict_not_appealed' || proceeding.verdicts > 0,
    `criminal proceeding ${command.proceedingId} has no verdict that could have become final`,
  );
  const { proceedingId, reason, closedAt } = command;
  return [{ type: 'ProceedingClosed', data: { proceedingId, reason, closedAt } }];
}

function undecidedClaim(state: ProsecutionLiaisonState, claimId: string): CompensationClaimState {
  const claim = state.claims[claimId];
  requireTransition(claim, `no compensation claim ${claimId} in this case`);
  requireTransition(claim.status === 'claimed', `compensation claim ${claimId} was already ${claim.status}`);
  return claim;
}

export function recordCompensationAwarded(
  command: RecordCompensationAwarded,
  state: ProsecutionLiaisonState,
): ProsecutionLiaisonEvent[] {
  undecidedClaim(state, command.claimId);
  const { claimId, amount, currency, awardedBy, awardedAt } = command;
  return [{ type: 'CompensationAwarded', data: { claimId, amount, currency, awardedBy, awardedAt } }];
}

export function refuseCompensation(
  command: RefuseCompensation,
  state: ProsecutionLiaisonState,
): ProsecutionLiaisonEvent[] {
  undecidedClaim(state, command.claimId);
  const { claimId, refusedBy, refusedAt } = command;
  return [{ type: 'CompensationRefused', data: { claimId, refusedBy, refusedAt } }];
}

/** A payment of an award: partial payments add up, never beyond the award. */
export function recordCompensationPaid(
  command: RecordCompensationPaid,
  state: ProsecutionLiaisonState,
): ProsecutionLiaisonEvent[] {
  const claim = state.claims[command.claimId];
  requireTransition(claim, `no compensation claim ${command.claimId} in this case`);
  requireTransition(
    claim.status === 'awarded',
    `compensation claim ${command.claimId} was not awarded: nothing to pay`,
  );
  const awarded = claim.awardedCents ?? 0;
  if (cents(command.amount) <= 0) {
    throw new RuleViolation('invalid-request', 'a payment is more than nothing');
  }
  if (claim.paidCents + cents(command.amount) > awarded) {
    throw new RuleViolation(
      'invalid-request',
      `payments would total ${(claim.paidCents + cents(command.amount)) / 100}, more than the ${awarded / 100} awarded`,
    );
  }
  const { claimId, amount, paidAt } = command;
  return [{ type: 'CompensationPaid', data: { claimId, amount, paidAt } }];
}

/** Steps that concern no recorded proceeding, hearing or claim (the offender's release or escape). */
const FREE_STEPS: readonly NotifiableStep[] = ['offender_released', 'offender_escaped', 'other'];

/** Whether the step `relatesTo` names has happened in this case. */
function stepHappened(state: ProsecutionLiaisonState, step: NotifiableStep, id: string): boolean {
  const proceeding = state.proceedings[id];
  const hearing = state.hearings[id];
  const claim = state.claims[id];
  switch (step) {
    case 'proceeding_opened':
      return proceeding !== undefined;
    case 'stage_advanced':
      return proceeding?.advanced === true;
    case 'verdict':
      return (proceeding?.verdicts ?? 0) > 0;
    case 'proceeding_closed':
      return proceeding?.closed === true;
    case 'hearing_scheduled':
      return hearing !== undefined;
    case 'hearing_outcome':
      return hearing?.outcome !== undefined;
    case 'compensation_awarded':
      return claim?.status === 'awarded';
    case 'compensation_refused':
      return claim?.status === 'refused';
    case 'compensation_paid':
      return (claim?.paidCents ?? 0) > 0;
    case 'offender_released':
    case 'offender_escaped':
    case 'other':
      return proceeding !== undefined || hearing !== undefined || claim !== undefined;
  }
}

/** The victim is told of a step that happened (or of the offender's release or escape). */
export function recordVictimNotified(
  command: RecordVictimNotified,
  state: ProsecutionLiaisonState,
): ProsecutionLiaisonEvent[] {
  const { step, relatesTo, channel, notifiedAt } = command;
  if (relatesTo === undefined && !FREE_STEPS.includes(step)) {
    throw new RuleViolation('invalid-request', `name the proceeding, hearing or claim the ${step} concerns`);
  }
  requireTransition(
    relatesTo === undefined || stepHappened(state, step, relatesTo),
    `no ${step} of ${relatesTo} in this case to notify`,
  );
  return [{ type: 'VictimNotified', data: defined({ step, relatesTo, channel, notifiedAt }) }];
}

function withProceeding(
  state: ProsecutionLiaisonState,
  id: string,
  change: (proceeding: ProceedingState) => ProceedingState,
): ProsecutionLiaisonState {
  const proceeding = state.proceedings[id];
  return proceeding ? { ...state, proceedings: { ...state.proceedings, [id]: change(proceeding) } } : state;
}

function withClaim(
  state: ProsecutionLiaisonState,
  id: string,
  change: (claim: CompensationClaimState) => CompensationClaimState,
): ProsecutionLiaisonState {
  const claim = state.claims[id];
  return claim ? { ...state, claims: { ...state.claims, [id]: change(claim) } } : state;
}

/** The state the proceedings' and compensation's events change; others leave it as it is. */
export function evolveProceedings(state: ProsecutionLiaisonState, event: CaseEvent): ProsecutionLiaisonState {
  switch (event.type) {
    case 'CriminalProceedingOpened':
      return {
        ...state,
        proceedings: {
          ...state.proceedings,
          [event.data.proceedingId]: { stage: event.data.stage, advanced: false, verdicts: 0, closed: false },
        },
      };
    case 'ProceedingStageAdvanced':
      return withProceeding(state, event.data.proceedingId, (p) => ({
        ...p,
        stage: event.data.stage,
        advanced: true,
      }));
    case 'VerdictRecorded':
      return withProceeding(state, event.data.proceedingId, (p) => ({ ...p, verdicts: p.verdicts + 1 }));
    case 'ProceedingClosed':
      return withProceeding(state, event.data.proceedingId, (p) => ({ ...p, closed: true }));
    case 'CompensationClaimed':
      return {
        ...state,
        claims: { ...state.claims, [event.data.claimId]: { status: 'claimed', paidCents: 0 } },
      };
    case 'CompensationAwarded':
      return withClaim(state, event.data.claimId, (c) => ({
        ...c,
        status: 'awarded',
        awardedCents: cents(event.data.amount),
      }));
    case 'CompensationRefused':
      return withClaim(state, event.data.claimId, (c) => ({ ...c, status: 'refused' }));
    case 'CompensationPaid':
      return withClaim(state, event.data.claimId, (c) => ({
        ...c,
        paidCents: c.paidCents + cents(event.data.amount),
      }));
    default:
      return state;
  }
}
