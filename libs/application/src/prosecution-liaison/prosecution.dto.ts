import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COMPENSATION_RESPONDENTS,
  HEARING_OUTCOMES,
  LAW_ENFORCEMENT_ANSWER_OUTCOMES,
  LAW_ENFORCEMENT_REQUEST_KINDS,
  NON_PUNISHMENT_BASES,
  PROTECTIVE_MEASURES,
} from '@nrm/contracts';
import type {
  CompensationRespondent,
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
