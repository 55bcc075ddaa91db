import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { ProblemException } from '../http/problem';
import { Roles } from './access.decorators';
import { AccountStore, DuplicateUsernameError } from './account-store';
import { CreateUserDto, CreateUserResponse } from './auth.dto';
import { hashPassword } from './password-hasher';

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/users')
export class UsersController {
  constructor(private readonly accounts: AccountStore) {}

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: CreateUserResponse })
  async create(@Body() body: CreateUserDto): Promise<CreateUserResponse> {
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
