import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * The identity provider the console may sign in with (a public client: authorization code flow with
 * PKCE, no secret). The console finds the provider's endpoints in its discovery document,
 * `<issuer>/.well-known/openid-configuration`, and checks that it names this issuer.
 */
export class OidcProviderInfo {
  @ApiProperty({
    example: 'https://idp.example.org/realms/nrm',
    description: 'NRM_OIDC_ISSUER: the `iss` of its tokens and the base of its discovery document',
  })
  issuer: string;
  @ApiProperty({ example: 'nrm-console', description: 'NRM_OIDC_CLIENT_ID: the console’s client id there' })
  clientId: string;
  @ApiProperty({
    example: 'Ministry login',
    description: 'NRM_OIDC_DISPLAY_NAME (default: the issuer’s host): the name on the sign-in button',
  })
  displayName: string;
  @ApiProperty({
    type: [String],
    example: ['openid', 'profile'],
    description: 'NRM_OIDC_SCOPES (default `openid profile`; `openid` always among them)',
  })
  scopes: string[];
}

/** How one may sign in to this node besides a local account. */
export class AuthProvidersResponse {
  @ApiPropertyOptional({
    type: OidcProviderInfo,
    description: 'present when NRM_OIDC_CLIENT_ID is set (with the other NRM_OIDC_* settings)',
  })
  oidc?: OidcProviderInfo;
}
