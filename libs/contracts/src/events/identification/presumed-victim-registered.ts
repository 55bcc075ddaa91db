import { CITIZENSHIP_WITHOUT_COUNTRY } from '../../taxonomies/person';
import { isCountryCode } from '../../taxonomies/countries';
import {
  FORMS_OF_EXPLOITATION,
  MEANS_OF_CONTROL,
  RECRUITER_RELATIONS,
  type FormOfExploitation,
  type MeanOfControl,
  type RecruiterRelation,
} from '../../taxonomies/exploitation';
import { AGE_BANDS_OR_UNKNOWN, SEXES, type AgeBandOrUnknown, type Sex } from '../../taxonomies/person';
import { REFERRAL_SOURCES, type ReferralSource } from '../../taxonomies/referral-sources';
import type { CountryCode } from '../../taxonomies/countries';
import {
  IsCaseId,
  IsCodeList,
  IsCountry,
  IsDate,
  IsDateTime,
  IsFlag,
  IsListOf,
  IsOneOf,
  IsText,
  LIMITS,
  Satisfies,
} from '../field-rules';

/** A country code, 'stateless' or 'unknown'. */
export type Citizenship = CountryCode | (typeof CITIZENSHIP_WITHOUT_COUNTRY)[number];
export const isCitizenship = (value: unknown): value is Citizenship =>
  isCountryCode(value) || (CITIZENSHIP_WITHOUT_COUNTRY as readonly unknown[]).includes(value);

/** Schema v2: several forms of exploitation and the means of control (CTDC). */
export class PresumedVictimRegisteredData {
  @IsCaseId() caseId: string;
  @IsOneOf(REFERRAL_SOURCES) referralSource: ReferralSource;
  @IsCountry() countryOfExploitation: CountryCode;
  @IsListOf(FORMS_OF_EXPLOITATION, { min: 1 }) formsOfExploitation: FormOfExploitation[];
  /** Screening indicator codes (national indicator list). */
  @IsCodeList() indicators: string[];
  @IsListOf(MEANS_OF_CONTROL) meansOfControl: MeanOfControl[];
  @IsOneOf(RECRUITER_RELATIONS, true) recruiterRelation?: RecruiterRelation;
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
  @IsDateTime() registeredAt: string;
}

export class PresumedVictimRegisteredPersonal {
  @IsText(LIMITS.name) givenName: string;
  @IsText(LIMITS.name) familyName: string;
  @IsDate(true) dateOfBirth?: string;
}

export interface PresumedVictimRegistered {
  type: 'PresumedVictimRegistered';
  data: PresumedVictimRegisteredData;
  personal?: PresumedVictimRegisteredPersonal;
}

/** Schema v1 (kept for upcasting only): one form of exploitation, no means of control. */
export interface PresumedVictimRegisteredDataV1 extends Omit<
  PresumedVictimRegisteredData,
  'formsOfExploitation' | 'meansOfControl'
> {
  formOfExploitation: FormOfExploitation;
}
