import type {
  AgeAssessmentMethod,
  Citizenship,
  ConsentPurpose,
  CountryCode,
  DecidingBody,
  FormOfExploitation,
  IdentificationDecision,
  IdentificationReviewKind,
  IdentificationReviewOutcome,
  MeanOfControl,
  PersonAtRiskVulnerability,
  RecruiterRelation,
  ReferralSource,
  Sex,
} from '@nrm/contracts';
import type { CommandBase } from '../shared/command';

/**
 * The person as registered: the name pair, or (for a person who will not yet give their name) a
 * pseudonym instead; exactly one of the two (RecordIdentity adds the name later).
 */
export interface PersonToRegister {
  givenName?: string;
  familyName?: string;
  pseudonym?: string;
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

/** A concluded identification decision is put to review (its authority) or appeal (the person). */
export interface RequestIdentificationReview extends CommandBase<'RequestIdentificationReview'> {
  kind: IdentificationReviewKind;
  grounds: string;
  /** When the review or appeal was lodged; defaults to `at`, never after it. */
  requestedAt?: string;
}

/** The review's or appeal's decision: the identification decision upheld or overturned. */
export interface DecideIdentificationReview extends CommandBase<'DecideIdentificationReview'> {
  outcome: IdentificationReviewOutcome;
  reasons?: string;
}

/** The identity of a person registered under a pseudonym, once they give it. */
export interface RecordIdentity extends CommandBase<'RecordIdentity'> {
  givenName: string;
  familyName: string;
  /** YYYY-MM-DD */
  dateOfBirth?: string;
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
  | ConcludeIdentification
  | RequestIdentificationReview
  | DecideIdentificationReview
  | RecordIdentity;

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
  'RequestIdentificationReview',
  'DecideIdentificationReview',
  'RecordIdentity',
] as const satisfies readonly IdentificationCommand['type'][];
