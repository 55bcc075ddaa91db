import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COMPENSATION_AWARDING_BODIES,
  COMPENSATION_RESPONDENTS,
  CRIMINAL_CHARGES,
  CURRENCY_PATTERN,
  NOTIFIABLE_STEPS,
  NOTIFICATION_CHANNELS,
  PROCEEDING_AUTHORITIES,
  PROCEEDING_CLOSURE_REASONS,
  PROCEEDING_REFERENCE_PATTERN,
  PROCEEDING_STAGES,
  VERDICT_OUTCOMES,
  IsProceedingReference,
  HEARING_OUTCOMES,
  LAW_ENFORCEMENT_ANSWER_OUTCOMES,
  LAW_ENFORCEMENT_REQUEST_KINDS,
  NON_PUNISHMENT_BASES,
  PROTECTIVE_MEASURES,
} from '@nrm/contracts';
import type {
  CompensationAwardingBody,
  CompensationRespondent,
  CriminalCharge,
  NotifiableStep,
  NotificationChannel,
  ProceedingAuthority,
  ProceedingStage,
  VerdictOutcome,
  HearingOutcome,
  LawEnforcementAnswerOutcome,
  LawEnforcementRequestKind,
  NonPunishmentBasis,
  ProtectiveMeasure,
} from '@nrm/contracts';
import {
  AppliesOnlyWhen,
  IsAmount,
  IsCode,
  IsDate,
  IsDateTime,
  IsFlag,
  IsListOf,
  IsOneOf,
} from '@nrm/contracts/events/field-rules';
import { IsOptional, Matches } from 'class-validator';

export class CooperationDecisionDto {
  @ApiProperty({ description: "The victim's own decision; assistance never depends on it" })
  @IsFlag()
  willing: boolean;
}

export class LawEnforcementRequestDto {
  @ApiProperty({ description: 'Requesting agency code' }) @IsCode() agency: string;
  @ApiProperty({ enum: LAW_ENFORCEMENT_REQUEST_KINDS })
  @IsOneOf(LAW_ENFORCEMENT_REQUEST_KINDS)
  kind: LawEnforcementRequestKind;
  @ApiPropertyOptional({
    description: 'The victim asked for this contact (allowed inside the reflection period)',
  })
  @IsFlag(true)
  requestedByVictim?: boolean;
}

export class LawEnforcementRequestResponse {
  @ApiProperty() caseId: string;
  @ApiProperty() revision: number;
  @ApiProperty() requestId: string;
}

export class LawEnforcementAnswerDto {
  @ApiProperty({ enum: LAW_ENFORCEMENT_ANSWER_OUTCOMES })
  @IsOneOf(LAW_ENFORCEMENT_ANSWER_OUTCOMES)
  outcome: LawEnforcementAnswerOutcome;
  @ApiPropertyOptional({
    description: 'The answer hands case data to the agency (needs law-enforcement consent)',
  })
  @IsFlag(true)
  sharesCaseData?: boolean;
}

export class HearingDto {
  @ApiProperty() @IsDateTime() scheduledFor: string;
  @ApiProperty({ enum: PROTECTIVE_MEASURES, isArray: true })
  @IsListOf(PROTECTIVE_MEASURES)
  protectiveMeasures: ProtectiveMeasure[];
  @ApiPropertyOptional({
    description:
      'The criminal proceeding the hearing belongs to; an unknown or closed one is refused (422, invalid-transition)',
  })
  @IsCode(true)
  proceedingId?: string;
}

export class HearingResponse {
  @ApiProperty() caseId: string;
  @ApiProperty() revision: number;
  @ApiProperty() hearingId: string;
}

export class HearingOutcomeDto {
  @ApiProperty({
    enum: HEARING_OUTCOMES,
    description:
      'held is refused (422, rule protective-measures-required) while the victim last asked not to face ' +
      'the trafficker and neither video_testimony nor screening_from_defendant was ordered for the hearing',
  })
  @IsOneOf(HEARING_OUTCOMES)
  outcome: HearingOutcome;
  @ApiPropertyOptional({ description: 'Only with postponed: the new date, when known' })
  @IsDateTime(true)
  @AppliesOnlyWhen('outcome', ['postponed'])
  rescheduledFor?: string;
}

export class ProtectiveMeasuresDto {
  @ApiPropertyOptional() @IsCode(true) hearingId?: string;
  @ApiProperty({ enum: PROTECTIVE_MEASURES, isArray: true })
  @IsListOf(PROTECTIVE_MEASURES, { min: 1 })
  measures: ProtectiveMeasure[];
}

