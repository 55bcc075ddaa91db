import {
  FORMS_OF_EXPLOITATION,
  MEANS_OF_CONTROL,
  RECRUITER_RELATIONS,
  type FormOfExploitation,
  type MeanOfControl,
  type RecruiterRelation,
} from '../../taxonomies/exploitation';
import { REFERRAL_SOURCES, type ReferralSource } from '../../taxonomies/referral-sources';
import type { CountryCode } from '../../taxonomies/countries';
import { IsCaseId, IsCode, IsCodeList, IsCountry, IsDateTime, IsListOf, IsOneOf } from '../field-rules';
import { RegisteredPersonFacts, RegisteredPersonPersonal } from './registered-person';

export { isCitizenship, type Citizenship } from './registered-person';

/** Schema v2: several forms of exploitation and the means of control (CTDC). */
export class PresumedVictimRegisteredData extends RegisteredPersonFacts {
  @IsCaseId() caseId: string;
  @IsOneOf(REFERRAL_SOURCES) referralSource: ReferralSource;
  @IsCountry() countryOfExploitation: CountryCode;
  @IsListOf(FORMS_OF_EXPLOITATION, { min: 1 }) formsOfExploitation: FormOfExploitation[];
  /** Screening indicator codes (national indicator list). */
  @IsCodeList() indicators: string[];
  @IsListOf(MEANS_OF_CONTROL) meansOfControl: MeanOfControl[];
  @IsOneOf(RECRUITER_RELATIONS, true) recruiterRelation?: RecruiterRelation;
  @IsDateTime() registeredAt: string;
  /** The district of the node's organisation registry the case is registered in (optional since 6.0.0). */
  @IsCode(true) district?: string;
}

export class PresumedVictimRegisteredPersonal extends RegisteredPersonPersonal {}

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
