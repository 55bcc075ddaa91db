import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nrm/iam/access.decorators';
import { CaseCommands } from '../cases/case-command-bus';
import { commandAnswer } from '../cases/command-answers';
import { CaseIdPipe } from '../cases/case-id.pipe';
import { CaseCommandRoute } from '../cases/case-command-route';
import { CommandMetadata } from '../cases/command-metadata';
import { CommandResponse } from '../cases/command-response.dto';
import { CommandContext } from '../cases/command-context';
import { ProblemException } from '@nrm/http/problem';
import {
  CompensationClaimDto,
  CompensationClaimResponse,
  CooperationDecisionDto,
  HearingDto,
  HearingOutcomeDto,
  HearingResponse,
  LawEnforcementAnswerDto,
  LawEnforcementRequestDto,
  LawEnforcementRequestResponse,
  NonPunishmentDto,
  ProtectiveMeasuresDto,
} from './prosecution.dto';

const ID = /^[0-9a-f-]{36}$/i;

@ApiTags('prosecution-liaison')
@ApiBearerAuth()
@CaseCommandRoute()
@Controller('api/cases/:id')
@Roles('prosecution_liaison')
export class ProsecutionController {
  constructor(private readonly commands: CaseCommands) {}

  @Post('cooperation-decision')
  @ApiCreatedResponse({ type: CommandResponse })
  async cooperation(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: CooperationDecisionDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(
      await this.commands.send({ type: 'RecordCooperationDecision', caseId, ...body }, meta),
    );
  }

  @Post('law-enforcement-requests')
  @ApiCreatedResponse({ type: LawEnforcementRequestResponse })
  async request(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: LawEnforcementRequestDto,
    @CommandContext() meta: CommandMetadata,
  ): Promise<LawEnforcementRequestResponse> {
    const requestId = this.commands.newId();
    const result = await this.commands.send(
      { type: 'ReceiveLawEnforcementRequest', caseId, requestId, ...body },
      meta,
    );
    return { ...commandAnswer(result), requestId };
  }

  @Post('law-enforcement-requests/:requestId/answer')
  @ApiCreatedResponse({ type: CommandResponse })
  async answer(
    @Param('id', CaseIdPipe) caseId: string,
    @Param('requestId') requestId: string,
    @Body() body: LawEnforcementAnswerDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    if (!ID.test(requestId)) throw ProblemException.notFound('No such law-enforcement request');
    return commandAnswer(
      await this.commands.send(
        { type: 'AnswerLawEnforcementRequest', caseId, requestId: requestId.toLowerCase(), ...body },
        meta,
      ),
    );
  }

  @Post('hearings')
  @ApiCreatedResponse({ type: HearingResponse })
  async hearing(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: HearingDto,
    @CommandContext() meta: CommandMetadata,
  ): Promise<HearingResponse> {
    const hearingId = this.commands.newId();
    const result = await this.commands.send({ type: 'ScheduleHearing', caseId, hearingId, ...body }, meta);
    return { ...commandAnswer(result), hearingId };
  }

  @Post('hearings/:hearingId/outcome')
  @ApiCreatedResponse({ type: CommandResponse })
  async hearingOutcome(
    @Param('id', CaseIdPipe) caseId: string,
    @Param('hearingId') hearingId: string,
    @Body() body: HearingOutcomeDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    if (!ID.test(hearingId)) throw ProblemException.notFound('No such hearing');
    return commandAnswer(
      await this.commands.send(
        { type: 'RecordHearingOutcome', caseId, hearingId: hearingId.toLowerCase(), ...body },
        meta,
      ),
    );
  }

  @Post('protective-measures')
  @ApiCreatedResponse({ type: CommandResponse })
  async measures(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: ProtectiveMeasuresDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(
      await this.commands.send({ type: 'OrderProtectiveMeasures', caseId, ...body }, meta),
    );
  }

  @Post('compensation-claims')
  @ApiCreatedResponse({ type: CompensationClaimResponse })
  async compensation(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: CompensationClaimDto,
    @CommandContext() meta: CommandMetadata,
  ): Promise<CompensationClaimResponse> {
    const claimId = this.commands.newId();
    const result = await this.commands.send({ type: 'ClaimCompensation', caseId, claimId, ...body }, meta);
    return { ...commandAnswer(result), claimId };
  }

  @Post('non-punishment')
  @Roles('prosecution_liaison', 'case_manager')
  @ApiCreatedResponse({ type: CommandResponse })
  async nonPunishment(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: NonPunishmentDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(await this.commands.send({ type: 'FlagNonPunishment', caseId, ...body }, meta));
  }
}
