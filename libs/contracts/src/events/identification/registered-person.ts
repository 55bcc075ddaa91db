import { isCountryCode, type CountryCode } from '../../taxonomies/countries';
import {
  AGE_BANDS_OR_UNKNOWN,
  CITIZENSHIP_WITHOUT_COUNTRY,
  SEXES,
  type AgeBandOrUnknown,
  type Sex,
} from '../../taxonomies/person';
import { IsDate, IsFlag, IsOneOf, IsText, LIMITS, Satisfies } from '../field-rules';

/** A country code, 'stateless' or 'unknown'. */
export type Citizenship = CountryCode | (typeof CITIZENSHIP_WITHOUT_COUNTRY)[number];
export const isCitizenship = (value: unknown): value is Citizenship =>
  isCountryCode(value) || (CITIZENSHIP_WITHOUT_COUNTRY as readonly unknown[]).includes(value);

/**
 * What a registration records of the person without naming them (CTDC), the same for a presumed victim
 * and a person at risk: the registration events extend it.
 */
export class RegisteredPersonFacts {
  @IsOneOf(SEXES) sex: Sex;
  @Satisfies(
    'isCitizenship',
    isCitizenship,
    'citizenship must be an ISO 3166-1 alpha-2 code, stateless or unknown',
  )
  citizenship: Citizenship;
  @IsOneOf(AGE_BANDS_OR_UNKNOWN) ageBand: AgeBandOrUnknown;
  @IsFlag() ageUncertain: boolean;
  @IsFlag() presumedMinor: boolean;
  /**
   * Registered under a pseudonym: the person did not (yet) give their name. Added without a schema
   * bump: an optional flag every stored registration (without it) still satisfies; IdentityRecorded
   * ends it.
   */
  @IsFlag(true) pseudonymous?: boolean;
}

/**
 * Who the registered person is: the personal part of a registration, encrypted for them. Either the name
 * pair or (for a person who will not yet give their name) a pseudonym; the decider requires exactly one.
 * Widened without a schema bump: every stored personal part (always with the name pair) still satisfies it.
 */
export class RegisteredPersonPersonal {
  @IsText(LIMITS.name, true) givenName?: string;
  @IsText(LIMITS.name, true) familyName?: string;
  @IsText(LIMITS.name, true) pseudonym?: string;
  @IsDate(true) dateOfBirth?: string;
}
