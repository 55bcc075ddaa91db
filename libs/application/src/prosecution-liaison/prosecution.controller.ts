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
  CompensationAwardDto,
  CompensationClaimDto,
  CompensationPaymentDto,
  CompensationRefusalDto,
  CompensationClaimResponse,
  CooperationDecisionDto,
  HearingDto,
  HearingOutcomeDto,
  HearingResponse,
  LawEnforcementAnswerDto,
  LawEnforcementRequestDto,
  LawEnforcementRequestResponse,
  NonPunishmentDto,
  ProceedingClosureDto,
  ProceedingDto,
  ProceedingResponse,
  ProceedingStageDto,
  ProtectiveMeasuresDto,
  VerdictDto,
  VictimNotificationDto,
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
    // Ids are compared in lower case, as the proceeding routes' paths are.
    const proceedingId = body.proceedingId?.toLowerCase();
    const result = await this.commands.send(
      { type: 'ScheduleHearing', caseId, hearingId, ...body, ...(proceedingId ? { proceedingId } : {}) },
      meta,
    );
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

  @Post('proceedings')
  @ApiCreatedResponse({ type: ProceedingResponse })
  async proceeding(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: ProceedingDto,
    @CommandContext() meta: CommandMetadata,
  ): Promise<ProceedingResponse> {
    const proceedingId = this.commands.newId();
    const result = await this.commands.send(
      { type: 'OpenCriminalProceeding', caseId, proceedingId, ...body },
      meta,
    );
    return { ...commandAnswer(result), proceedingId };
  }

  @Post('proceedings/:proceedingId/stage')
  @ApiCreatedResponse({ type: CommandResponse })
  async proceedingStage(
    @Param('id', CaseIdPipe) caseId: string,
    @Param('proceedingId') proceedingId: string,
    @Body() body: ProceedingStageDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(
      await this.commands.send(
        { type: 'AdvanceProceedingStage', caseId, proceedingId: proceedingPath(proceedingId), ...body },
        meta,
      ),
    );
  }

  @Post('proceedings/:proceedingId/verdict')
  @ApiCreatedResponse({ type: CommandResponse })
  async verdict(
    @Param('id', CaseIdPipe) caseId: string,
    @Param('proceedingId') proceedingId: string,
    @Body() body: VerdictDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(
      await this.commands.send(
        { type: 'RecordVerdict', caseId, proceedingId: proceedingPath(proceedingId), ...body },
        meta,
      ),
    );
  }

  @Post('proceedings/:proceedingId/closure')
  @ApiCreatedResponse({ type: CommandResponse })
  async proceedingClosure(
    @Param('id', CaseIdPipe) caseId: string,
    @Param('proceedingId') proceedingId: string,
    @Body() body: ProceedingClosureDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(
      await this.commands.send(
        { type: 'CloseCriminalProceeding', caseId, proceedingId: proceedingPath(proceedingId), ...body },
        meta,
      ),
    );
  }

  @Post('compensation-claims/:claimId/award')
  @ApiCreatedResponse({ type: CommandResponse })
  async compensationAward(
    @Param('id', CaseIdPipe) caseId: string,
    @Param('claimId') claimId: string,
    @Body() body: CompensationAwardDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(
      await this.commands.send(
        { type: 'RecordCompensationAwarded', caseId, claimId: claimPath(claimId), ...body },
        meta,
      ),
    );
  }

  @Post('compensation-claims/:claimId/payments')
  @ApiCreatedResponse({ type: CommandResponse })
  async compensationPayment(
    @Param('id', CaseIdPipe) caseId: string,
    @Param('claimId') claimId: string,
    @Body() body: CompensationPaymentDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(
      await this.commands.send(
        { type: 'RecordCompensationPaid', caseId, claimId: claimPath(claimId), ...body },
        meta,
      ),
    );
  }

  @Post('compensation-claims/:claimId/refusal')
  @ApiCreatedResponse({ type: CommandResponse })
  async compensationRefusal(
    @Param('id', CaseIdPipe) caseId: string,
    @Param('claimId') claimId: string,
    @Body() body: CompensationRefusalDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(
      await this.commands.send(
        { type: 'RefuseCompensation', caseId, claimId: claimPath(claimId), ...body },
        meta,
      ),
    );
  }

  /** Whoever told the victim records it: the prosecution liaison or the case manager. */
  @Post('victim-notifications')
  @Roles('prosecution_liaison', 'case_manager')
  @ApiCreatedResponse({ type: CommandResponse })
  async victimNotification(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: VictimNotificationDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(await this.commands.send({ type: 'RecordVictimNotified', caseId, ...body }, meta));
  }
}

/** Proceedings and claims get server-made ids: anything else names none (404). */
function proceedingPath(proceedingId: string): string {
  if (!ID.test(proceedingId)) throw ProblemException.notFound('No such criminal proceeding');
  return proceedingId.toLowerCase();
}

function claimPath(claimId: string): string {
  if (!ID.test(claimId)) throw ProblemException.notFound('No such compensation claim');
  return claimId.toLowerCase();
}
