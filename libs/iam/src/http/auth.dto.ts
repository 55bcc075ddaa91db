import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../passwords/password-policy';
import { ROLES, Role } from '../roles';

export class LoginDto {
  @ApiProperty() @IsString() @Length(1, 64) username: string;
  @ApiProperty() @IsString() @Length(1, 256) password: string;
}

export class LoginResponse {
  @ApiProperty({ description: 'Short-lived bearer token (NRM_ACCESS_TOKEN_TTL_SECONDS, default 15 min)' })
  accessToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: string;
  @ApiProperty({ description: 'lifetime of the access token, in seconds' }) expiresIn: number;
  @ApiProperty({
    description:
      'Opaque, single-use token for POST /api/auth/refresh. The session it starts ends ' +
      'NRM_REFRESH_TOKEN_TTL_SECONDS (default 8 h) after login, however often it is refreshed.',
  })
  refreshToken: string;
  @ApiProperty({ description: 'seconds until the refresh token (and the session) expires' })
  refreshExpiresIn: number;
}

export class RefreshTokenDto {
  @ApiProperty({ description: 'the refresh token of the last login or refresh' })
  @IsString()
  @Length(20, 200)
  refreshToken: string;
}

export class CreateUserDto {
  @ApiProperty({ example: 'ana.popescu' })
  @IsString()
  @Matches(/^[a-zA-Z0-9._@-]{3,64}$/, { message: 'username must be 3 to 64 letters, digits or . _ @ -' })
  username: string;

  @ApiProperty({
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: 'must not contain the username nor be one of the most common passwords',
  })
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, {
    message: `password must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`,
  })
  password: string;

  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role: Role;

  @ApiPropertyOptional({ example: 'national-police' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  agency?: string;

  @ApiPropertyOptional({ example: 'MD' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code' })
  country?: string;
}

/** What an admin changes of an account: at least one field; absent ones stay as they are. */
export class UpdateUserDto {
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;

  @ApiPropertyOptional({ example: 'national-police' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  agency?: string;

  @ApiPropertyOptional({ example: 'MD' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code' })
  country?: string;
}

export class SetPasswordDto {
  @ApiProperty({
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: 'the new password; must not contain the username nor be one of the most common passwords',
  })
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, {
    message: `password must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`,
  })
  password: string;
}

export class CreateUserResponse {
  @ApiProperty() userId: string;
}

/** An account as an admin sees it: who may sign in, with which role; never password material. */
export class UserView {
  @ApiProperty() userId: string;
  @ApiProperty({ example: 'ana.popescu' }) username: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiPropertyOptional({ example: 'national-police' }) agency?: string;
  @ApiPropertyOptional({ example: 'MD' }) country?: string;
  @ApiProperty({ description: 'When the account was created (ISO 8601)' }) createdAt: string;
  @ApiProperty({ description: 'A disabled account cannot log in nor refresh a session' }) disabled: boolean;
}

export class UserListView {
  @ApiProperty({ type: [UserView], description: 'Every local account, by username' })
  items: UserView[];
}

/** Who did something to an account: their id, and their role and agency at the time. */
export class AccountActorView {
  @ApiProperty({ description: "The actor's user id; `node` for what the node did itself" }) userId: string;
  @ApiProperty({ description: 'The role the actor held at the time (`node` for the node itself)' })
  role: string;
  @ApiPropertyOptional({ description: 'The agency the actor belonged to at the time' }) agency?: string;
}

/** One event of an account's history (stream `accounts` of the node's log). */
export class UserHistoryItem {
  @ApiProperty({ description: "The event's position in the node's log" }) position: number;
  @ApiProperty({ description: "The event's revision in the stream accounts" }) revision: number;
  @ApiProperty() eventId: string;
  @ApiProperty({
    description:
      'AccountCreated, AccountChanged, AccountDisabled, AccountReenabled or AccountPasswordReset (docs/events.md)',
  })
  type: string;
  @ApiProperty({ description: 'When it happened (ISO 8601)' }) occurredAt: string;
  @ApiProperty({ type: AccountActorView }) actor: AccountActorView;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The event’s data: userId, and for AccountCreated username, role, agency, country; for ' +
      'AccountChanged each changed field as {from, to}. Never any password material.',
  })
  data: Record<string, unknown>;
}

export class UserHistoryView {
  @ApiProperty({ type: [UserHistoryItem], description: "The account's events, oldest first" })
  items: UserHistoryItem[];
}
