import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Matches, Min, ValidateIf } from 'class-validator';

const lower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value);

export class AccessLogQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @Transform(lower) @IsUUID() caseId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @Transform(lower) @IsUUID() userId?: string;
}

export class VerifyQueryDto {
  @ApiPropertyOptional({ description: 'Size of a tree head you kept earlier (with knownRoot)' })
  @ValidateIf((q: VerifyQueryDto) => q.knownRoot !== undefined || q.knownSize !== undefined)
  @Type(() => Number)
  @IsInt()
  @Min(0)
  knownSize?: number;

  @ApiPropertyOptional({ description: 'Root (hex) of that tree head: the log must still contain it' })
  @ValidateIf((q: VerifyQueryDto) => q.knownRoot !== undefined || q.knownSize !== undefined)
  @Matches(/^[0-9a-f]{64}$/, { message: 'knownRoot must be 64 lower-case hex digits' })
  knownRoot?: string;
}
