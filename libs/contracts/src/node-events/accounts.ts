import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';

/**
 * The node's operator accounts (stream `accounts`): every creation, change of role, agency or
 * country, disabling, re-enabling and password reset, with the acting admin (or the node itself, at
 * bootstrap) as the envelope's actor. Decided by the account registry of `@nrm/domain`. No password
 * nor hash, ever: a reset says only that it happened and who did it.
 *
 * The username is in `data`: it is an operator's work identifier (docs/security.md, "Accounts"), the
 * name an auditor needs to read the log; operators' accountability outlives any erasure.
 */
const ROLE = /^[a-z][a-z_]{1,39}$/;
const USERNAME = /^[a-zA-Z0-9._@-]{3,64}$/;
const COUNTRY = /^[A-Z]{2}$/;

class AccountRef {
  @IsUUID() userId: string;
}

export class AccountCreatedData extends AccountRef {
  @IsString() @Matches(USERNAME) username: string;
  @IsString() @Matches(ROLE) role: string;
  @IsOptional() @IsString() @Length(1, 100) agency?: string;
  @IsOptional() @IsString() @Matches(COUNTRY) country?: string;
  /** Recorded at start from an account table older than the log, not by an admin's request. */
  @IsOptional() @IsBoolean() adopted?: boolean;
}

class RoleChange {
  @IsString() @Matches(ROLE) from: string;
  @IsString() @Matches(ROLE) to: string;
}

class AgencyChange {
  @IsOptional() @IsString() @Length(1, 100) from?: string;
  @IsString() @Length(1, 100) to: string;
}

class CountryChange {
  @IsOptional() @IsString() @Matches(COUNTRY) from?: string;
  @IsString() @Matches(COUNTRY) to: string;
}

/** One admin's change of an account's profile: only the fields that changed, each before and after. */
export class AccountChangedData extends AccountRef {
  @IsOptional() @ValidateNested() @Type(() => RoleChange) role?: RoleChange;
  @IsOptional() @ValidateNested() @Type(() => AgencyChange) agency?: AgencyChange;
  @IsOptional() @ValidateNested() @Type(() => CountryChange) country?: CountryChange;
}

export class AccountDisabledData extends AccountRef {}

export class AccountReenabledData extends AccountRef {}

/** An admin set a new password for the account (the actor says who); nothing of the password. */
export class AccountPasswordResetData extends AccountRef {}
