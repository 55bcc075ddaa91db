import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { ReplyHeaders } from '@nrm/http/reply-headers';
import { Roles } from '@nrm/iam/access.decorators';
import { CaseCommands } from '../cases/case-command-bus';
import { OrganisationRegistry } from '../organisation/organisation-registry';
import { commandAnswer } from '../cases/command-answers';
import { CaseIdPipe } from '../cases/case-id.pipe';
import { CaseCommandRoute } from '../cases/case-command-route';
import { CommandContext } from '../cases/command-context';
import { CommandMetadata } from '../cases/command-metadata';
import {
  ConversionDto,
  ConversionResponse,
  RegisterPersonAtRiskDto,
  RegisterPersonAtRiskResponse,
} from './person-at-risk.dto';

/**
 * People at risk of trafficking (potential victims) as cases of their own: registered for
 * assessment, assistance and monitoring without an identification decision, and converted into a
 * presumed victim's case (same case, history kept) when indicators of trafficking appear.
 */
@ApiTags('identification')
@ApiBearerAuth()
@CaseCommandRoute()
@Controller('api/cases')
export class PersonAtRiskController {
  constructor(
    private readonly commands: CaseCommands,
    private readonly organisation: OrganisationRegistry,
  ) {}

  @Post('at-risk')
  @CaseCommandRoute({ ifMatch: false })
  // Who registers presumed victims, and the case managers of social assistance who meet people at risk.
  @Roles('identification_officer', 'case_manager')
  @ApiCreatedResponse({
    type: RegisterPersonAtRiskResponse,
    headers: { location: { description: 'The new case: /api/cases/{caseId}', schema: { type: 'string' } } },
  })
  async register(
    @Body() body: RegisterPersonAtRiskDto,
    @CommandContext() meta: CommandMetadata,
    @Res({ passthrough: true }) reply: ReplyHeaders,
  ): Promise<RegisterPersonAtRiskResponse> {
    const district = await this.organisation.districtForRegistration(body.district, meta.principal.agency);
    const result = await this.commands.send(
      {
        type: 'RegisterPersonAtRisk',
        caseId: this.commands.newId(),
        referralSource: body.referralSource,
        person: { ...body.person },
        vulnerabilities: body.vulnerabilities,
        linkedCaseId: body.linkedCaseId,
        district,
      },
      { ...meta, expectedRevision: undefined },
    );
    reply.header('location', `/api/cases/${result.caseId}`);
    return commandAnswer(result);
  }

  @Post(':id/conversion')
  @Roles('identification_officer')
  @ApiCreatedResponse({ type: ConversionResponse })
  async convert(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: ConversionDto,
    @CommandContext() meta: CommandMetadata,
  ): Promise<ConversionResponse> {
    const result = await this.commands.send(
      {
        type: 'ConvertToPresumedVictim',
        caseId,
        indicators: body.indicators,
        countryOfExploitation: body.countryOfExploitation,
        formsOfExploitation: body.formsOfExploitation,
        meansOfControl: body.meansOfControl,
        recruiterRelation: body.recruiterRelation,
        reflectionPeriodDays: this.commands.reflectionPeriodDays,
      },
      meta,
    );
    const started = result.events.find((e) => e.type === 'ReflectionPeriodStarted')?.data as {
      endsAt: string;
    };
    return { ...commandAnswer(result), reflectionPeriodEndsAt: started.endsAt };
  }
}
