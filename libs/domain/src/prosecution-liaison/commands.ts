import type {
  CompensationAwardingBody,
  CompensationRespondent,
  CriminalCharge,
  NotifiableStep,
  NotificationChannel,
  ProceedingAuthority,
  ProceedingClosureReason,
  ProceedingStage,
  VerdictOutcome,
  HearingOutcome,
  LawEnforcementAnswerOutcome,
  LawEnforcementRequestKind,
  NonPunishmentBasis,
  ProtectiveMeasure,
} from '@nrm/contracts';
import type { CommandBase } from '../shared/command';

export interface RecordCooperationDecision extends CommandBase<'RecordCooperationDecision'> {
  willing: boolean;
}
export interface ReceiveLawEnforcementRequest extends CommandBase<'ReceiveLawEnforcementRequest'> {
  requestId: string;
  agency: string;
  kind: LawEnforcementRequestKind;
  /** The victim asked for this contact (allowed inside the reflection period). */
  requestedByVictim?: boolean;
}
export interface AnswerLawEnforcementRequest extends CommandBase<'AnswerLawEnforcementRequest'> {
  requestId: string;
  outcome: LawEnforcementAnswerOutcome;
  /** The answer hands case data to the requesting agency. */
  sharesCaseData?: boolean;
}
export interface ScheduleHearing extends CommandBase<'ScheduleHearing'> {
  hearingId: string;
  scheduledFor: string;
  protectiveMeasures: readonly ProtectiveMeasure[];
  /** The criminal proceeding the hearing belongs to; it must be open. */
  proceedingId?: string;
}
export interface OrderProtectiveMeasures extends CommandBase<'OrderProtectiveMeasures'> {
  hearingId?: string;
  measures: readonly ProtectiveMeasure[];
}
export interface ClaimCompensation extends CommandBase<'ClaimCompensation'> {
  claimId: string;
  against: CompensationRespondent;
  currency?: string;
  amount?: number;
}
export interface FlagNonPunishment extends CommandBase<'FlagNonPunishment'> {
  basis: NonPunishmentBasis;
}

/** What became of a scheduled hearing. */
export interface RecordHearingOutcome extends CommandBase<'RecordHearingOutcome'> {
  hearingId: string;
  outcome: HearingOutcome;
  /** Only with `postponed`. */
  rescheduledFor?: string;
}

export interface OpenCriminalProceeding extends CommandBase<'OpenCriminalProceeding'> {
  proceedingId: string;
  reference: string;
  stage: ProceedingStage;
  authority: ProceedingAuthority;
  openedAt: string;
}
export interface AdvanceProceedingStage extends CommandBase<'AdvanceProceedingStage'> {
  proceedingId: string;
  stage: ProceedingStage;
  authority: ProceedingAuthority;
  advancedAt: string;
}
export interface RecordVerdict extends CommandBase<'RecordVerdict'> {
  proceedingId: string;
  outcome: VerdictOutcome;
  charges: readonly CriminalCharge[];
  decidedAt: string;
  /** No appeal lies against it: the proceeding closes with it. */
  final: boolean;
}
export interface CloseCriminalProceeding extends CommandBase<'CloseCriminalProceeding'> {
  proceedingId: string;
  /** `final_verdict` comes with RecordVerdict only. */
  reason: Exclude<ProceedingClosureReason, 'final_verdict'>;
  closedAt: string;
}
export interface RecordCompensationAwarded extends CommandBase<'RecordCompensationAwarded'> {
  claimId: string;
  amount: number;
  currency: string;
  awardedBy: CompensationAwardingBody;
  awardedAt: string;
}
export interface RecordCompensationPaid extends CommandBase<'RecordCompensationPaid'> {
  claimId: string;
  amount: number;
  paidAt: string;
}
export interface RefuseCompensation extends CommandBase<'RefuseCompensation'> {
  claimId: string;
  refusedBy: CompensationAwardingBody;
  refusedAt: string;
}
export interface RecordVictimNotified extends CommandBase<'RecordVictimNotified'> {
  step: NotifiableStep;
  /** The proceeding, hearing or claim the step concerns. */
  relatesTo?: string;
  channel: NotificationChannel;
  notifiedAt: string;
}

export type ProsecutionLiaisonCommand =
  | RecordCooperationDecision
  | ReceiveLawEnforcementRequest
  | AnswerLawEnforcementRequest
  | ScheduleHearing
  | OrderProtectiveMeasures
  | ClaimCompensation
  | FlagNonPunishment
  | RecordHearingOutcome
  | OpenCriminalProceeding
  | AdvanceProceedingStage
  | RecordVerdict
  | CloseCriminalProceeding
  | RecordCompensationAwarded
  | RecordCompensationPaid
  | RefuseCompensation
  | RecordVictimNotified;

export const PROSECUTION_LIAISON_COMMAND_TYPES = [
  'RecordCooperationDecision',
  'ReceiveLawEnforcementRequest',
  'AnswerLawEnforcementRequest',
  'ScheduleHearing',
  'OrderProtectiveMeasures',
  'ClaimCompensation',
  'FlagNonPunishment',
  'RecordHearingOutcome',
  'OpenCriminalProceeding',
  'AdvanceProceedingStage',
  'RecordVerdict',
  'CloseCriminalProceeding',
  'RecordCompensationAwarded',
  'RecordCompensationPaid',
  'RefuseCompensation',
  'RecordVictimNotified',
] as const satisfies readonly ProsecutionLiaisonCommand['type'][];
