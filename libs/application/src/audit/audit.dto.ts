import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { QueryGroup } from '@nrm/http/query-group';
import { IsInt, IsOptional, IsUUID, Matches, Min } from 'class-validator';

const lower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value);

export class AccessLogQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @Transform(lower) @IsUUID() caseId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @Transform(lower) @IsUUID() userId?: string;
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
