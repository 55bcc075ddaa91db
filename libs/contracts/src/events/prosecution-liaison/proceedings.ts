import { IsString, Matches, MaxLength } from 'class-validator';
import {
  CRIMINAL_CHARGES,
  PROCEEDING_AUTHORITIES,
  PROCEEDING_CLOSURE_REASONS,
  PROCEEDING_STAGES,
  VERDICT_OUTCOMES,
  type CriminalCharge,
  type ProceedingAuthority,
  type ProceedingClosureReason,
  type ProceedingStage,
  type VerdictOutcome,
} from '../../taxonomies/prosecution';
import { IsCode, IsDate, IsFlag, IsListOf, IsOneOf, LIMITS } from '../field-rules';

/** A file number as prosecutors and courts write it (e.g. `1-123/2025`, `2025.07.01-ab`): no spaces, no names. */
export const PROCEEDING_REFERENCE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:/-]*$/;

/**
 * The prosecution's or court's number of the criminal file: an identifier of the proceeding against the
 * defendants, kept in `data` like a handover's sharedCaseRef (docs/events.md says why).
 */
export const IsProceedingReference = (): PropertyDecorator => (target, key) => {
  IsString()(target, key);
  MaxLength(LIMITS.code)(target, key);
  Matches(PROCEEDING_REFERENCE_PATTERN, {
    message: '$property must be a file number (letters, digits, _ . : / -)',
  })(target, key);
};

/** A criminal proceeding in which the victim is a party or a witness. */
export class CriminalProceedingOpenedData {
  @IsCode() proceedingId: string;
  @IsProceedingReference() reference: string;
  @IsOneOf(PROCEEDING_STAGES) stage: ProceedingStage;
  @IsOneOf(PROCEEDING_AUTHORITIES) authority: ProceedingAuthority;
  @IsDate() openedAt: string;
}
export interface CriminalProceedingOpened {
  type: 'CriminalProceedingOpened';
  data: CriminalProceedingOpenedData;
}

export class ProceedingStageAdvancedData {
  @IsCode() proceedingId: string;
  @IsOneOf(PROCEEDING_STAGES) stage: ProceedingStage;
  @IsOneOf(PROCEEDING_AUTHORITIES) authority: ProceedingAuthority;
  @IsDate() advancedAt: string;
}
export interface ProceedingStageAdvanced {
  type: 'ProceedingStageAdvanced';
  data: ProceedingStageAdvancedData;
}

export class VerdictRecordedData {
  @IsCode() proceedingId: string;
  @IsOneOf(VERDICT_OUTCOMES) outcome: VerdictOutcome;
  @IsListOf(CRIMINAL_CHARGES, { min: 1 }) charges: CriminalCharge[];
  @IsDate() decidedAt: string;
  /** No appeal lies against it (true), or it may still be appealed (false). */
  @IsFlag() final: boolean;
}
export interface VerdictRecorded {
  type: 'VerdictRecorded';
  data: VerdictRecordedData;
}

export class ProceedingClosedData {
  @IsCode() proceedingId: string;
  @IsOneOf(PROCEEDING_CLOSURE_REASONS) reason: ProceedingClosureReason;
  @IsDate() closedAt: string;
}
export interface ProceedingClosed {
  type: 'ProceedingClosed';
  data: ProceedingClosedData;
}

export type ProceedingEvent =
  CriminalProceedingOpened | ProceedingStageAdvanced | VerdictRecorded | ProceedingClosed;
