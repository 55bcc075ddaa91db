import { Body, Controller, Get, Inject, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { problem, ProblemException } from '@nrm/http/problem';
import { Roles } from '../access.decorators';
import {
  ACCOUNT_REPOSITORY,
  AccountRepository,
  DuplicateUsernameError,
} from '../accounts/account-repository.port';
import { hashPassword } from '../passwords/password-hasher';
import { PASSWORD_POLICY_RULE, passwordProblems } from '../passwords/password-policy';
import { CreateUserDto, CreateUserResponse, UserListView } from './auth.dto';

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/users')
export class UsersController {
  constructor(@Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository) {}

  /** The local accounts, for the admin who manages them: the hashes never leave the repository. */
  @Get()
  @Roles('admin')
  @ApiOkResponse({ type: UserListView })
  list(): UserListView {
    return {
      items: this.accounts.list().map(({ userId, username, role, agency, country, createdAt }) => ({
        userId,
        username,
        role,
        agency,
        country,
        createdAt,
      })),
    };
  }

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: CreateUserResponse })
  @ApiConflictResponse({ description: 'The username is taken' })
  @ApiUnprocessableEntityResponse({
    description: `The password breaks the policy (rule ${PASSWORD_POLICY_RULE}; errors say why)`,
  })
  async create(@Body() body: CreateUserDto): Promise<CreateUserResponse> {
    // What the document cannot say (the username inside, the common passwords) is a rule, not a shape.
    const problems = passwordProblems(body.password, body.username);
    if (problems.length > 0) {
      throw new ProblemException(
        problem(422, 'The password does not meet the policy', {
          rule: PASSWORD_POLICY_RULE,
          errors: problems.map((message) => ({ field: 'password', message })),
        }),
      );
    }
    const passwordHash = await hashPassword(body.password);
    try {
      const account = this.accounts.create({
        username: body.username,
        passwordHash,
        role: body.role,
        agency: body.agency,
        country: body.country,
      });
      return { userId: account.userId };
    } catch (error) {
      if (error instanceof DuplicateUsernameError) throw ProblemException.conflict(error.message);
      throw error;
    }
  }
}
