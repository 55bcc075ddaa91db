import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, Role } from '../roles';

/** Who the browser session belongs to: what the console shows and which screens it offers. */
export class SessionUser {
  @ApiProperty() userId: string;
  @ApiProperty() username: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiPropertyOptional({ example: 'national-police' }) agency?: string;
  @ApiPropertyOptional({ example: 'MD', description: 'ISO 3166-1 alpha-2' }) country?: string;
}

/**
 * The answer of the browser session routes. The refresh token is not in it: it is in the nrm_session
 * cookie (HttpOnly), which the console's JavaScript never sees.
 */
export class BrowserSessionResponse {
  @ApiProperty({
    description:
      'Short-lived bearer token (NRM_ACCESS_TOKEN_TTL_SECONDS, default 15 min): keep it in memory only',
  })
  accessToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: string;
  @ApiProperty({ description: 'lifetime of the access token, in seconds' }) expiresIn: number;
  @ApiProperty({
    description:
      'seconds until the session ends (NRM_REFRESH_TOKEN_TTL_SECONDS, default 8 h, after login, however ' +
      'often it is refreshed); the nrm_session cookie expires then too',
  })
  sessionExpiresIn: number;
  @ApiProperty({ type: SessionUser }) user: SessionUser;
}
