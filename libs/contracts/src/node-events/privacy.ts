import { IsIn, IsString, IsUUID, Length, Matches } from 'class-validator';

export const PERSONAL_DATA_ERASED = 'PersonalDataErased';
export const FAMILY_MEMBER_DATA_ERASED = 'FamilyMemberDataErased';
export const PERSONAL_DATA_ACCESSED = 'PersonalDataAccessed';

/** An admin erased a person: the record stays in the case stream, the person's keys are shredded. */
export class PersonalDataErasedData {
  @IsString() @Length(3, 200) legalBasis: string;
}

/**
 * An admin erased one family member linked to the case: only that member's key is shredded; the victim
 * and the other members stay readable.
 */
export class FamilyMemberDataErasedData {
  @IsString() @Length(1, 64) @Matches(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/) memberId: string;
  @IsString() @Length(3, 200) legalBasis: string;
}

export const ACCESS_CHANNELS = ['api', 'cli', 'export', 'partner'] as const;
export type AccessChannel = (typeof ACCESS_CHANNELS)[number];

/** One read of a person's data (stream access-<caseId>): who, why, through which channel. No personal data. */
export class PersonalDataAccessedData {
  @IsUUID() caseId: string;
  /** A snake_case code, never free text: the access log is kept in clear where erasure cannot reach. */
  @IsString() @Matches(/^[a-z][a-z0-9_]{1,63}$/) purpose: string;
  @IsIn(ACCESS_CHANNELS) channel: AccessChannel;
}
