import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  FORMS_OF_EXPLOITATION,
  MEANS_OF_CONTROL,
  PERSON_AT_RISK_VULNERABILITIES,
  RECRUITER_RELATIONS,
  REFERRAL_SOURCES,
} from '@nrm/contracts';
import type {
  CountryCode,
  FormOfExploitation,
  MeanOfControl,
  PersonAtRiskVulnerability,
  RecruiterRelation,
  ReferralSource,
} from '@nrm/contracts';
import {
  IsCaseId,
  IsCode,
  IsCodeList,
  IsCountry,
  IsListOf,
  IsOneOf,
} from '@nrm/contracts/events/field-rules';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { PersonDto } from './identification.dto';

export class RegisterPersonAtRiskDto {
  @ApiProperty({ enum: REFERRAL_SOURCES }) @IsOneOf(REFERRAL_SOURCES) referralSource: ReferralSource;
  @ApiProperty({ type: PersonDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => PersonDto)
  person: PersonDto;
  @ApiProperty({
    enum: PERSON_AT_RISK_VULNERABILITIES,
    isArray: true,
    minItems: 1,
    description: 'What brings the person in (at least one)',
  })
  @IsListOf(PERSON_AT_RISK_VULNERABILITIES, { min: 1 })
  vulnerabilities: PersonAtRiskVulnerability[];
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The case of the trafficked person, for a family member',
  })
  @IsCaseId(true)
  linkedCaseId?: string;
  @ApiPropertyOptional({
    maxLength: 64,
    description:
      'A registered district (GET /api/organisation/districts); without it, the district of the ' +
      'registering user’s agency',
  })
  @IsCode(true)
  district?: string;
}

export class RegisterPersonAtRiskResponse {
  @ApiProperty() caseId: string;
  @ApiProperty() revision: number;
}

export class ConversionDto {
  @ApiProperty({
    type: [String],
    description: 'Screening indicator codes of trafficking; at least one (else 422 indicators-required)',
  })
  @IsCodeList()
  indicators: string[];
  @ApiProperty({ example: 'DE' }) @IsCountry() countryOfExploitation: CountryCode;
  @ApiProperty({ enum: FORMS_OF_EXPLOITATION, isArray: true })
  @IsListOf(FORMS_OF_EXPLOITATION, { min: 1 })
  formsOfExploitation: FormOfExploitation[];
  @ApiPropertyOptional({ enum: MEANS_OF_CONTROL, isArray: true })
  @IsOptional()
  @IsListOf(MEANS_OF_CONTROL)
  meansOfControl?: MeanOfControl[];
  @ApiPropertyOptional({ enum: RECRUITER_RELATIONS })
  @IsOneOf(RECRUITER_RELATIONS, true)
  recruiterRelation?: RecruiterRelation;
}

export class ConversionResponse {
  @ApiProperty() caseId: string;
  @ApiProperty() revision: number;
  @ApiProperty() reflectionPeriodEndsAt: string;
}
