import { InvalidRequestError } from '@nrm/common';
import { Body, Controller, Get, HttpCode, Inject, Logger, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { problem, ProblemException } from '@nrm/http/problem';
import { CurrentUser, Roles } from '../access.decorators';
import {
  ACCOUNT_ADMINISTRATION,
  AccountAdministration,
  AccountRequestTrace,
  AccountTrace,
} from '../accounts/account-administration.port';
import { Account, ACCOUNT_REPOSITORY, AccountRepository } from '../accounts/account-repository.port';
import { AGENCY_DIRECTORY, AgencyDirectory } from '../accounts/agency-directory.port';
import { LAST_ADMIN_RULE, SELF_DISABLE_RULE } from '../accounts/account-rules';
import { hashPassword } from '../passwords/password-hasher';
import { PASSWORD_POLICY_RULE, passwordProblems } from '../passwords/password-policy';
import { Principal } from '../roles';
import { REFRESH_SESSION_STORE, RefreshSessionStore } from '../sessions/refresh-session-store.port';
import {
  CreateUserDto,
  CreateUserResponse,
  SetPasswordDto,
  UpdateUserDto,
  UserHistoryView,
  UserListView,
  UserView,
} from './auth.dto';

const USER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const NO_SUCH_USER = 'No such user';
const ACCESS_TOKENS_STAY =
  'Access tokens already issued stay valid until they expire (at most NRM_ACCESS_TOKEN_TTL_SECONDS).';

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/users')
export class UsersController {
  private readonly logger = new Logger('auth');

  constructor(
    @Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
    @Inject(REFRESH_SESSION_STORE) private readonly sessions: RefreshSessionStore,
    // Every change: an event in the node's log first, then the account table (docs/security.md).
    @Inject(ACCOUNT_ADMINISTRATION) private readonly admin: AccountAdministration,
    @Inject(AGENCY_DIRECTORY) private readonly agencies: AgencyDirectory,
  ) {}

  /** The local accounts, for the admin who manages them: the hashes never leave the repository. */
  @Get()
  @Roles('admin')
  @ApiOkResponse({ type: UserListView })
  list(): UserListView {
    return { items: this.accounts.list().map(view) };
  }

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: CreateUserResponse })
  @ApiConflictResponse({ description: 'The username is taken' })
  @ApiUnprocessableEntityResponse({
    description: `The password breaks the policy (rule ${PASSWORD_POLICY_RULE}; errors say why), or the agency is not a registered active agency (rule unknown-agency)`,
  })
  async create(
    @Body() body: CreateUserDto,
    @CurrentUser() admin: Principal,
    @AccountRequestTrace() trace: AccountTrace,
  ): Promise<CreateUserResponse> {
    await this.requireAgency(body.agency);
    const passwordHash = await checkedHash(body.password, body.username);
    const account = await this.admin.create(
      { username: body.username, passwordHash, role: body.role, agency: body.agency, country: body.country },
      admin,
      trace,
    );
    return { userId: account.userId };
  }

  @Patch(':userId')
  @Roles('admin')
  @ApiOperation({
    summary: "Change an account's role, agency or country",
    description:
      'At least one field; absent ones stay as they are. The user’s next request acts with the new ' +
      'role, agency and country, with access tokens already issued too.',
  })
  @ApiOkResponse({ type: UserView })
  @ApiNotFoundResponse({ description: NO_SUCH_USER })
  @ApiUnprocessableEntityResponse({
    description:
      `The admin role of the last enabled admin would go (rule ${LAST_ADMIN_RULE}), ` +
      'the body names nothing to change (rule invalid-request), or the agency is not a registered ' +
      'active agency (rule unknown-agency)',
  })
  async update(
    @Param('userId') userId: string,
    @Body() body: UpdateUserDto,
    @CurrentUser() admin: Principal,
    @AccountRequestTrace() trace: AccountTrace,
  ): Promise<UserView> {
    const changes = { role: body.role, agency: body.agency, country: body.country };
    if (Object.values(changes).every((value) => value === undefined))
      // Well-formed (every field is optional) but empty: refused as a request, 422 invalid-request.
      throw new InvalidRequestError('Nothing to change: name at least one of role, agency, country');
    await this.requireAgency(body.agency);
    const account = this.found(userId);
    // The last-admin rule is the account registry's (@nrm/domain), decided on the log.
    const changed = await this.admin.update(account.userId, changes, admin, trace);
    this.logger.log({ msg: 'account changed', userId, by: admin.userId, fields: Object.keys(body) });
    return view(changed);
  }

  @Post(':userId/disable')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Disable an account',
    description:
      'The user can no longer log in (401, as for a wrong password) and every refresh session of theirs ' +
      'ends at once; access tokens already issued are refused from the next request on. Disabling a ' +
      'disabled account changes nothing.',
  })
  @ApiOkResponse({ type: UserView })
  @ApiNotFoundResponse({ description: NO_SUCH_USER })
  @ApiUnprocessableEntityResponse({
    description: `The admin's own account (rule ${SELF_DISABLE_RULE}), or the last enabled admin (rule ${LAST_ADMIN_RULE})`,
  })
  async disable(
    @Param('userId') userId: string,
    @CurrentUser() admin: Principal,
    @AccountRequestTrace() trace: AccountTrace,
  ): Promise<UserView> {
    const account = this.found(userId);
    // The self-disable and last-admin rules are the account registry's, decided on the log.
    const disabled = await this.admin.setDisabled(account.userId, true, admin, trace);
    const ended = this.sessions.revokeAllOf(account.userId);
    this.logger.log({ msg: 'account disabled', userId, by: admin.userId, sessionsEnded: ended });
    return view(disabled);
  }

  @Post(':userId/enable')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enable a disabled account again', description: 'The user may log in again.' })
  @ApiOkResponse({ type: UserView })
  @ApiNotFoundResponse({ description: NO_SUCH_USER })
  async enable(
    @Param('userId') userId: string,
    @CurrentUser() admin: Principal,
    @AccountRequestTrace() trace: AccountTrace,
  ): Promise<UserView> {
    const enabled = await this.admin.setDisabled(this.found(userId).userId, false, admin, trace);
    this.logger.log({ msg: 'account enabled', userId, by: admin.userId });
    return view(enabled);
  }

  @Post(':userId/password')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Set a new password for a user (who forgot theirs, or whose password may be known)',
    description:
      'The password policy applies as on creation. Every refresh session of the user ends at once; ' +
      `${ACCESS_TOKENS_STAY}`,
  })
  @ApiNoContentResponse({ description: 'The new password is set' })
  @ApiNotFoundResponse({ description: NO_SUCH_USER })
  @ApiUnprocessableEntityResponse({
    description: `The password breaks the policy (rule ${PASSWORD_POLICY_RULE}; errors say why)`,
  })
  async setPassword(
    @Param('userId') userId: string,
    @Body() body: SetPasswordDto,
    @CurrentUser() admin: Principal,
    @AccountRequestTrace() trace: AccountTrace,
  ): Promise<void> {
    const account = this.found(userId);
    const passwordHash = await checkedHash(body.password, account.username);
    // The event names who reset it; the password and its hash stay out of the log.
    await this.admin.setPasswordHash(account.userId, passwordHash, admin, trace);
    const ended = this.sessions.revokeAllOf(account.userId);
    this.logger.log({ msg: 'password set by an admin', userId, by: admin.userId, sessionsEnded: ended });
  }

  @Get(':userId/history')
  @Roles('admin', 'auditor')
  @ApiOperation({
    summary: "An account's history in the node's log",
    description:
      'Every event of the account (stream accounts), oldest first: its creation, each change of role, ' +
      'agency or country with the values before and after, each disabling, re-enabling and password ' +
      'reset, with who did it (the actor’s id, role and agency at the time; role node for what the node ' +
      'did itself) and when. Nothing of any password.',
  })
  @ApiOkResponse({ type: UserHistoryView })
  @ApiNotFoundResponse({ description: NO_SUCH_USER })
  async history(@Param('userId') userId: string): Promise<UserHistoryView> {
    if (!USER_ID.test(userId)) notFound();
    return { items: await this.admin.history(userId) };
  }

  /** 422 (rule unknown-agency) for an agency the registry does not hold, or holds deactivated. */
  private async requireAgency(agency: string | undefined): Promise<void> {
    if (agency !== undefined && !(await this.agencies.isKnownAgency(agency)))
      throw new ProblemException(
        problem(422, `Not a registered active agency of this node: ${agency}`, { rule: 'unknown-agency' }),
      );
  }

  private found(userId: string): Account {
    return (USER_ID.test(userId) ? this.accounts.findById(userId) : undefined) ?? notFound();
  }
}

/** The hash of a password the policy accepts; 422 (rule password-policy) with the reasons otherwise. */
async function checkedHash(password: string, username: string): Promise<string> {
  // What the document cannot say (the username inside, the common passwords) is a rule, not a shape.
  const problems = passwordProblems(password, username);
  if (problems.length > 0) {
    throw new ProblemException(
      problem(422, 'The password does not meet the policy', {
        rule: PASSWORD_POLICY_RULE,
        errors: problems.map((message) => ({ field: 'password', message })),
      }),
    );
  }
  return hashPassword(password);
}

function notFound(): never {
  throw ProblemException.notFound(NO_SUCH_USER);
}

function view({ userId, username, role, agency, country, createdAt, disabled }: Account): UserView {
  return { userId, username, role, agency, country, createdAt, disabled };
}
