import type {
  AgeAssessmentMethod,
  Citizenship,
  ConsentPurpose,
  CountryCode,
  DecidingBody,
  FormOfExploitation,
  IdentificationDecision,
  MeanOfControl,
  PersonAtRiskVulnerability,
  RecruiterRelation,
  ReferralSource,
  Sex,
} from '@nrm/contracts';
import type { CommandBase } from '../shared/command';

export interface PersonToRegister {
  givenName: string;
  familyName: string;
  sex: Sex;
  /** YYYY-MM-DD */
  dateOfBirth?: string;
  ageUncertain?: boolean;
  reasonsToBelieveChild?: boolean;
  citizenship: Citizenship;
}

export interface RegisterPresumedVictim extends CommandBase<'RegisterPresumedVictim'> {
  referralSource: ReferralSource;
  person: PersonToRegister;
  countryOfExploitation: CountryCode;
  formsOfExploitation: readonly FormOfExploitation[];
  indicators?: readonly string[];
  meansOfControl?: readonly MeanOfControl[];
  recruiterRelation?: RecruiterRelation;
  /** National setting; the period is never shorter than 30 days whatever is asked. */
  reflectionPeriodDays: number;
  /** A registered district (checked before the decider). */
  district?: string;
}

/** A person at risk of trafficking (potential victim), registered for assistance and prevention. */
export interface RegisterPersonAtRisk extends CommandBase<'RegisterPersonAtRisk'> {
  referralSource: ReferralSource;
  person: PersonToRegister;
  vulnerabilities: readonly PersonAtRiskVulnerability[];
  /** The trafficked person's case, for a family member. */
  linkedCaseId?: string;
  /** A registered district (checked before the decider). */
  district?: string;
}

/** Indicators of trafficking appeared: the person at risk's case becomes a presumed-victim case. */
export interface ConvertToPresumedVictim extends CommandBase<'ConvertToPresumedVictim'> {
  indicators: readonly string[];
  countryOfExploitation: CountryCode;
  formsOfExploitation: readonly FormOfExploitation[];
  meansOfControl?: readonly MeanOfControl[];
  recruiterRelation?: RecruiterRelation;
  /** National setting; the period is never shorter than 30 days whatever is asked. */
  reflectionPeriodDays: number;
}

export interface ExtendReflectionPeriod extends CommandBase<'ExtendReflectionPeriod'> {
  endsAt: string;
}

export interface GiveConsent extends CommandBase<'GiveConsent'> {
  purpose: ConsentPurpose;
  recipient?: string;
}

export interface WithdrawConsent extends CommandBase<'WithdrawConsent'> {
  purpose: ConsentPurpose;
  recipient?: string;
}

export interface AssessAge extends CommandBase<'AssessAge'> {
  presumedMinor: boolean;
  method: AgeAssessmentMethod;
}

export interface AppointGuardian extends CommandBase<'AppointGuardian'> {
  name: string;
  authority: string;
}

export interface DetermineBestInterests extends CommandBase<'DetermineBestInterests'> {
  outcome: string;
  returnInBestInterests?: boolean;
  notes: string;
}

export interface ConcludeIdentification extends CommandBase<'ConcludeIdentification'> {
  decision: IdentificationDecision;
  decidingBody?: DecidingBody;
  /** Defaults to the forms recorded at registration. */
  formsOfExploitation?: readonly FormOfExploitation[];
  reasons: string;
}

export type IdentificationCommand =
  | RegisterPresumedVictim
  | RegisterPersonAtRisk
  | ConvertToPresumedVictim
  | ExtendReflectionPeriod
  | GiveConsent
  | WithdrawConsent
  | AssessAge
  | AppointGuardian
  | DetermineBestInterests
  | ConcludeIdentification;

export const IDENTIFICATION_COMMAND_TYPES = [
  'RegisterPresumedVictim',
  'RegisterPersonAtRisk',
  'ConvertToPresumedVictim',
  'ExtendReflectionPeriod',
  'GiveConsent',
  'WithdrawConsent',
  'AssessAge',
  'AppointGuardian',
  'DetermineBestInterests',
  'ConcludeIdentification',
] as const satisfies readonly IdentificationCommand['type'][];
