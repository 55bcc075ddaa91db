import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { NODE_CONFIG, NodeConfig } from '../config/node-config';
import { ProblemException } from '../http/problem';
import { Public } from './access.decorators';
import { AccountStore } from './account-store';
import { LoginDto, LoginResponse } from './auth.dto';
import { DUMMY_HASH_PROMISE, verifyPassword } from './password-hasher';
import { TokenService } from './token.service';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly accounts: AccountStore,
    private readonly tokens: TokenService,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponse })
  async login(@Body() body: LoginDto): Promise<LoginResponse> {
    const account = this.accounts.findByUsername(body.username);
    // Same work whether or not the user exists, so timing does not reveal usernames.
    const valid = await verifyPassword(body.password, account?.passwordHash ?? (await DUMMY_HASH_PROMISE()));
    if (!account || !valid) throw ProblemException.unauthorized('Unknown username or wrong password');
    return {
      accessToken: this.tokens.issue(account),
      tokenType: 'Bearer',
      expiresIn: this.config.accessTokenTtlSeconds,
    };
  }
}
