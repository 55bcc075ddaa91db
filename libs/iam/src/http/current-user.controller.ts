import { Controller, Get } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../access.decorators';
import { Principal, ROLES } from '../roles';
import { SessionUser } from './browser-session.dto';

/**
 * Who the bearer token says the caller is. The console asks after signing in with the identity
 * provider: the node, not the browser, reads the role and agency from the provider's token.
 */
@ApiTags('auth')
@Controller('api/auth/me')
export class CurrentUserController {
  @Get()
  @Roles(...ROLES)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'The caller as the node sees them: user id, name, role, agency, country',
    description:
      'For a local token as for one of the identity provider (role from NRM_OIDC_ROLE_CLAIM, agency ' +
      'and country from nrm_agency and nrm_country). A provider token the node does not accept answers 401.',
  })
  @ApiOkResponse({ type: SessionUser })
  @ApiUnauthorizedResponse({ description: 'no token, or one the node does not accept' })
  me(@CurrentUser() user: Principal): SessionUser {
    const { userId, username, role, agency, country } = user;
    return { userId, username, role, ...(agency ? { agency } : {}), ...(country ? { country } : {}) };
  }
}
