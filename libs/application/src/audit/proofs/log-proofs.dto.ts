import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Tree sizes are event counts; a log this size is far beyond any NRM. */
const MAX_TREE_SIZE = 1_000_000_000_000;

export class CheckpointListQueryDto {
  @ApiPropertyOptional({ minimum: 0, description: 'Only checkpoints of at least this tree size (default 0)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_TREE_SIZE)
  fromSize?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, description: 'At most this many (default 100)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({
    minimum: 1,
    description: 'Page of `limit` checkpoints (default 1): page n starts after (n - 1) * limit of them',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  page?: number;
}

export class EventProofQueryDto {
  @ApiPropertyOptional({
    minimum: 1,
    description: 'Prove against the signed checkpoint of this tree size (default: the latest)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_TREE_SIZE)
  treeSize?: number;
}

export class ConsistencyProofQueryDto {
  @ApiProperty({
    minimum: 0,
    description: 'Tree size of the older signed checkpoint (one you kept earlier)',
  })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_TREE_SIZE)
  from: number;

  @ApiPropertyOptional({
    minimum: 0,
    description: 'Tree size of the newer signed checkpoint (default: the latest)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_TREE_SIZE)
  to?: number;
}
