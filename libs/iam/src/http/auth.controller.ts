import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Clock, CLOCK } from '@nrm/config/clock';
import { NODE_CONFIG, NodeConfig } from '@nrm/config/node-config';
import { ProblemException } from '@nrm/http/problem';
import { CurrentUser, Public, Roles } from '../access.decorators';
import { Account, ACCOUNT_REPOSITORY, AccountRepository } from '../accounts/account-repository.port';
import { LOGIN_ATTEMPT_STORE, LoginAttemptStore } from '../login-throttle/login-attempt-store.port';
import { DUMMY_HASH_PROMISE, verifyPassword } from '../passwords/password-hasher';
import { Principal, ROLES } from '../roles';
import {
  IssuedRefreshToken,
  REFRESH_SESSION_STORE,
  RefreshSessionStore,
} from '../sessions/refresh-session-store.port';
import { TokenService } from '../sessions/token.service';
import { LoginDto, LoginResponse, RefreshTokenDto } from './auth.dto';

const WRONG_CREDENTIALS = 'Unknown username or wrong password';
const INVALID_REFRESH = 'The refresh token is not valid; log in again';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    @Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
    private readonly tokens: TokenService,
    @Inject(REFRESH_SESSION_STORE) private readonly refreshTokens: RefreshSessionStore,
    @Inject(LOGIN_ATTEMPT_STORE) private readonly throttle: LoginAttemptStore,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Log in with a local account',
    description:
      'After NRM_LOGIN_MAX_FAILURES (5) failed logins for one username within NRM_LOGIN_LOCKOUT_SECONDS ' +
      '(15 min) the username is locked for as long: 429 with Retry-After, the same for unknown usernames.',
  })
  @ApiOkResponse({ type: LoginResponse })
  @ApiUnauthorizedResponse({ description: 'unknown username or wrong password' })
  @ApiTooManyRequestsResponse({ description: 'username locked, or too many requests from this address' })
  async login(@Body() body: LoginDto): Promise<LoginResponse> {
    const locked = this.throttle.lockedForSeconds(body.username);
    if (locked > 0) throw ProblemException.tooManyRequests(locked, 'Too many failed logins; try again later');
    const account = this.accounts.findByUsername(body.username);
    // Same work whether or not the user exists, so timing does not reveal usernames.
    const valid = await verifyPassword(body.password, account?.passwordHash ?? (await DUMMY_HASH_PROMISE()));
    if (!account || !valid) {
      this.throttle.recordFailure(body.username);
      throw ProblemException.unauthorized(WRONG_CREDENTIALS);
    }
    this.throttle.recordSuccess(body.username);
    return this.session(account, this.refreshTokens.start(account.userId));
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange a refresh token for a new access token and a new refresh token',
    description:
      'The presented token is revoked. Presenting a revoked token again revokes the whole session ' +
      '(every token descended from the same login): a stolen copy and the original cannot both be used.',
  })
  @ApiOkResponse({ type: LoginResponse })
  @ApiUnauthorizedResponse({ description: 'unknown, expired or already used refresh token' })
  async refresh(@Body() body: RefreshTokenDto): Promise<LoginResponse> {
    const rotated = this.refreshTokens.rotate(body.refreshToken);
    if (!rotated.ok) throw ProblemException.unauthorized(INVALID_REFRESH);
    const account = this.accounts.findById(rotated.userId);
    if (!account) {
      this.refreshTokens.revokeFamilyOf(rotated.next.token);
      throw ProblemException.unauthorized(INVALID_REFRESH);
    }
    return this.session(account, rotated.next);
  }

  @Post('logout')
  @Roles(...ROLES)
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiOperation({
    summary: 'End the session of a refresh token',
    description:
      'Needs the access token of the same user. Revokes the refresh token and every token of its session. ' +
      'Access tokens already issued stay valid ' +
      'until they expire (at most NRM_ACCESS_TOKEN_TTL_SECONDS).',
  })
  @ApiNoContentResponse({ description: 'the session is ended (also answered for unknown tokens)' })
  async logout(@Body() body: RefreshTokenDto, @CurrentUser() user: Principal): Promise<void> {
    // Only the session's own user may end it (a leaked refresh token is no licence to log others out).
    this.refreshTokens.revokeFamilyOf(body.refreshToken, user.userId);
  }

  private session(account: Account, refresh: IssuedRefreshToken): LoginResponse {
    return {
      accessToken: this.tokens.issue(account),
      tokenType: 'Bearer',
      expiresIn: this.config.accessTokenTtlSeconds,
      refreshToken: refresh.token,
      refreshExpiresIn: Math.max(
        0,
        Math.floor((refresh.expiresAt.getTime() - this.clock.now().getTime()) / 1000),
      ),
    };
  }
}
