import type {
  CompensationRespondent,
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

export type ProsecutionLiaisonCommand =
  | RecordCooperationDecision
  | ReceiveLawEnforcementRequest
  | AnswerLawEnforcementRequest
  | ScheduleHearing
  | OrderProtectiveMeasures
  | ClaimCompensation
  | FlagNonPunishment
  | RecordHearingOutcome;

export const PROSECUTION_LIAISON_COMMAND_TYPES = [
  'RecordCooperationDecision',
  'ReceiveLawEnforcementRequest',
  'AnswerLawEnforcementRequest',
  'ScheduleHearing',
  'OrderProtectiveMeasures',
  'ClaimCompensation',
  'FlagNonPunishment',
  'RecordHearingOutcome',
] as const satisfies readonly ProsecutionLiaisonCommand['type'][];
