import { ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_STAGES, CaseStage } from '@nrm/read-models';
import { IsCountry, IsOneOf } from '@nrm/contracts/events/field-rules';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class CaseListQueryDto {
  @ApiPropertyOptional({ enum: CASE_STAGES }) @IsOneOf(CASE_STAGES, true) stage?: CaseStage;
  @ApiPropertyOptional({ description: 'Country of exploitation (ISO 3166-1 alpha-2)' })
  @IsCountry(true)
  country?: string;
  @ApiPropertyOptional({ description: 'Citizenship (ISO 3166-1 alpha-2, stateless or unknown)' })
  @IsOptional()
  @Matches(/^([A-Z]{2}|stateless|unknown)$/)
  citizenship?: string;
  @ApiPropertyOptional({ description: 'Only cases with (true) or without (false) an overdue deadline' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;
  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page?: number;
  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}

export class CaseDetailQueryDto {
  @ApiPropertyOptional({
    description: 'Why you open the personal data (recorded in the access log)',
    example: 'case_work',
  })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]{1,63}$/, { message: 'purpose must be a short snake_case code' })
  purpose?: string;

  @ApiPropertyOptional({
    default: true,
    description:
      'false: the case without the person, whatever the role (nothing is decrypted, nothing logged): a page ' +
      'that shows personal data only after the user states a purpose reads the case this way first',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includePerson?: boolean;
}
