import { Body, Controller, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiProperty,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Roles } from '@nrm/iam/access.decorators';
import { IsString, Length } from 'class-validator';
import { CaseIdPipe } from '../cases/case-id.pipe';
import { FamilyIdPipe } from '../family/member-id.pipe';
import { CallContext, RequestContext } from '../cases/command-context';
import { CommandResponse } from '../cases/command-response.dto';
import { ErasureService } from './erasure.service';

export class ErasureDto {
  @ApiProperty({ example: 'GDPR art. 17(1)(a)', maxLength: 200 })
  @IsString()
  @Length(3, 200)
  legalBasis: string;
}

@ApiTags('privacy')
@ApiBearerAuth()
@Controller('api/cases')
export class ErasureController {
  constructor(private readonly erasure: ErasureService) {}

  /** Idempotent: a repeated erasure answers 201 with the revision of the first erasure event. */
  @Post(':id/erasure')
  @Roles('admin')
  @ApiCreatedResponse({ type: CommandResponse })
  async erase(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: ErasureDto,
    @CallContext() context: RequestContext,
  ): Promise<CommandResponse> {
    const { revision } = await this.erasure.erase(caseId, body.legalBasis, context);
    return { caseId, revision };
  }

  /**
   * Erases one family member linked to the case (their key only: the victim and the other members stay
   * readable). Idempotent like the case's erasure; a member not linked to the case is refused (422
   * invalid-request).
   */
  @Post(':id/family-members/:memberId/erasure')
  @Roles('admin')
  @ApiCreatedResponse({ type: CommandResponse })
  @ApiUnprocessableEntityResponse({
    description: 'No such member is linked to the case (rule invalid-request)',
  })
  async eraseMember(
    @Param('id', CaseIdPipe) caseId: string,
    @Param('memberId', FamilyIdPipe) memberId: string,
    @Body() body: ErasureDto,
    @CallContext() context: RequestContext,
  ): Promise<CommandResponse> {
    const { revision } = await this.erasure.eraseMember(caseId, memberId, body.legalBasis, context);
    return { caseId, revision };
  }
}
