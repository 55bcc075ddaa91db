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
import { CurrentUser, Public, Roles } from '../access.decorators';
import { Principal, ROLES } from '../roles';
import { REFRESH_SESSION_STORE, RefreshSessionStore } from '../sessions/refresh-session-store.port';
import { LoginDto, LoginResponse, RefreshTokenDto } from './auth.dto';
import { PasswordLogin } from './password-login';
import { SessionGrant, SessionGrants } from './session-grants';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly passwords: PasswordLogin,
    private readonly grants: SessionGrants,
    @Inject(REFRESH_SESSION_STORE) private readonly refreshTokens: RefreshSessionStore,
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
    const account = await this.passwords.authenticate(body.username, body.password);
    return answer(this.grants.start(account));
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
    return answer(this.grants.rotate(body.refreshToken));
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
}

/** The JSON answer of API clients: the refresh token in the body. */
function answer(grant: SessionGrant): LoginResponse {
  return {
    accessToken: grant.accessToken,
    tokenType: 'Bearer',
    expiresIn: grant.expiresIn,
    refreshToken: grant.refresh.token,
    refreshExpiresIn: grant.sessionExpiresIn,
  };
}
