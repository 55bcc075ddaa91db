import {
  FORMS_OF_EXPLOITATION,
  MEANS_OF_CONTROL,
  RECRUITER_RELATIONS,
  type FormOfExploitation,
  type MeanOfControl,
  type RecruiterRelation,
} from '../../taxonomies/exploitation';
import type { CountryCode } from '../../taxonomies/countries';
import {
  PERSON_AT_RISK_VULNERABILITIES,
  type PersonAtRiskVulnerability,
} from '../../taxonomies/person-at-risk';
import { REFERRAL_SOURCES, type ReferralSource } from '../../taxonomies/referral-sources';
import { IsCaseId, IsCode, IsCodeList, IsCountry, IsDateTime, IsListOf, IsOneOf } from '../field-rules';
import { RegisteredPersonFacts, RegisteredPersonPersonal } from './registered-person';

/**
 * A person at risk of trafficking (a potential victim) registered as a case of their own, for
 * assistance and prevention without an identification decision. Opens the case like
 * PresumedVictimRegistered, with the vulnerabilities that bring the person in instead of the facts of
 * an exploitation, and no reflection period.
 */
export class PersonAtRiskRegisteredData extends RegisteredPersonFacts {
  @IsCaseId() caseId: string;
  @IsListOf(PERSON_AT_RISK_VULNERABILITIES, { min: 1 }) vulnerabilities: PersonAtRiskVulnerability[];
  @IsOneOf(REFERRAL_SOURCES) referralSource: ReferralSource;
  @IsDateTime() registeredAt: string;
  /** The case of the trafficked person, for a family member (a case id, never a name). */
  @IsCaseId(true) linkedCaseId?: string;
  /** The district of the node's organisation registry the case is registered in (optional since 6.0.0). */
  @IsCode(true) district?: string;
}

export class PersonAtRiskRegisteredPersonal extends RegisteredPersonPersonal {}

export interface PersonAtRiskRegistered {
  type: 'PersonAtRiskRegistered';
  data: PersonAtRiskRegisteredData;
  personal?: PersonAtRiskRegisteredPersonal;
}

/**
 * Indicators of trafficking appeared: the case of a person at risk becomes a presumed-victim case in
 * the same stream (its history kept), with the facts PresumedVictimRegistered would have recorded.
 * Followed by ReflectionPeriodStarted.
 */
export class PersonAtRiskConvertedData {
  /** Screening indicator codes (national indicator list); at least one. */
  @IsCodeList() indicators: string[];
  @IsCountry() countryOfExploitation: CountryCode;
  @IsListOf(FORMS_OF_EXPLOITATION, { min: 1 }) formsOfExploitation: FormOfExploitation[];
  @IsListOf(MEANS_OF_CONTROL) meansOfControl: MeanOfControl[];
  @IsOneOf(RECRUITER_RELATIONS, true) recruiterRelation?: RecruiterRelation;
  @IsDateTime() convertedAt: string;
}

export interface PersonAtRiskConverted {
  type: 'PersonAtRiskConverted';
  data: PersonAtRiskConvertedData;
}
