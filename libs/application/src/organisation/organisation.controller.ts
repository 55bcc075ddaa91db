import { Body, Controller, Delete, Get, Inject, Logger, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { NODE_CONFIG, NodeConfig } from '@nrm/config/node-config';
import type { Agency, District, OrganisationState, Team } from '@nrm/domain';
import { Roles } from '@nrm/iam/access.decorators';
import {
  ACCOUNT_ADMINISTRATION,
  type AccountAdministration,
} from '@nrm/iam/accounts/account-administration.port';
import { ACCOUNT_REPOSITORY, type AccountRepository } from '@nrm/iam/accounts/account-repository.port';
import { OPERATOR_ROLES } from '@nrm/iam/roles';
import { ProblemException } from '@nrm/http/problem';
import { actorOf, CallContext, RequestContext } from '../cases/command-context';
import { OrganisationRegistry } from './organisation-registry';
import {
  AgencyListView,
  AgencyView,
  ChangeAgencyDto,
  DistrictListView,
  DistrictView,
  FormTeamDto,
  RegisterAgencyDto,
  RegisterDistrictDto,
  TeamListView,
  JoinTeamDto,
  TeamView,
} from './organisation.dto';

/** Every signed-in role that fills in forms or reads what they name (the lists are not personal). */
const READERS = ['admin', ...OPERATOR_ROLES, 'auditor'] as const;
const DUPLICATE = 'rule invalid-transition: the code is registered already';

/**
 * The node's organisation registries (docs/events.md, "Organisation"): districts, agencies and the
 * multidisciplinary team of each district. Admins change them; every operator reads them.
 */
@ApiTags('organisation')
@ApiBearerAuth()
@Controller('api/organisation')
export class OrganisationController {
  private readonly logger = new Logger('organisation');

  constructor(
    private readonly registry: OrganisationRegistry,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    @Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
    @Inject(ACCOUNT_ADMINISTRATION) private readonly accountAdmin: AccountAdministration,
  ) {}

  @Get('districts')
  @Roles(...READERS)
  @ApiOkResponse({ type: DistrictListView })
  async districts(): Promise<DistrictListView> {
    const { state } = await this.registry.state();
    return { items: [...state.districts.values()].map(districtView) };
  }

  @Post('districts')
  @Roles('admin')
  @ApiOperation({ summary: 'Register a district (or community) of the node’s country' })
  @ApiCreatedResponse({ type: DistrictView })
  @ApiUnprocessableEntityResponse({ description: DUPLICATE })
  async registerDistrict(
    @Body() body: RegisterDistrictDto,
    @CallContext() call: RequestContext,
  ): Promise<DistrictView> {
    const state = await this.registry.execute(
      { type: 'RegisterDistrict', code: body.code, name: body.name, country: this.config.country },
      actorOf(call.principal),
      call,
    );
    return districtView(state.districts.get(body.code) as District);
  }

  @Get('agencies')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The agencies, deactivated ones included (active: false)' })
  @ApiOkResponse({ type: AgencyListView })
  async agencies(): Promise<AgencyListView> {
    const { state } = await this.registry.state();
    return { items: [...state.agencies.values()].map(agencyView) };
  }

  @Post('agencies')
  @Roles('admin')
  @ApiCreatedResponse({ type: AgencyView })
  @ApiUnprocessableEntityResponse({
    description: `${DUPLICATE}; rule unknown-district: the district is not registered`,
  })
  async registerAgency(
    @Body() body: RegisterAgencyDto,
    @CallContext() call: RequestContext,
  ): Promise<AgencyView> {
    const state = await this.registry.execute(
      { type: 'RegisterAgency', ...body },
      actorOf(call.principal),
      call,
    );
    return agencyView(state.agencies.get(body.code) as Agency);
  }

  @Patch('agencies/:code')
  @Roles('admin')
  @ApiOperation({
    summary: 'Rename an agency, change its kind or district',
    description: 'At least one change.',
  })
  @ApiOkResponse({ type: AgencyView })
  @ApiUnprocessableEntityResponse({
    description:
      'rule unknown-agency: no such active agency; rule unknown-district: the district is not ' +
      'registered; rule invalid-request: nothing changes',
  })
  async changeAgency(
    @Param('code') code: string,
    @Body() body: ChangeAgencyDto,
    @CallContext() call: RequestContext,
  ): Promise<AgencyView> {
    const state = await this.registry.execute(
      { type: 'ChangeAgency', code, changes: { ...body } },
      actorOf(call.principal),
      call,
    );
    return agencyView(state.agencies.get(code) as Agency);
  }

  @Post('agencies/:code/deactivation')
  @Roles('admin')
  @ApiOperation({
    summary: 'Deactivate an agency',
    description:
      'It leaves every team it sits on; no user, team or case may name it afterwards, and its users’ ' +
      'accounts are disabled (each an AccountDisabled event by this admin; their next request is ' +
      'refused). Its past stays in the log and in the cases that named it.',
  })
  @ApiCreatedResponse({ type: AgencyView })
  @ApiUnprocessableEntityResponse({
    description: 'rule unknown-agency: no such agency; rule invalid-transition: deactivated already',
  })
  async deactivateAgency(
    @Param('code') code: string,
    @CallContext() call: RequestContext,
  ): Promise<AgencyView> {
    const state = await this.registry.execute(
      { type: 'DeactivateAgency', code },
      actorOf(call.principal),
      call,
    );
    await this.disableAccountsOf(code, call);
    return agencyView(state.agencies.get(code) as Agency);
  }

  @Get('teams')
  @Roles(...READERS)
  @ApiOkResponse({ type: TeamListView })
  async teams(): Promise<TeamListView> {
    const { state } = await this.registry.state();
    return { items: [...state.teams.values()].map(teamView) };
  }

  @Post('teams')
  @Roles('admin')
  @ApiOperation({ summary: 'Form the multidisciplinary team of a district' })
  @ApiCreatedResponse({ type: TeamView })
  @ApiUnprocessableEntityResponse({
    description:
      `${DUPLICATE}; rule unknown-district: the district is not registered; rule unknown-agency: ` +
      'a member is not a registered active agency',
  })
  async formTeam(@Body() body: FormTeamDto, @CallContext() call: RequestContext): Promise<TeamView> {
    const state = await this.registry.execute(
      {
        type: 'FormTeam',
        code: body.code,
        district: body.district,
        name: body.name,
        members: body.members ?? [],
      },
      actorOf(call.principal),
      call,
    );
    return teamView(state.teams.get(body.code) as Team);
  }

  @Post('teams/:code/members')
  @Roles('admin')
  @ApiOperation({ summary: 'An agency joins the team' })
  @ApiCreatedResponse({ type: TeamView })
  @ApiNotFoundResponse({ description: 'No such team' })
  @ApiUnprocessableEntityResponse({
    description:
      'rule unknown-agency: not a registered active agency; rule invalid-transition: a member already',
  })
  async join(
    @Param('code') code: string,
    @Body() body: JoinTeamDto,
    @CallContext() call: RequestContext,
  ): Promise<TeamView> {
    const state = await this.registry.execute(
      { type: 'AddTeamMember', team: code, agency: body.agency },
      actorOf(call.principal),
      call,
    );
    return found(state, code);
  }

  @Delete('teams/:code/members/:agency')
  @Roles('admin')
  @ApiOperation({ summary: 'An agency leaves the team' })
  @ApiOkResponse({ type: TeamView })
  @ApiNotFoundResponse({ description: 'No such team' })
  @ApiUnprocessableEntityResponse({ description: 'rule invalid-transition: not a member' })
  async leave(
    @Param('code') code: string,
    @Param('agency') agency: string,
    @CallContext() call: RequestContext,
  ): Promise<TeamView> {
    const state = await this.registry.execute(
      { type: 'RemoveTeamMember', team: code, agency },
      actorOf(call.principal),
      call,
    );
    return found(state, code);
  }

  /**
   * The users of an agency that is no more lose their access with it: each enabled account of the
   * agency is disabled by the admin who deactivated it. One the account rules refuse (the admin's own,
   * the last admin) stays, and is logged.
   */
  private async disableAccountsOf(agency: string, call: RequestContext): Promise<void> {
    const members = this.accounts.list().filter((account) => account.agency === agency && !account.disabled);
    for (const account of members) {
      try {
        await this.accountAdmin.setDisabled(account.userId, true, actorOf(call.principal), call);
      } catch (error) {
        this.logger.warn({
          msg: 'account of a deactivated agency kept',
          userId: account.userId,
          error: String(error),
        });
      }
    }
  }
}

function found(state: OrganisationState, code: string): TeamView {
  const team = state.teams.get(code);
  if (!team) throw ProblemException.notFound('No such team');
  return teamView(team);
}

const districtView = ({ code, name, country }: District): DistrictView => ({ code, name, country });

const agencyView = ({ code, name, kind, district, country, active }: Agency): AgencyView => ({
  code,
  name,
  kind,
  district,
  country,
  active,
});

const teamView = ({ code, district, name, members }: Team): TeamView => ({
  code,
  district,
  name,
  members: [...members],
});
