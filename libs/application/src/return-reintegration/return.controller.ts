import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nrm/iam/access.decorators';
import { CaseCommands } from '../cases/case-command-bus';
import { commandAnswer, planAnswer } from '../cases/command-answers';
import { CaseIdPipe } from '../cases/case-id.pipe';
import { CaseCommandRoute } from '../cases/case-command-route';
import { CommandMetadata } from '../cases/command-metadata';
import { CommandResponse } from '../cases/command-response.dto';
import { CommandContext } from '../cases/command-context';
import { ProblemException } from '@nrm/http/problem';
import { PlanResponse } from '../assistance/assistance.dto';
import { OrganisationRegistry, providersOf } from '../organisation/organisation-registry';
import {
  ArrivalDto,
  AsylumApplicationDto,
  AsylumClosureDto,
  DepartureDto,
  HandoverAcceptanceDto,
  HandoverDeclineDto,
  HandoverProposalDto,
  HandoverProposalResponse,
  ReceptionDto,
  ReintegrationPlanDto,
  ReintegrationProgressDto,
  ReturnRequestDto,
} from './return.dto';

const ID = /^[0-9a-f-]{36}$/i;

@ApiTags('return-reintegration')
@ApiBearerAuth()
@CaseCommandRoute()
@Controller('api/cases/:id')
@Roles('return_officer')
export class ReturnController {
  constructor(
    private readonly commands: CaseCommands,
    private readonly organisation: OrganisationRegistry,
  ) {}

  @Post('return-request')
  @ApiCreatedResponse({ type: CommandResponse })
  async requestReturn(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: ReturnRequestDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(await this.commands.send({ type: 'RequestReturn', caseId, ...body }, meta));
  }

  @Post('handovers')
  @ApiCreatedResponse({ type: HandoverProposalResponse })
  async propose(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: HandoverProposalDto,
    @CommandContext() meta: CommandMetadata,
  ): Promise<HandoverProposalResponse> {
    const handoverId = this.commands.newId();
    // Random, so that the partner node can never derive this node's case id from it.
    const sharedCaseRef = this.commands.newId();
    const result = await this.commands.send(
      { type: 'ProposeHandover', caseId, handoverId, sharedCaseRef, ...body },
      meta,
    );
    return { ...commandAnswer(result), handoverId };
  }

  /** Recorded by the return officer when the country of origin has no node of its own. */
  @Post('handovers/:handoverId/acceptance')
  @ApiCreatedResponse({ type: CommandResponse })
  async accept(
    @Param('id', CaseIdPipe) caseId: string,
    @Param('handoverId') handoverId: string,
    @Body() body: HandoverAcceptanceDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(
      await this.commands.send(
        {
          type: 'AcceptHandover',
          caseId,
          handoverId: checkId(handoverId),
          recordedBy: 'return_officer',
          ...body,
        },
        meta,
      ),
    );
  }

  @Post('handovers/:handoverId/decline')
  @ApiCreatedResponse({ type: CommandResponse })
  async decline(
    @Param('id', CaseIdPipe) caseId: string,
    @Param('handoverId') handoverId: string,
    @Body() body: HandoverDeclineDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(
      await this.commands.send(
        {
          type: 'DeclineHandover',
          caseId,
          handoverId: checkId(handoverId),
          recordedBy: 'return_officer',
          ...body,
        },
        meta,
      ),
    );
  }

  @Post('handovers/:handoverId/departure')
  @ApiCreatedResponse({ type: CommandResponse })
  async depart(
    @Param('id', CaseIdPipe) caseId: string,
    @Param('handoverId') handoverId: string,
    @Body() body: DepartureDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(
      await this.commands.send(
        { type: 'StartReturnTravel', caseId, handoverId: checkId(handoverId), ...body },
        meta,
      ),
    );
  }

  @Post('handovers/:handoverId/arrival')
  @ApiCreatedResponse({ type: CommandResponse })
  async arrive(
    @Param('id', CaseIdPipe) caseId: string,
    @Param('handoverId') handoverId: string,
    @Body() body: ArrivalDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(
      await this.commands.send(
        { type: 'ConfirmArrival', caseId, handoverId: checkId(handoverId), ...body },
        meta,
      ),
    );
  }

  @Post('handovers/:handoverId/reception')
  @ApiCreatedResponse({ type: CommandResponse })
  async receive(
    @Param('id', CaseIdPipe) caseId: string,
    @Param('handoverId') handoverId: string,
    @Body() body: ReceptionDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(
      await this.commands.send(
        { type: 'ConfirmReception', caseId, handoverId: checkId(handoverId), ...body },
        meta,
      ),
    );
  }

  @Post('reintegration-plan')
  @Roles('return_officer', 'case_manager')
  @ApiCreatedResponse({ type: PlanResponse })
  async adoptPlan(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: ReintegrationPlanDto,
    @CommandContext() meta: CommandMetadata,
  ): Promise<PlanResponse> {
    await this.organisation.requireKnownAgencies(providersOf(body.services));
    const plan = this.commands.newPlan(body.services);
    const result = await this.commands.send({ type: 'AdoptReintegrationPlan', caseId, ...plan }, meta);
    return planAnswer(result, plan);
  }

  /** From now on nothing about the person goes to the country of origin. */
  @Post('asylum-application')
  @Roles('return_officer', 'case_manager')
  @ApiCreatedResponse({ type: CommandResponse })
  async recordAsylum(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: AsylumApplicationDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(
      await this.commands.send({ type: 'RecordAsylumApplication', caseId, ...body }, meta),
    );
  }

  @Post('asylum-application/closure')
  @Roles('return_officer', 'case_manager')
  @ApiCreatedResponse({ type: CommandResponse })
  async closeAsylum(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: AsylumClosureDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(await this.commands.send({ type: 'CloseAsylumApplication', caseId, ...body }, meta));
  }

  @Post('reintegration-progress')
  @Roles('return_officer', 'case_manager')
  @ApiCreatedResponse({ type: CommandResponse })
  async progress(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: ReintegrationProgressDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(
      await this.commands.send({ type: 'RecordReintegrationProgress', caseId, ...body }, meta),
    );
  }
}

function checkId(id: string): string {
  if (!ID.test(id)) throw ProblemException.notFound('No such handover');
  return id.toLowerCase();
}
