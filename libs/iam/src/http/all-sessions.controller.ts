import { Controller, Delete, HttpCode, Inject, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../access.decorators';
import { Principal, ROLES } from '../roles';
import { REFRESH_SESSION_STORE, RefreshSessionStore } from '../sessions/refresh-session-store.port';
import { clearSessionCookie, CookieReply, CookieRequest } from './session-cookie';
import { CLEARING_SET_COOKIE } from './session-cookie.openapi';

/** "Sign out everywhere": every session of the caller, from any browser or API client. */
@ApiTags('auth')
@Controller('api/auth/sessions')
export class AllSessionsController {
  constructor(@Inject(REFRESH_SESSION_STORE) private readonly refreshTokens: RefreshSessionStore) {}

  @Delete()
  @Roles(...ROLES)
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Sign out everywhere: end every session of the calling user',
    description:
      'Revokes every refresh token of the caller (browser sessions and API clients alike) and clears ' +
      'the nrm_session cookie of this browser. Access tokens already issued stay valid until they ' +
      'expire (at most NRM_ACCESS_TOKEN_TTL_SECONDS).',
  })
  @ApiNoContentResponse({ description: 'every session of the caller is ended', headers: CLEARING_SET_COOKIE })
  async endAll(
    @CurrentUser() user: Principal,
    @Req() request: CookieRequest,
    @Res({ passthrough: true }) reply: CookieReply,
  ): Promise<void> {
    this.refreshTokens.revokeAllOf(user.userId);
    clearSessionCookie(request, reply);
  }
}
