import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AGE_ASSESSMENT_METHODS,
  CONSENT_PURPOSES,
  DECIDING_BODIES,
  FORMS_OF_EXPLOITATION,
  IDENTIFICATION_DECISIONS,
  IDENTIFICATION_REVIEW_KINDS,
  IDENTIFICATION_REVIEW_OUTCOMES,
  CITIZENSHIPS,
  LIMITS,
  MEANS_OF_CONTROL,
  RECRUITER_RELATIONS,
  REFERRAL_SOURCES,
  SEXES,
} from '@nrm/contracts';
import type {
  AgeAssessmentMethod,
  Citizenship,
  ConsentPurpose,
  CountryCode,
  DecidingBody,
  FormOfExploitation,
  IdentificationDecision,
  IdentificationReviewKind,
  IdentificationReviewOutcome,
  MeanOfControl,
  RecruiterRelation,
  ReferralSource,
  Sex,
} from '@nrm/contracts';
import {
  IsCode,
  IsCodeList,
  IsCountry,
  IsDate,
  IsDateTime,
  IsFlag,
  IsListOf,
  IsOneOf,
  IsRecipient,
  IsText,
} from '@nrm/contracts/events/field-rules';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsObject, IsOptional, ValidateNested } from 'class-validator';

/** The person: the name pair, or a pseudonym for a person who will not (yet) give their name. */
export class PersonDto {
  // Exactly one of the name pair or the pseudonym: a rule the schema does not state, so a request that
  // breaks it is well formed and answers 422 invalid-request (the registration's decider).
  @ApiPropertyOptional({
    maxLength: LIMITS.name,
    description: 'Required unless a pseudonym is given (else 422 invalid-request)',
  })
  @IsText(LIMITS.name, true)
  givenName?: string;
  @ApiPropertyOptional({
    maxLength: LIMITS.name,
    description: 'Required unless a pseudonym is given (else 422 invalid-request)',
  })
  @IsText(LIMITS.name, true)
  familyName?: string;
  @ApiPropertyOptional({
    maxLength: LIMITS.name,
    description:
      'For a person who will not (yet) give their name, instead of givenName and familyName (never with ' +
      'them: 422 invalid-request); personal data. POST /api/cases/{id}/identity records the identity later.',
  })
  @IsText(LIMITS.name, true)
  pseudonym?: string;
  @ApiProperty({ enum: SEXES }) @IsOneOf(SEXES) sex: Sex;
  @ApiPropertyOptional({ example: '2008-04-17', description: 'YYYY-MM-DD (an estimate when ageUncertain)' })
  @IsDate(true)
  dateOfBirth?: string;
  @ApiPropertyOptional() @IsFlag(true) ageUncertain?: boolean;
  @ApiPropertyOptional({ description: 'Reasons to believe the person is a child (presumption of minority)' })
  @IsFlag(true)
  reasonsToBelieveChild?: boolean;
  @ApiProperty({ example: 'MD', description: 'ISO 3166-1 alpha-2, "stateless" or "unknown"' })
  @IsIn(CITIZENSHIPS, { message: 'citizenship must be an ISO 3166-1 alpha-2 code, stateless or unknown' })
  citizenship: Citizenship;
}

