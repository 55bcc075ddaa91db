import { IsDateTime, IsDate, IsText, LIMITS } from '../field-rules';

/**
 * The identity of a person registered under a pseudonym, recorded later (encrypted for the person, like
 * the registration's personal part).
 */
export class IdentityRecordedData {
  @IsDateTime() recordedAt: string;
}
export class IdentityRecordedPersonal {
  @IsText(LIMITS.name) givenName: string;
  @IsText(LIMITS.name) familyName: string;
  @IsDate(true) dateOfBirth?: string;
}
export interface IdentityRecorded {
  type: 'IdentityRecorded';
  data: IdentityRecordedData;
  personal: IdentityRecordedPersonal;
}
