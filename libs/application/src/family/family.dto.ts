import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AGE_BANDS_OR_UNKNOWN,
  FAMILY_RELATIONS,
  FAMILY_REUNIFICATION_REFUSAL_REASONS,
  FAMILY_TRACING_OUTCOMES,
  LIMITS,
  PARENTAGE_OUTCOMES,
  PARENTAGE_STEPS,
  SERVICE_KINDS,
  SEXES,
} from '@nrm/contracts';
import type {
  AgeBandOrUnknown,
  CountryCode,
  FamilyRelation,
  FamilyReunificationRefusalReason,
  FamilyTracingOutcome,
  ParentageOutcome,
  ParentageStep,
  ServiceKind,
  Sex,
} from '@nrm/contracts';
import {
  AppliesOnlyWhen,
  IsCodeList,
  IsCountry,
  IsDate,
  IsFlag,
  IsListOf,
  IsOneOf,
  IsText,
} from '@nrm/contracts/events/field-rules';

export class FamilyMemberDto {
  @ApiProperty({ enum: FAMILY_RELATIONS }) @IsOneOf(FAMILY_RELATIONS) relation: FamilyRelation;
  @ApiPropertyOptional({ description: 'A child born in the country of destination (relation "child" only)' })
  @IsFlag(true)
  @AppliesOnlyWhen('relation', ['child'])
  bornInDestination?: boolean;
  @ApiProperty({ enum: SEXES }) @IsOneOf(SEXES) sex: Sex;
  @ApiPropertyOptional({
    enum: AGE_BANDS_OR_UNKNOWN,
    description: 'Derived from the date of birth when one is given; "unknown" by default',
  })
  @IsOneOf(AGE_BANDS_OR_UNKNOWN, true)
  ageBand?: AgeBandOrUnknown;
  @ApiPropertyOptional({
    description: 'Reasons to believe the member is a child (a known age under 18 is a child anyway)',
  })
  @IsFlag(true)
  presumedMinor?: boolean;
  @ApiProperty({ maxLength: LIMITS.name }) @IsText(LIMITS.name) givenName: string;
  @ApiProperty({ maxLength: LIMITS.name }) @IsText(LIMITS.name) familyName: string;
  @ApiPropertyOptional({ example: '2024-05-01', description: 'YYYY-MM-DD' })
  @IsDate(true)
  dateOfBirth?: string;
}

export class FamilyMemberResponse {
  @ApiProperty() caseId: string;
  @ApiProperty() revision: number;
  @ApiProperty({ description: 'The new member’s id, for the member routes' }) memberId: string;
}

export class MemberGuardianDto {
  @ApiProperty({ maxLength: LIMITS.shortText, example: 'Child Protection Authority Chisinau' })
  @IsText(LIMITS.shortText)
  authority: string;
  @ApiPropertyOptional({ maxLength: LIMITS.name }) @IsText(LIMITS.name, true) name?: string;
}

export class MemberBestInterestsDto {
  @ApiProperty({ maxLength: LIMITS.shortText }) @IsText(LIMITS.shortText) outcome: string;
  @ApiPropertyOptional({ maxLength: LIMITS.longText }) @IsText(LIMITS.longText, true) notes?: string;
  @ApiPropertyOptional({
    description: 'Whether reunification with the family is in the child’s best interests',
  })
  @IsFlag(true)
  reunificationInBestInterests?: boolean;
}

export class FamilyAssessmentDto {
  @ApiProperty({
    type: [String],
    maxItems: LIMITS.list,
    description: 'Every family member linked to the case (a member left out is refused: invalid-request)',
  })
  @IsCodeList()
  memberIds: string[];
  @ApiProperty({ enum: SERVICE_KINDS, isArray: true })
  @IsListOf(SERVICE_KINDS)
  needs: ServiceKind[];
  @ApiPropertyOptional({ maxLength: LIMITS.longText }) @IsText(LIMITS.longText, true) notes?: string;
}

export class FamilyTracingDto {
  @ApiProperty({ example: 'MD', description: 'Where the family is traced (ISO 3166-1 alpha-2)' })
  @IsCountry()
  country: CountryCode;
}

export class FamilyTracingResponse {
  @ApiProperty() caseId: string;
  @ApiProperty() revision: number;
  @ApiProperty() tracingId: string;
}

export class FamilyTracingOutcomeDto {
  @ApiProperty({ enum: FAMILY_TRACING_OUTCOMES })
  @IsOneOf(FAMILY_TRACING_OUTCOMES)
  outcome: FamilyTracingOutcome;
  @ApiPropertyOptional({ maxLength: LIMITS.longText }) @IsText(LIMITS.longText, true) notes?: string;
}

export class FamilyReunificationRefusalDto {
  @ApiProperty({ enum: FAMILY_REUNIFICATION_REFUSAL_REASONS })
  @IsOneOf(FAMILY_REUNIFICATION_REFUSAL_REASONS)
  reason: FamilyReunificationRefusalReason;
  @ApiPropertyOptional({ maxLength: LIMITS.longText }) @IsText(LIMITS.longText, true) notes?: string;
}

export class ParentageRecognitionDto {
  @ApiProperty({ maxLength: LIMITS.shortText, example: 'Civil Registry Office Berlin-Mitte' })
  @IsText(LIMITS.shortText)
  authority: string;
}

export class ParentageRecognitionResponse {
  @ApiProperty() caseId: string;
  @ApiProperty() revision: number;
  @ApiProperty() proceedingId: string;
}

export class ParentageStepDto {
  @ApiProperty({ enum: PARENTAGE_STEPS }) @IsOneOf(PARENTAGE_STEPS) step: ParentageStep;
  @ApiPropertyOptional({ maxLength: LIMITS.longText }) @IsText(LIMITS.longText, true) notes?: string;
}

export class ParentageConclusionDto {
  @ApiProperty({ enum: PARENTAGE_OUTCOMES }) @IsOneOf(PARENTAGE_OUTCOMES) outcome: ParentageOutcome;
}