export class RegisterCaseDto {
  @ApiProperty({ enum: REFERRAL_SOURCES }) @IsOneOf(REFERRAL_SOURCES) referralSource: ReferralSource;
  @ApiProperty({ type: PersonDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => PersonDto)
  person: PersonDto;
  @ApiProperty({ example: 'DE' }) @IsCountry() countryOfExploitation: CountryCode;
  @ApiProperty({ enum: FORMS_OF_EXPLOITATION, isArray: true })
  @IsListOf(FORMS_OF_EXPLOITATION, { min: 1 })
  formsOfExploitation: FormOfExploitation[];
  @ApiPropertyOptional({ type: [String], description: 'Screening indicator codes' })
  @IsOptional()
  @IsCodeList()
  indicators?: string[];
  @ApiPropertyOptional({ enum: MEANS_OF_CONTROL, isArray: true })
  @IsOptional()
  @IsListOf(MEANS_OF_CONTROL)
  meansOfControl?: MeanOfControl[];
  @ApiPropertyOptional({ enum: RECRUITER_RELATIONS })
  @IsOneOf(RECRUITER_RELATIONS, true)
  recruiterRelation?: RecruiterRelation;
  @ApiPropertyOptional({
    maxLength: 64,
    description:
      'A registered district (GET /api/organisation/districts); without it, the district of the ' +
      'registering user’s agency',
  })
  @IsCode(true)
  district?: string;
}

export class RegisterCaseResponse {
  @ApiProperty() caseId: string;
  @ApiProperty() revision: number;
  @ApiProperty() reflectionPeriodEndsAt: string;
}

export class ConsentDto {
  @ApiProperty({ enum: CONSENT_PURPOSES }) @IsOneOf(CONSENT_PURPOSES) purpose: ConsentPurpose;
  @ApiPropertyOptional({
    description: 'Partner country (ISO alpha-2) or agency code; required for data_sharing',
  })
  @IsRecipient(true)
  recipient?: string;
  @ApiProperty() @IsFlag() granted: boolean;
}

export class IdentificationDecisionDto {
  @ApiProperty({ enum: IDENTIFICATION_DECISIONS })
  @IsOneOf(IDENTIFICATION_DECISIONS)
  decision: IdentificationDecision;
  @ApiPropertyOptional({ enum: FORMS_OF_EXPLOITATION, isArray: true })
  @IsOptional()
  @IsListOf(FORMS_OF_EXPLOITATION, { min: 1 })
  formsOfExploitation?: FormOfExploitation[];
  @ApiPropertyOptional({ enum: DECIDING_BODIES }) @IsOneOf(DECIDING_BODIES, true) decidingBody?: DecidingBody;
  @ApiProperty({ maxLength: LIMITS.longText }) @IsText(LIMITS.longText) reasons: string;
}

export class GuardianDto {
  @ApiProperty({ maxLength: LIMITS.name }) @IsText(LIMITS.name) name: string;
  @ApiProperty({ maxLength: LIMITS.shortText, example: 'Child Protection Authority Chisinau' })
  @IsText(LIMITS.shortText)
  authority: string;
}

export class BestInterestsDto {
  @ApiProperty({ maxLength: LIMITS.shortText }) @IsText(LIMITS.shortText) outcome: string;
  @ApiProperty({ maxLength: LIMITS.longText }) @IsText(LIMITS.longText) notes: string;
  @ApiPropertyOptional({ description: 'Whether a return is in the best interests of the child' })
  @IsFlag(true)
  returnInBestInterests?: boolean;
}

export class AgeAssessmentDto {
  @ApiProperty() @IsFlag() presumedMinor: boolean;
  @ApiProperty({ enum: AGE_ASSESSMENT_METHODS }) @IsOneOf(AGE_ASSESSMENT_METHODS) method: AgeAssessmentMethod;
}

export class ReflectionPeriodExtensionDto {
  @ApiProperty({ description: 'New end of the reflection and recovery period (ISO 8601 date-time)' })
  @IsDateTime()
  endsAt: string;
}

export class IdentificationReviewDto {
  @ApiProperty({
    enum: IDENTIFICATION_REVIEW_KINDS,
    description: 'review: by the identifying authority; appeal: by the person or their representative',
  })
  @IsOneOf(IDENTIFICATION_REVIEW_KINDS)
  kind: IdentificationReviewKind;
  @ApiProperty({ maxLength: LIMITS.longText, description: 'The grounds (personal data)' })
  @IsText(LIMITS.longText)
  grounds: string;
  @ApiPropertyOptional({
    description: 'When it was lodged (ISO 8601 date-time); defaults to now, never later',
  })
  @IsDateTime(true)
  requestedAt?: string;
}

export class IdentificationReviewDecisionDto {
  @ApiProperty({
    enum: IDENTIFICATION_REVIEW_OUTCOMES,
    description: 'overturned reverses the decision (identified ↔ not_identified)',
  })
  @IsOneOf(IDENTIFICATION_REVIEW_OUTCOMES)
  outcome: IdentificationReviewOutcome;
  @ApiPropertyOptional({ maxLength: LIMITS.longText, description: 'The reasons (personal data)' })
  @IsText(LIMITS.longText, true)
  reasons?: string;
}

export class IdentityDto {
  @ApiProperty({ maxLength: LIMITS.name }) @IsText(LIMITS.name) givenName: string;
  @ApiProperty({ maxLength: LIMITS.name }) @IsText(LIMITS.name) familyName: string;
  @ApiPropertyOptional({ example: '1999-04-17', description: 'YYYY-MM-DD' })
  @IsDate(true)
  dateOfBirth?: string;
}
