import { Body, Controller, Delete, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ProblemException } from '@nrm/http/problem';
import { Public } from '../access.decorators';
import { REFRESH_SESSION_STORE, RefreshSessionStore } from '../sessions/refresh-session-store.port';
import { LoginDto } from './auth.dto';
import { BrowserSessionResponse } from './browser-session.dto';
import { PasswordLogin } from './password-login';
import {
  clearSessionCookie,
  CookieReply,
  CookieRequest,
  sessionCookieOf,
  setSessionCookie,
} from './session-cookie';
import { ApiBrowserSessionAnswer, ApiSessionCookie, CLEARING_SET_COOKIE } from './session-cookie.openapi';
import { INVALID_REFRESH, SessionGrant, SessionGrants } from './session-grants';

/**
 * The web console's session: the access token in the answer (the console keeps it in memory only), the
 * refresh token in the HttpOnly nrm_session cookie (session-cookie.ts), which its JavaScript never
 * sees. Same password check, lockout, rotation and reuse detection as POST /api/auth/login and
 * /refresh (PasswordLogin, SessionGrants); only where the refresh token travels differs.
 */
@ApiTags('auth')
@Controller('api/auth/session')
export class BrowserSessionController {
  constructor(
    private readonly passwords: PasswordLogin,
    private readonly grants: SessionGrants,
    @Inject(REFRESH_SESSION_STORE) private readonly refreshTokens: RefreshSessionStore,
  ) {}

  @Public()
  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Log in from a browser: access token in the answer, refresh token in an HttpOnly cookie',
    description:
      'The checks of POST /api/auth/login, its lockout included. The refresh token is not in the answer: ' +
      'it is the nrm_session cookie (HttpOnly, SameSite=Strict, Path=/api/auth), for ' +
      'POST /api/auth/session/refresh and DELETE /api/auth/session.',
  })
  @ApiBrowserSessionAnswer('the session started; Set-Cookie carries its refresh token')
  @ApiUnauthorizedResponse({ description: 'unknown username or wrong password' })
  @ApiTooManyRequestsResponse({ description: 'username locked, or too many requests from this address' })
  async start(
    @Body() body: LoginDto,
    @Req() request: CookieRequest,
    @Res({ passthrough: true }) reply: CookieReply,
  ): Promise<BrowserSessionResponse> {
    const account = await this.passwords.authenticate(body.username, body.password);
    return answer(this.grants.start(account), request, reply);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Renew the browser session: a new access token, and the cookie’s refresh token rotated',
    description:
      'Takes no body. The cookie’s token is revoked and its successor set as the cookie. A revoked ' +
      'token presented again revokes the whole session (as POST /api/auth/refresh): a stolen copy and ' +
      'the original cannot both be used. Without a valid cookie: 401, and the cookie is cleared.',
  })
  @ApiSessionCookie('the refresh token of the browser session, as POST /api/auth/session set it')
  @ApiBrowserSessionAnswer('the session renewed; Set-Cookie carries the next refresh token')
  @ApiUnauthorizedResponse({
    description: 'no cookie, or an unknown, expired or already used refresh token; the cookie is cleared',
    headers: CLEARING_SET_COOKIE,
  })
  async refresh(
    @Req() request: CookieRequest,
    @Res({ passthrough: true }) reply: CookieReply,
  ): Promise<BrowserSessionResponse> {
    const token = sessionCookieOf(request);
    try {
      if (!token) throw ProblemException.unauthorized(INVALID_REFRESH);
      return answer(this.grants.rotate(token), request, reply);
    } catch (error) {
      // The browser must not keep presenting a token that is refused (a reused one ends its session).
      clearSessionCookie(request, reply);
      throw error;
    }
  }

  @Public()
  @Delete()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Log out from a browser: end the cookie’s session and clear the cookie',
    description:
      'Revokes the refresh token of the nrm_session cookie and every token of its session. Access ' +
      'tokens already issued stay valid until they expire (at most NRM_ACCESS_TOKEN_TTL_SECONDS): the ' +
      'console drops its own from memory.',
  })
  @ApiSessionCookie('the refresh token of the browser session to end')
  @ApiNoContentResponse({
    description:
      'the session is ended and the cookie cleared (also answered without a cookie or for an unknown one)',
    headers: CLEARING_SET_COOKIE,
  })
  async end(@Req() request: CookieRequest, @Res({ passthrough: true }) reply: CookieReply): Promise<void> {
    const token = sessionCookieOf(request);
    if (token) this.refreshTokens.revokeFamilyOf(token);
    clearSessionCookie(request, reply);
  }
}

/** The browser's answer: the refresh token goes into the cookie, never into the body. */
function answer(grant: SessionGrant, request: CookieRequest, reply: CookieReply): BrowserSessionResponse {
  setSessionCookie(request, reply, grant.refresh.token, grant.sessionExpiresIn);
  const { userId, username, role, agency, country } = grant.account;
  return {
    accessToken: grant.accessToken,
    tokenType: 'Bearer',
    expiresIn: grant.expiresIn,
    sessionExpiresIn: grant.sessionExpiresIn,
    user: { userId, username, role, ...(agency ? { agency } : {}), ...(country ? { country } : {}) },
  };
}
