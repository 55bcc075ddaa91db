import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  CASE_KINDS,
  CASE_LIST_SORTS,
  CASE_STAGES,
  CaseKind,
  CaseListSort,
  CaseStage,
  DEFAULT_CASE_LIST_SORT,
  DEFAULT_SORT_ORDER,
  MAX_DUE_WITHIN_DAYS,
  SORT_ORDERS,
  SortOrder,
} from '@nrm/read-models';
import { IsCode, IsCountry, IsOneOf } from '@nrm/contracts/events/field-rules';
import { Transform, Type } from 'class-transformer';
import { AS_OF_PATTERN } from './past/as-of';
import { MAX_CHANGES_PER_ANSWER } from './past/case-changes';
import { IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/** The largest revision a query names (as ?asOf= allows nine digits). */
const MAX_REVISION = 999_999_999;

/** A query string's 'true' or 'false' as a boolean; anything else stays, for IsBoolean to refuse. */
const queryBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

/** `agency=`: the same filter on the case list and on the caseload summary. */
const AgencyFilter = () =>
  applyDecorators(
    ApiPropertyOptional({
      description:
        'Only cases this agency (code) is involved in; for an operator, within the cases of their own agency',
      example: 'shelter-ngo-2',
    }),
    (target: object, key: string | symbol) => IsCode(true)(target, String(key)),
  );

/** `mine=`: the same filter on the case list and on the caseload summary. */
const MineFilter = () =>
  applyDecorators(
    ApiPropertyOptional({
      description:
        'Only the cases the caller acted on (recorded at least one of their events): their own caseload, ' +
        'within the same scope; false or absent: every case in scope',
    }),
    IsOptional(),
    Transform(queryBoolean),
    IsBoolean(),
  );

export class CaseListQueryDto {
  @ApiPropertyOptional({ enum: CASE_STAGES }) @IsOneOf(CASE_STAGES, true) stage?: CaseStage;
  @ApiPropertyOptional({ description: 'Country of exploitation (ISO 3166-1 alpha-2)' })
  @IsCountry(true)
  country?: string;
  @ApiPropertyOptional({ description: 'Citizenship (ISO 3166-1 alpha-2, stateless or unknown)' })
  @IsOptional()
  @Matches(/^([A-Z]{2}|stateless|unknown)$/)
  citizenship?: string;
  @ApiPropertyOptional({ description: 'The district the case was registered in (a district code)' })
  @IsCode(true)
  district?: string;
  @ApiPropertyOptional({ description: 'Only cases with (true) or without (false) an overdue deadline' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  overdue?: boolean;
  @ApiPropertyOptional({
    description: 'Only cases whose person is (true) or is not (false) presumed a minor',
  })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  presumedMinor?: boolean;
  @ApiPropertyOptional({
    enum: CASE_KINDS,
    description: 'Only presumed victims’ cases (converted ones included) or only people at risk’s',
  })
  @IsOneOf(CASE_KINDS, true)
  kind?: CaseKind;
  @AgencyFilter()
  agency?: string;
  @MineFilter()
  mine?: boolean;
  @ApiPropertyOptional({
    enum: CASE_LIST_SORTS,
    default: DEFAULT_CASE_LIST_SORT,
    description:
      'Order by; stage follows the catalogue’s order of stages. Cases without the value come last, ties by case id',
  })
  @IsOneOf(CASE_LIST_SORTS, true)
  sort?: CaseListSort;
  @ApiPropertyOptional({ enum: SORT_ORDERS, default: DEFAULT_SORT_ORDER })
  @IsOneOf(SORT_ORDERS, true)
  order?: SortOrder;
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

export class CaseloadQueryDto {
  @AgencyFilter()
  agency?: string;
  @MineFilter()
  mine?: boolean;
  @ApiPropertyOptional({
    default: 14,
    minimum: 1,
    maximum: MAX_DUE_WITHIN_DAYS,
    description: 'dueSoon lists the deadlines due within this many days, and every overdue one',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_DUE_WITHIN_DAYS)
  dueWithinDays?: number;
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
  @Transform(queryBoolean)
  @IsBoolean()
  includePerson?: boolean;

  @ApiPropertyOptional({
    description:
      'The case as it was: after this revision (0 is the registration), or at this ISO 8601 date-time ' +
      '(after the last event that occurred by then), folded from the event log; 404 past the last ' +
      'revision or before the registration. Personal data under the same rules as the live view',
    example: '3',
    pattern: AS_OF_PATTERN.source,
  })
  @IsOptional()
  @Matches(AS_OF_PATTERN, { message: 'asOf must be a revision or an ISO 8601 date-time with offset' })
  asOf?: string;
}

export class CaseChangesQueryDto {
  @ApiPropertyOptional({
    minimum: 0,
    description: 'Exclusive: changes after this revision (absent: from the registration on)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_REVISION)
  from?: number;

  @ApiPropertyOptional({
    minimum: 0,
    description: `Inclusive: up to this revision (absent: the last, at most ${MAX_CHANGES_PER_ANSWER} events on)`,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_REVISION)
  to?: number;
}
