import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nrm/iam/access.decorators';
import { CaseCommands } from '../cases/case-command-bus';
import { commandAnswer } from '../cases/command-answers';
import { CaseIdPipe } from '../cases/case-id.pipe';
import { CaseCommandRoute } from '../cases/case-command-route';
import { CommandMetadata } from '../cases/command-metadata';
import { CommandContext } from '../cases/command-context';
import { OrganisationRegistry } from '../organisation/organisation-registry';
import { TeamMeetingDto, TeamMeetingResponse } from './meetings.dto';

/**
 * Team meetings and case conferences on a case: the case workers who take part in the case's
 * multidisciplinary team record them (the decisions are personal data, read under the personal-data
 * policy).
 */
@ApiTags('assistance')
@ApiBearerAuth()
@CaseCommandRoute()
@Controller('api/cases/:id/meetings')
@Roles('case_manager', 'identification_officer')
export class MeetingsController {
  constructor(
    private readonly commands: CaseCommands,
    private readonly organisation: OrganisationRegistry,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: TeamMeetingResponse })
  async record(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: TeamMeetingDto,
    @CommandContext() meta: CommandMetadata,
  ): Promise<TeamMeetingResponse> {
    const meetingId = this.commands.newId();
    // The team and agency codes are the organisation registry's to check, before the decider.
    await this.organisation.requireKnownMeeting(body.agencies, body.teamId);
    const result = await this.commands.send({ type: 'RecordTeamMeeting', caseId, meetingId, ...body }, meta);
    return { ...commandAnswer(result), meetingId };
  }
}
