import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Roles } from '@nrm/iam/access.decorators';
import { ApiOkBody } from '../../bootstrap/openapi-response-body';
import type { CheckpointPage, ConsistencyProofAnswer, EventProofAnswer } from './log-proofs.answers';
import { CheckpointListQueryDto, ConsistencyProofQueryDto, EventProofQueryDto } from './log-proofs.dto';
import { LogPositionPipe } from './log-position.pipe';
import { LogProofs } from './log-proofs.service';

/** Entries per page of the checkpoint list when no limit is given. */
const DEFAULT_CHECKPOINT_PAGE = 100;

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit')
@Roles('auditor')
export class LogProofsController {
  constructor(private readonly proofs: LogProofs) {}

  @Get('checkpoints')
  @ApiOkBody('The signed checkpoints (tree heads) of the log, by ascending size, with the node’s public key')
  async checkpoints(@Query() query: CheckpointListQueryDto): Promise<CheckpointPage> {
    return this.proofs.checkpoints(query.fromSize ?? 0, query.limit ?? DEFAULT_CHECKPOINT_PAGE, query.page);
  }

  @Get('events/:position/proof')
  @ApiNotFoundResponse({ description: 'No event at that position, or no signed checkpoint of that size' })
  @ApiConflictResponse({ description: 'The log has no signed checkpoint yet' })
  @ApiUnprocessableEntityResponse({
    description: 'The event was appended after the checkpoint of treeSize (rule invalid-request)',
  })
  @ApiOkBody('The event as logged, its inclusion proof and the signed checkpoint it leads to')
  async eventProof(
    @Param('position', LogPositionPipe) position: number,
    @Query() query: EventProofQueryDto,
  ): Promise<EventProofAnswer> {
    return this.proofs.eventProof(position, query.treeSize);
  }

  @Get('consistency')
  @ApiNotFoundResponse({ description: 'No signed checkpoint of one of those sizes' })
  @ApiConflictResponse({ description: 'The log has no signed checkpoint yet' })
  @ApiUnprocessableEntityResponse({ description: 'from is larger than to (rule invalid-request)' })
  @ApiOkBody('The proof that the older signed tree is a prefix of the newer one, with both checkpoints')
  async consistency(@Query() query: ConsistencyProofQueryDto): Promise<ConsistencyProofAnswer> {
    return this.proofs.consistencyProof(query.from, query.to);
  }
}
