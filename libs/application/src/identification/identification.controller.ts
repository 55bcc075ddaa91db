import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { ReplyHeaders } from '@nrm/http/reply-headers';
import { Roles } from '@nrm/iam/access.decorators';
import { CaseCommands } from '../cases/case-command-bus';
import { OrganisationRegistry } from '../organisation/organisation-registry';
import { commandAnswer } from '../cases/command-answers';
import { CaseIdPipe } from '../cases/case-id.pipe';
import { CaseCommandRoute } from '../cases/case-command-route';
import { CommandMetadata } from '../cases/command-metadata';
import { CommandResponse } from '../cases/command-response.dto';
import { CommandContext } from '../cases/command-context';
import {
  AgeAssessmentDto,
  BestInterestsDto,
  ConsentDto,
  GuardianDto,
  IdentificationDecisionDto,
  IdentificationReviewDecisionDto,
  IdentificationReviewDto,
  IdentityDto,
  ReflectionPeriodExtensionDto,
  RegisterCaseDto,
  RegisterCaseResponse,
} from './identification.dto';

@ApiTags('identification')
@ApiBearerAuth()
@CaseCommandRoute()
@Controller('api/cases')
export class IdentificationController {
  constructor(
    private readonly commands: CaseCommands,
    private readonly organisation: OrganisationRegistry,
  ) {}

  @Post()
  @CaseCommandRoute({ ifMatch: false })
  @Roles('identification_officer')
  @ApiCreatedResponse({
    type: RegisterCaseResponse,
    headers: { location: { description: 'The new case: /api/cases/{caseId}', schema: { type: 'string' } } },
  })
  async register(
    @Body() body: RegisterCaseDto,
    @CommandContext() meta: CommandMetadata,
    @Res({ passthrough: true }) reply: ReplyHeaders,
  ): Promise<RegisterCaseResponse> {
    const district = await this.organisation.districtForRegistration(body.district, meta.principal.agency);
    const result = await this.commands.send(
      {
        type: 'RegisterPresumedVictim',
        caseId: this.commands.newId(),
        referralSource: body.referralSource,
        person: { ...body.person },
        countryOfExploitation: body.countryOfExploitation,
        formsOfExploitation: body.formsOfExploitation,
        indicators: body.indicators,
        meansOfControl: body.meansOfControl,
        recruiterRelation: body.recruiterRelation,
        reflectionPeriodDays: this.reflectionPeriodDays,
        district,
      },
      { ...meta, expectedRevision: undefined },
    );
    const started = result.events.find((e) => e.type === 'ReflectionPeriodStarted')?.data as {
      endsAt: string;
    };
    reply.header('location', `/api/cases/${result.caseId}`);
    return { ...commandAnswer(result), reflectionPeriodEndsAt: started.endsAt };
  }

  @Post(':id/consents')
  @Roles('identification_officer', 'case_manager')
  @ApiCreatedResponse({ type: CommandResponse })
  async consent(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: ConsentDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    const type = body.granted ? 'GiveConsent' : 'WithdrawConsent';
    return commandAnswer(
      await this.commands.send({ type, caseId, purpose: body.purpose, recipient: body.recipient }, meta),
    );
  }

  @Post(':id/identification')
  @Roles('identification_officer')
  @ApiCreatedResponse({ type: CommandResponse })
  async identify(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: IdentificationDecisionDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(await this.commands.send({ type: 'ConcludeIdentification', caseId, ...body }, meta));
  }

  @Post(':id/identification/review')
  @Roles('identification_officer', 'case_manager')
  @ApiCreatedResponse({ type: CommandResponse })
  async requestReview(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: IdentificationReviewDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(
      await this.commands.send({ type: 'RequestIdentificationReview', caseId, ...body }, meta),
    );
  }

  @Post(':id/identification/review/decision')
  @Roles('identification_officer')
  @ApiCreatedResponse({ type: CommandResponse })
  async decideReview(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: IdentificationReviewDecisionDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(
      await this.commands.send({ type: 'DecideIdentificationReview', caseId, ...body }, meta),
    );
  }

  @Post(':id/identity')
  @Roles('identification_officer')
  @ApiCreatedResponse({ type: CommandResponse })
  async recordIdentity(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: IdentityDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(await this.commands.send({ type: 'RecordIdentity', caseId, ...body }, meta));
  }

  @Post(':id/guardian')
  @Roles('identification_officer')
  @ApiCreatedResponse({ type: CommandResponse })
  async guardian(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: GuardianDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(await this.commands.send({ type: 'AppointGuardian', caseId, ...body }, meta));
  }

  @Post(':id/best-interests-determination')
  @Roles('case_manager')
  @ApiCreatedResponse({ type: CommandResponse })
  async bestInterests(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: BestInterestsDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(await this.commands.send({ type: 'DetermineBestInterests', caseId, ...body }, meta));
  }

  @Post(':id/age-assessment')
  @Roles('identification_officer')
  @ApiCreatedResponse({ type: CommandResponse })
  async assessAge(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: AgeAssessmentDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(await this.commands.send({ type: 'AssessAge', caseId, ...body }, meta));
  }

  @Post(':id/reflection-period/extension')
  @Roles('identification_officer', 'case_manager')
  @ApiCreatedResponse({ type: CommandResponse })
  async extendReflection(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: ReflectionPeriodExtensionDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(await this.commands.send({ type: 'ExtendReflectionPeriod', caseId, ...body }, meta));
  }

  private get reflectionPeriodDays(): number {
    return this.commands.reflectionPeriodDays;
  }
}
