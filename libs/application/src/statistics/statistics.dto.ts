import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOneOf } from '@nrm/contracts/events/field-rules';
import type { StatisticsPeriod } from '@nrm/read-models';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const STATISTICS_PERIODS = ['year', 'quarter'] as const;
/** Years a query may name: wide enough for any mechanism's history, narrow enough to bound the work. */
export const FIRST_STATISTICS_YEAR = 2000;
export const LAST_STATISTICS_YEAR = 2100;

/**
 * Only fixed buckets can be asked for (calendar years and their quarters), never a date range or a
 * filter: two queries can only differ by whole years, which are protected one by one.
 */
export class StatisticsQueryDto {
  @ApiPropertyOptional({ enum: STATISTICS_PERIODS, description: 'Columns per year (default) or per quarter' })
  @IsOneOf(STATISTICS_PERIODS, true)
  period?: StatisticsPeriod;

  @ApiPropertyOptional({
    minimum: FIRST_STATISTICS_YEAR,
    maximum: LAST_STATISTICS_YEAR,
    description: 'First calendar year (default: the first with data)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(FIRST_STATISTICS_YEAR)
  @Max(LAST_STATISTICS_YEAR)
  from?: number;

  @ApiPropertyOptional({
    minimum: FIRST_STATISTICS_YEAR,
    maximum: LAST_STATISTICS_YEAR,
    description: 'Last calendar year (default and at most: the last closed year)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(FIRST_STATISTICS_YEAR)
  @Max(LAST_STATISTICS_YEAR)
  to?: number;
}
