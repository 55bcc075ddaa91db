import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { DATE_OR_DATE_TIME_PATTERN } from '@nrm/contracts/events/field-rules';
import { QueryGroup } from '@nrm/http/query-group';
import { IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

const lower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value);

/**
 * A date, or a date and time with its offset (never a local time: the node's zone is nobody's); the
 * pattern admits only dates that exist, so the document's pattern and the check are the same.
 */
const INSTANT = DATE_OR_DATE_TIME_PATTERN;

export class AccessLogQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @Transform(lower) @IsUUID() caseId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @Transform(lower) @IsUUID() userId?: string;
  @ApiPropertyOptional({
    description:
      'Only reads at or after this instant: ISO 8601, a date (midnight UTC) or a date-time with Z or an offset',
    example: '2026-01-01T00:00:00.000Z',
  })
  @IsOptional()
  @Matches(INSTANT, { message: 'from must be an ISO 8601 date, or a date-time with Z or an offset' })
  from?: string;
  @ApiPropertyOptional({
    description: 'Only reads before this instant (exclusive), in the same form as from',
    example: '2026-02-01T00:00:00.000Z',
  })
  @IsOptional()
  @Matches(INSTANT, { message: 'to must be an ISO 8601 date, or a date-time with Z or an offset' })
  to?: string;
  @ApiPropertyOptional({
    minimum: 1,
    description: 'Page of the matches, oldest first (with pageSize); every match when neither is given',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page?: number;
  @ApiPropertyOptional({
    minimum: 1,
    maximum: 500,
    description: 'Entries per page (default 100 when paging)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize?: number;
}

@QueryGroup(
  'knownTreeHead',
  ['knownSize', 'knownRoot'],
  'A tree head you kept earlier (its size and root, both or neither): the log must still contain it',
)
export class VerifyQueryDto {
  @ApiPropertyOptional({ description: 'Size of a tree head you kept earlier (with knownRoot)' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  knownSize?: number;

  @ApiPropertyOptional({ description: 'Root (hex) of that tree head: the log must still contain it' })
  @Matches(/^[0-9a-f]{64}$/, { message: 'knownRoot must be 64 lower-case hex digits' })
  knownRoot?: string;
}
