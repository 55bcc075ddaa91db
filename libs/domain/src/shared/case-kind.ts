import type { CaseKind } from '@nrm/contracts';
import type { DomainEvent } from './decider';
import { RuleViolation } from './rule-violation';

export type { CaseKind };

/**
 * What the case is about, from the shared case stream: a presumed victim (registered as one, received
 * from a partner's handover, or converted from a person at risk) or a person at risk of trafficking.
 * Undefined before the case is opened.
 */
export function evolveCaseKind(kind: CaseKind | undefined, event: DomainEvent): CaseKind | undefined {
  switch (event.type) {
    case 'PresumedVictimRegistered':
    case 'HandoverRequestReceived':
    case 'PersonAtRiskConverted':
      return 'presumed_victim';
    case 'PersonAtRiskRegistered':
      return 'person_at_risk';
    default:
      return kind;
  }
}

export const caseKindOf = (events: readonly DomainEvent[]): CaseKind | undefined =>
  events.reduce<CaseKind | undefined>(evolveCaseKind, undefined);

/**
 * Steps that presuppose a presumed victim of trafficking: the identification procedure (reflection
 * period, identification decision), return and handover to the country of origin, and the liaison with
 * prosecution, and the victim's residence permit (CoE Convention art. 14 and Directive 2004/81/EC grant it
 * to victims). A person at risk is assessed, assisted and monitored without them; converting the case
 * (PersonAtRiskConverted) opens them. Every other command (consent, age assessment, guardian and best
 * interests for a child at risk, asylum, the assistance steps, closure) works on both kinds of case.
 */
export const PRESUMED_VICTIM_ONLY_COMMANDS: ReadonlySet<string> = new Set([
  'ExtendReflectionPeriod',
  'ConcludeIdentification',
  'RequestIdentificationReview',
  'DecideIdentificationReview',
  'RequestReturn',
  'AssessReturnRisk',
  'ProposeHandover',
  'AcceptHandover',
  'DeclineHandover',
  'StartReturnTravel',
  'ConfirmArrival',
  'ConfirmReception',
  'AdoptReintegrationPlan',
  'RecordReintegrationProgress',
  'ApplyForResidencePermit',
  'DecideResidencePermit',
  'RenewResidencePermit',
  'RecordCooperationDecision',
  'ReceiveLawEnforcementRequest',
  'AnswerLawEnforcementRequest',
  'ScheduleHearing',
  'RecordHearingOutcome',
  'OrderProtectiveMeasures',
  'ClaimCompensation',
  'FlagNonPunishment',
  'OpenCriminalProceeding',
  'AdvanceProceedingStage',
  'RecordVerdict',
  'CloseCriminalProceeding',
  'RecordCompensationAwarded',
  'RecordCompensationPaid',
  'RefuseCompensation',
  'RecordVictimNotified',
]);

/** Refuses a presumed-victim step on the case of a person at risk (rule not-a-presumed-victim). */
export function assertKindAllows(kind: CaseKind | undefined, commandType: string): void {
  if (kind === 'person_at_risk' && PRESUMED_VICTIM_ONLY_COMMANDS.has(commandType)) {
    throw new RuleViolation(
      'not-a-presumed-victim',
      `${commandType}: this case is of a person at risk; convert it to a presumed-victim case first`,
    );
  }
}
