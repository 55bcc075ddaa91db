import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NODE_CONFIG, NodeConfig } from '@nrm/config/node-config';
import { Public } from '../access.decorators';
import { AuthProvidersResponse } from './auth-providers.dto';

/** What the console's sign-in page offers: public, it is shown before anyone is signed in. */
@ApiTags('auth')
@Controller('api/auth/providers')
export class AuthProvidersController {
  private readonly answer: AuthProvidersResponse;

  constructor(@Inject(NODE_CONFIG) config: NodeConfig) {
    const oidc = config.oidc;
    const signIn = oidc?.console;
    // Only what a browser must know to start the flow: no audience, JWKS URL or role claim.
    this.answer =
      oidc && signIn
        ? {
            oidc: {
              issuer: oidc.issuer,
              clientId: signIn.clientId,
              displayName: signIn.displayName,
              scopes: signIn.scopes,
            },
          }
        : {};
  }

  @Public()
  @Get()
  @ApiOperation({
    summary: 'The identity provider the console may sign in with, if any',
    description:
      'Public. `oidc` is there when the console may sign in through the external identity provider ' +
      '(NRM_OIDC_CLIENT_ID): the console then runs the authorization code flow with PKCE against it and ' +
      'calls the API with the provider’s access token as bearer (docs/console.md). `{}` otherwise.',
  })
  @ApiOkResponse({ type: AuthProvidersResponse })
  providers(): AuthProvidersResponse {
    return this.answer;
  }
}
