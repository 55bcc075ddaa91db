import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CLOSURE_REASONS,
  LIMITS,
  MONITORING_STATUSES,
  REOPENING_REASONS,
  RISK_LEVELS,
  SERVICE_DECLINE_REASONS,
  SERVICE_KINDS,
  TEAM_LEGAL_BASES,
} from '@nrm/contracts';
import type {
  ClosureReason,
  MonitoringStatus,
  ReopeningReason,
  RiskLevel,
  ServiceDeclineReason,
  ServiceKind,
  TeamLegalBasis,
} from '@nrm/contracts';
import {
  AppliesOnlyWhen,
  IsCode,
  IsCodeList,
  IsDate,
  IsDateTime,
  IsFlag,
  IsListOf,
  IsNestedList,
  IsOneOf,
  IsText,
} from '@nrm/contracts/events/field-rules';
import { IsOptional } from 'class-validator';

export const RISK_ASSESSMENT_KINDS = ['general', 'return', 'family'] as const;
export type RiskAssessmentKind = (typeof RISK_ASSESSMENT_KINDS)[number];

export class RiskAssessmentDto {
  @ApiProperty({
    enum: RISK_ASSESSMENT_KINDS,
    description: '"return" is the return risk assessment (return officer)',
  })
  @IsOneOf(RISK_ASSESSMENT_KINDS)
  kind: RiskAssessmentKind;
  @ApiProperty({ enum: RISK_LEVELS }) @IsOneOf(RISK_LEVELS) level: RiskLevel;
  @ApiProperty({ maxLength: LIMITS.longText }) @IsText(LIMITS.longText) notes: string;
  @ApiPropertyOptional({ description: 'For kind "return" only: the family situation was assessed too' })
  @IsFlag(true)
  @AppliesOnlyWhen('kind', ['return'])
  familyAssessed?: boolean;
}

export class NeedsAssessmentDto {
  @ApiProperty({ enum: SERVICE_KINDS, isArray: true })
  @IsListOf(SERVICE_KINDS, { min: 1 })
  needs: ServiceKind[];
  @ApiPropertyOptional({ maxLength: LIMITS.longText }) @IsText(LIMITS.longText, true) notes?: string;
}

export class ServiceLineDto {
  @ApiProperty({ enum: SERVICE_KINDS }) @IsOneOf(SERVICE_KINDS) kind: ServiceKind;
  @ApiPropertyOptional({ description: 'Provider agency code: the service is referred to it at once' })
  @IsCode(true)
  provider?: string;
  @ApiPropertyOptional({
    type: [String],
    maxItems: LIMITS.smallList,
    description: 'Family members linked to the case whom the service serves (their memberIds)',
  })
  @IsOptional()
  @IsCodeList(LIMITS.smallList)
  memberIds?: string[];
}

export class AssistancePlanDto {
  @ApiProperty({ type: [ServiceLineDto] })
  @IsNestedList(() => ServiceLineDto, { min: 1, max: LIMITS.smallList })
  services: ServiceLineDto[];
}

export class PlanResponse {
  @ApiProperty() caseId: string;
  @ApiProperty() revision: number;
  @ApiProperty() planId: string;
  @ApiProperty({ description: 'service ids, in the order of the request' }) serviceIds: string[];
}

export class ServiceReferralDto {
  @ApiProperty({ enum: SERVICE_KINDS }) @IsOneOf(SERVICE_KINDS) kind: ServiceKind;
  @ApiProperty({ description: 'Provider agency code' }) @IsCode() provider: string;
}

export class ServiceReferralResponse {
  @ApiProperty() caseId: string;
  @ApiProperty() revision: number;
  @ApiProperty() serviceId: string;
}

export class ServiceDeclineDto {
  @ApiProperty({ enum: SERVICE_DECLINE_REASONS })
  @IsOneOf(SERVICE_DECLINE_REASONS)
  reason: ServiceDeclineReason;
}

export class ServiceDeliveryDto {
  @ApiPropertyOptional() @IsDateTime(true) deliveredAt?: string;
}

export class MonitoringDto {
  @ApiProperty({ enum: MONITORING_STATUSES }) @IsOneOf(MONITORING_STATUSES) status: MonitoringStatus;
  @ApiPropertyOptional({ maxLength: LIMITS.longText }) @IsText(LIMITS.longText, true) notes?: string;
  @ApiPropertyOptional({
    example: '2025-06-30',
    description:
      "YYYY-MM-DD: the next monitoring visit is due that day (midnight UTC), listed among the case's " +
      'deadlines (kind monitoring_visit) until the next visit is recorded or the case closes. Must be ' +
      "after this visit (else 422, rule invalid-request); absent: the next visit falls due the country's " +
      'monitoring interval after this one (NRM_DEADLINE_DAYS, 90 days by default).',
  })
  @IsDate(true)
  nextVisitDue?: string;
}

export class ClosureDto {
  @ApiProperty({ enum: CLOSURE_REASONS }) @IsOneOf(CLOSURE_REASONS) reason: ClosureReason;
}

export class ReopeningDto {
  @ApiProperty({ enum: REOPENING_REASONS }) @IsOneOf(REOPENING_REASONS) reason: ReopeningReason;
  @ApiPropertyOptional({ maxLength: LIMITS.longText, description: 'Why, in words (personal data)' })
  @IsText(LIMITS.longText, true)
  note?: string;
}

export class TeamMemberDto {
  @ApiProperty({
    description: 'Agency code joining the multidisciplinary team: its operators then see the case',
    example: 'shelter-ngo-2',
  })
  @IsCode()
  agency: string;
  @ApiPropertyOptional({
    enum: TEAM_LEGAL_BASES,
    description:
      'The legal basis the agency joins under when no assistance consent covers it (vital interest, ' +
      'child protection, a court or prosecutor order, a legal obligation); without one, an active ' +
      'assistance consent must cover the agency (422 agency-consent-required). An agency that joined ' +
      'under consent leaves the case when that consent is withdrawn or refused; one under a legal basis stays.',
  })
  @IsOneOf(TEAM_LEGAL_BASES, true)
  legalBasis?: TeamLegalBasis;
  @ApiPropertyOptional({
    maxLength: LIMITS.longText,
    description:
      'Why the legal basis applies (personal data, encrypted); required with legalBasis, refused without one (422 invalid-request)',
  })
  @IsText(LIMITS.longText, true)
  justification?: string;
}
