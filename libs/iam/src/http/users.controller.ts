import { Body, Controller, Inject, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ProblemException } from '@nrm/http/problem';
import { Roles } from '../access.decorators';
import {
  ACCOUNT_REPOSITORY,
  AccountRepository,
  DuplicateUsernameError,
} from '../accounts/account-repository.port';
import { hashPassword } from '../passwords/password-hasher';
import { passwordProblems } from '../passwords/password-policy';
import { CreateUserDto, CreateUserResponse } from './auth.dto';

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/users')
export class UsersController {
  constructor(@Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository) {}

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: CreateUserResponse })
  @ApiConflictResponse({ description: 'The username is taken' })
  @ApiBadRequestResponse({
    description: 'validation failed, or the password breaks the policy (field "password")',
  })
  async create(@Body() body: CreateUserDto): Promise<CreateUserResponse> {
    const problems = passwordProblems(body.password, body.username);
    if (problems.length > 0) {
      throw ProblemException.badRequest(
        'The password does not meet the policy',
        problems.map((message) => ({ field: 'password', message })),
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