export class CompensationClaimDto {
  @ApiProperty({ enum: COMPENSATION_RESPONDENTS })
  @IsOneOf(COMPENSATION_RESPONDENTS)
  against: CompensationRespondent;
  @ApiPropertyOptional({ example: 'EUR' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code' })
  currency?: string;
  @ApiPropertyOptional()
  @IsAmount(true)
  amount?: number;
}

export class CompensationClaimResponse {
  @ApiProperty() caseId: string;
  @ApiProperty() revision: number;
  @ApiProperty() claimId: string;
}

export class NonPunishmentDto {
  @ApiProperty({ enum: NON_PUNISHMENT_BASES }) @IsOneOf(NON_PUNISHMENT_BASES) basis: NonPunishmentBasis;
}

export class ProceedingDto {
  @ApiProperty({
    description: "The prosecution's or court's file number (letters, digits, _ . : / -)",
    example: '1-123/2025',
    pattern: PROCEEDING_REFERENCE_PATTERN.source,
    maxLength: 64,
  })
  @IsProceedingReference()
  reference: string;
  @ApiProperty({ enum: PROCEEDING_STAGES }) @IsOneOf(PROCEEDING_STAGES) stage: ProceedingStage;
  @ApiProperty({ enum: PROCEEDING_AUTHORITIES, description: 'The kind of authority in charge' })
  @IsOneOf(PROCEEDING_AUTHORITIES)
  authority: ProceedingAuthority;
  @ApiProperty({ format: 'date' }) @IsDate() openedAt: string;
}

export class ProceedingResponse {
  @ApiProperty() caseId: string;
  @ApiProperty() revision: number;
  @ApiProperty() proceedingId: string;
}

export class ProceedingStageDto {
  @ApiProperty({
    enum: PROCEEDING_STAGES,
    description: 'A stage after the current one (investigation, prosecution, trial, appeal)',
  })
  @IsOneOf(PROCEEDING_STAGES)
  stage: ProceedingStage;
  @ApiProperty({ enum: PROCEEDING_AUTHORITIES })
  @IsOneOf(PROCEEDING_AUTHORITIES)
  authority: ProceedingAuthority;
  @ApiProperty({ format: 'date' }) @IsDate() advancedAt: string;
}

export class VerdictDto {
  @ApiProperty({ enum: VERDICT_OUTCOMES }) @IsOneOf(VERDICT_OUTCOMES) outcome: VerdictOutcome;
  @ApiProperty({ enum: CRIMINAL_CHARGES, isArray: true, description: 'The offences decided' })
  @IsListOf(CRIMINAL_CHARGES, { min: 1 })
  charges: CriminalCharge[];
  @ApiProperty({ format: 'date' }) @IsDate() decidedAt: string;
  @ApiProperty({ description: 'No appeal lies against it: the proceeding closes with it' })
  @IsFlag()
  final: boolean;
}

/** `final_verdict` closes a proceeding with RecordVerdict only. */
export const PROCEEDING_CLOSURE_REQUESTS = PROCEEDING_CLOSURE_REASONS.filter(
  (reason) => reason !== 'final_verdict',
) as ('verdict_not_appealed' | 'other')[];

export class ProceedingClosureDto {
  @ApiProperty({
    enum: PROCEEDING_CLOSURE_REQUESTS,
    description: 'verdict_not_appealed needs a verdict recorded (422, invalid-transition)',
  })
  @IsOneOf(PROCEEDING_CLOSURE_REQUESTS)
  reason: 'verdict_not_appealed' | 'other';
  @ApiProperty({ format: 'date' }) @IsDate() closedAt: string;
}

export class CompensationAwardDto {
  @ApiProperty() @IsAmount() amount: number;
  @ApiProperty({ example: 'EUR' })
  @Matches(CURRENCY_PATTERN, { message: 'currency must be an ISO 4217 code' })
  currency: string;
  @ApiProperty({ enum: COMPENSATION_AWARDING_BODIES })
  @IsOneOf(COMPENSATION_AWARDING_BODIES)
  awardedBy: CompensationAwardingBody;
  @ApiProperty({ format: 'date' }) @IsDate() awardedAt: string;
}

export class CompensationPaymentDto {
  @ApiProperty({
    description:
      "In the award's currency; more than 0, and all payments together at most the award (422, invalid-request)",
  })
  @IsAmount()
  amount: number;
  @ApiProperty({ format: 'date' }) @IsDate() paidAt: string;
}

export class CompensationRefusalDto {
  @ApiProperty({ enum: COMPENSATION_AWARDING_BODIES })
  @IsOneOf(COMPENSATION_AWARDING_BODIES)
  refusedBy: CompensationAwardingBody;
  @ApiProperty({ format: 'date' }) @IsDate() refusedAt: string;
}

export class VictimNotificationDto {
  @ApiProperty({ enum: NOTIFIABLE_STEPS }) @IsOneOf(NOTIFIABLE_STEPS) step: NotifiableStep;
  @ApiPropertyOptional({
    description:
      'The proceeding, hearing or compensation claim the step concerns (required except for ' +
      'offender_released, offender_escaped and other); the step must have happened (422, invalid-transition)',
  })
  @IsCode(true)
  relatesTo?: string;
  @ApiProperty({ enum: NOTIFICATION_CHANNELS }) @IsOneOf(NOTIFICATION_CHANNELS) channel: NotificationChannel;
  @ApiProperty({ format: 'date' }) @IsDate() notifiedAt: string;
}
