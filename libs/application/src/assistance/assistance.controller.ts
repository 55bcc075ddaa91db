import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '@nrm/iam/access.decorators';
import { Principal } from '@nrm/iam/roles';
import { CaseCommands } from '../cases/case-command-bus';
import { commandAnswer, planAnswer } from '../cases/command-answers';
import { CaseIdPipe } from '../cases/case-id.pipe';
import { CaseCommandRoute } from '../cases/case-command-route';
import { CommandMetadata } from '../cases/command-metadata';
import { CommandResponse } from '../cases/command-response.dto';
import { CommandContext } from '../cases/command-context';
import { ProblemException } from '@nrm/http/problem';
import { OrganisationRegistry, providersOf } from '../organisation/organisation-registry';
import {
  AssistancePlanDto,
  ClosureDto,
  MonitoringDto,
  NeedsAssessmentDto,
  PlanResponse,
  ReopeningDto,
  RiskAssessmentDto,
  ServiceDeclineDto,
  ServiceDeliveryDto,
  ServiceReferralDto,
  ServiceReferralResponse,
  TeamMemberDto,
} from './assistance.dto';

const SERVICE_ID = /^[0-9a-f-]{36}$/i;

@ApiTags('assistance')
@ApiBearerAuth()
@CaseCommandRoute()
@Controller('api/cases/:id')
export class AssistanceController {
  constructor(
    private readonly commands: CaseCommands,
    private readonly organisation: OrganisationRegistry,
  ) {}

  @Post('risk-assessments')
  @Roles('case_manager', 'return_officer')
  @ApiCreatedResponse({ type: CommandResponse })
  async assessRisk(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: RiskAssessmentDto,
    @CommandContext() meta: CommandMetadata,
    @CurrentUser() user: Principal,
  ) {
    if (body.kind === 'return') {
      // The return risk assessment belongs to the return and reintegration context.
      return commandAnswer(
        await this.commands.send(
          {
            type: 'AssessReturnRisk',
            caseId,
            level: body.level,
            notes: body.notes,
            familyAssessed: body.familyAssessed,
          },
          meta,
        ),
      );
    }
    if (user.role !== 'case_manager')
      throw ProblemException.forbidden('General and family assessments are for case managers');
    return commandAnswer(
      await this.commands.send(
        { type: 'AssessRisk', caseId, kind: body.kind, level: body.level, notes: body.notes },
        meta,
      ),
    );
  }

  @Post('needs-assessments')
  @Roles('case_manager')
  @ApiCreatedResponse({ type: CommandResponse })
  async assessNeeds(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: NeedsAssessmentDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(await this.commands.send({ type: 'AssessNeeds', caseId, ...body }, meta));
  }

  @Post('assistance-plan')
  @Roles('case_manager')
  @ApiCreatedResponse({ type: PlanResponse })
  async adoptPlan(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: AssistancePlanDto,
    @CommandContext() meta: CommandMetadata,
  ): Promise<PlanResponse> {
    await this.organisation.requireKnownAgencies(providersOf(body.services));
    const plan = this.commands.newPlan(body.services);
    const result = await this.commands.send({ type: 'AdoptAssistancePlan', caseId, ...plan }, meta);
    return planAnswer(result, plan);
  }

  @Post('service-referrals')
  @Roles('case_manager')
  @ApiCreatedResponse({ type: ServiceReferralResponse })
  async refer(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: ServiceReferralDto,
    @CommandContext() meta: CommandMetadata,
  ): Promise<ServiceReferralResponse> {
    await this.organisation.requireKnownAgencies([body.provider]);
    const serviceId = this.commands.newId();
    const result = await this.commands.send({ type: 'ReferService', caseId, serviceId, ...body }, meta);
    return { ...commandAnswer(result), serviceId };
  }

  @Post('service-referrals/:serviceId/acceptance')
  @Roles('case_manager')
  @ApiCreatedResponse({ type: CommandResponse })
  async accept(
    @Param('id', CaseIdPipe) caseId: string,
    @Param('serviceId') serviceId: string,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(
      await this.commands.send(
        { type: 'AcceptServiceReferral', caseId, serviceId: checkServiceId(serviceId) },
        meta,
      ),
    );
  }

  @Post('service-referrals/:serviceId/decline')
  @Roles('case_manager')
  @ApiCreatedResponse({ type: CommandResponse })
  async decline(
    @Param('id', CaseIdPipe) caseId: string,
    @Param('serviceId') serviceId: string,
    @Body() body: ServiceDeclineDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(
      await this.commands.send(
        { type: 'DeclineServiceReferral', caseId, serviceId: checkServiceId(serviceId), reason: body.reason },
        meta,
      ),
    );
  }

  @Post('service-referrals/:serviceId/delivery')
  @Roles('case_manager')
  @ApiCreatedResponse({ type: CommandResponse })
  async deliver(
    @Param('id', CaseIdPipe) caseId: string,
    @Param('serviceId') serviceId: string,
    @Body() body: ServiceDeliveryDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(
      await this.commands.send(
        {
          type: 'DeliverService',
          caseId,
          serviceId: checkServiceId(serviceId),
          deliveredAt: body.deliveredAt,
        },
        meta,
      ),
    );
  }

  @Post('monitoring')
  @Roles('case_manager')
  @ApiCreatedResponse({ type: CommandResponse })
  async monitor(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: MonitoringDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(await this.commands.send({ type: 'RecordMonitoring', caseId, ...body }, meta));
  }

  @Post('team-members')
  @Roles('case_manager')
  @ApiCreatedResponse({ type: CommandResponse })
  async addTeamAgency(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: TeamMemberDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    await this.organisation.requireKnownAgencies([body.agency]);
    return commandAnswer(await this.commands.send({ type: 'AddTeamAgency', caseId, ...body }, meta));
  }

  @Post('closure')
  @Roles('case_manager')
  @ApiCreatedResponse({ type: CommandResponse })
  async close(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: ClosureDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(await this.commands.send({ type: 'CloseCase', caseId, reason: body.reason }, meta));
  }

  @Post('reopening')
  @Roles('case_manager')
  @ApiCreatedResponse({ type: CommandResponse })
  async reopen(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: ReopeningDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(
      await this.commands.send({ type: 'ReopenCase', caseId, reason: body.reason, note: body.note }, meta),
    );
  }
}

function checkServiceId(serviceId: string): string {
  if (!SERVICE_ID.test(serviceId)) throw ProblemException.notFound('No such service referral');
  return serviceId.toLowerCase();
}
