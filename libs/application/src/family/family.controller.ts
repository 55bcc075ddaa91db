import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nrm/iam/access.decorators';
import { CaseCommands } from '../cases/case-command-bus';
import { CaseCommandRoute } from '../cases/case-command-route';
import { CaseIdPipe } from '../cases/case-id.pipe';
import { commandAnswer } from '../cases/command-answers';
import { CommandContext } from '../cases/command-context';
import { CommandMetadata } from '../cases/command-metadata';
import { CommandResponse } from '../cases/command-response.dto';
import {
  FamilyAssessmentDto,
  FamilyMemberDto,
  FamilyMemberResponse,
  FamilyReunificationRefusalDto,
  FamilyTracingDto,
  FamilyTracingOutcomeDto,
  FamilyTracingResponse,
  MemberBestInterestsDto,
  MemberGuardianDto,
  ParentageConclusionDto,
  ParentageRecognitionDto,
  ParentageRecognitionResponse,
  ParentageStepDto,
} from './family.dto';
import { FamilyIdPipe } from './member-id.pipe';

/**
 * The victim's family members linked to the case (each a data subject of their own), the child rules
 * for child members, the family assessment, parentage recognition (assistance), and family tracing and
 * reunification (return and reintegration). Erasing one member is the erasure routes' (admin).
 */
@ApiTags('family')
@ApiBearerAuth()
@CaseCommandRoute()
@Controller('api/cases/:id/family-members')
export class FamilyController {
  constructor(private readonly commands: CaseCommands) {}

  @Post()
  @Roles('case_manager')
  @ApiCreatedResponse({ type: FamilyMemberResponse })
  async link(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: FamilyMemberDto,
    @CommandContext() meta: CommandMetadata,
  ): Promise<FamilyMemberResponse> {
    const memberId = this.commands.newId();
    const result = await this.commands.send({ type: 'LinkFamilyMember', caseId, memberId, ...body }, meta);
    return { ...commandAnswer(result), memberId };
  }

  @Post('assessments')
  @Roles('case_manager')
  @ApiCreatedResponse({ type: CommandResponse })
  async assess(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: FamilyAssessmentDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(await this.commands.send({ type: 'AssessFamily', caseId, ...body }, meta));
  }

  @Post(':memberId/guardian')
  @Roles('case_manager', 'identification_officer')
  @ApiCreatedResponse({ type: CommandResponse })
  async guardian(
    @Param('id', CaseIdPipe) caseId: string,
    @Param('memberId', FamilyIdPipe) memberId: string,
    @Body() body: MemberGuardianDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(
      await this.commands.send({ type: 'AppointMemberGuardian', caseId, memberId, ...body }, meta),
    );
  }

  @Post(':memberId/best-interests-determination')
  @Roles('case_manager')
  @ApiCreatedResponse({ type: CommandResponse })
  async bestInterests(
    @Param('id', CaseIdPipe) caseId: string,
    @Param('memberId', FamilyIdPipe) memberId: string,
    @Body() body: MemberBestInterestsDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(
      await this.commands.send({ type: 'DetermineMemberBestInterests', caseId, memberId, ...body }, meta),
    );
  }

  @Post(':memberId/parentage-recognitions')
  @Roles('case_manager')
  @ApiCreatedResponse({ type: ParentageRecognitionResponse })
  async startParentage(
    @Param('id', CaseIdPipe) caseId: string,
    @Param('memberId', FamilyIdPipe) memberId: string,
    @Body() body: ParentageRecognitionDto,
    @CommandContext() meta: CommandMetadata,
  ): Promise<ParentageRecognitionResponse> {
    const proceedingId = this.commands.newId();
    const result = await this.commands.send(
      { type: 'StartParentageRecognition', caseId, memberId, proceedingId, authority: body.authority },
      meta,
    );
    return { ...commandAnswer(result), proceedingId };
  }

  @Post('parentage-recognitions/:proceedingId/steps')
  @Roles('case_manager')
  @ApiCreatedResponse({ type: CommandResponse })
  async parentageStep(
    @Param('id', CaseIdPipe) caseId: string,
    @Param('proceedingId', FamilyIdPipe) proceedingId: string,
    @Body() body: ParentageStepDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(
      await this.commands.send({ type: 'RecordParentageStep', caseId, proceedingId, ...body }, meta),
    );
  }

  @Post('parentage-recognitions/:proceedingId/conclusion')
  @Roles('case_manager')
  @ApiCreatedResponse({ type: CommandResponse })
  async concludeParentage(
    @Param('id', CaseIdPipe) caseId: string,
    @Param('proceedingId', FamilyIdPipe) proceedingId: string,
    @Body() body: ParentageConclusionDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(
      await this.commands.send(
        { type: 'ConcludeParentageRecognition', caseId, proceedingId, outcome: body.outcome },
        meta,
      ),
    );
  }

  @Post(':memberId/tracings')
  @Roles('return_officer', 'case_manager')
  @ApiCreatedResponse({ type: FamilyTracingResponse })
  async requestTracing(
    @Param('id', CaseIdPipe) caseId: string,
    @Param('memberId', FamilyIdPipe) memberId: string,
    @Body() body: FamilyTracingDto,
    @CommandContext() meta: CommandMetadata,
  ): Promise<FamilyTracingResponse> {
    const tracingId = this.commands.newId();
    const result = await this.commands.send(
      { type: 'RequestFamilyTracing', caseId, memberId, tracingId, country: body.country },
      meta,
    );
    return { ...commandAnswer(result), tracingId };
  }

  @Post('tracings/:tracingId/outcome')
  @Roles('return_officer', 'case_manager')
  @ApiCreatedResponse({ type: CommandResponse })
  async tracingOutcome(
    @Param('id', CaseIdPipe) caseId: string,
    @Param('tracingId', FamilyIdPipe) tracingId: string,
    @Body() body: FamilyTracingOutcomeDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(
      await this.commands.send({ type: 'RecordFamilyTracingOutcome', caseId, tracingId, ...body }, meta),
    );
  }

  @Post('tracings/:tracingId/reunification')
  @Roles('return_officer', 'case_manager')
  @ApiCreatedResponse({ type: CommandResponse })
  async reunify(
    @Param('id', CaseIdPipe) caseId: string,
    @Param('tracingId', FamilyIdPipe) tracingId: string,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(await this.commands.send({ type: 'ReunifyFamily', caseId, tracingId }, meta));
  }

  @Post('tracings/:tracingId/reunification-refusal')
  @Roles('return_officer', 'case_manager')
  @ApiCreatedResponse({ type: CommandResponse })
  async refuseReunification(
    @Param('id', CaseIdPipe) caseId: string,
    @Param('tracingId', FamilyIdPipe) tracingId: string,
    @Body() body: FamilyReunificationRefusalDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(
      await this.commands.send({ type: 'RefuseFamilyReunification', caseId, tracingId, ...body }, meta),
    );
  }
}
