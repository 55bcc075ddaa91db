import type { ConsentGiven, ConsentRefused, ConsentWithdrawn } from './consent';
import type { IdentificationConcluded } from './identification-concluded';
import type { IdentificationReviewDecided, IdentificationReviewRequested } from './identification-review';
import type { IdentityRecorded } from './identity-recorded';
import type { AgeAssessed, BestInterestsDetermined, GuardianAppointed } from './minority';
import type { PersonAtRiskConverted, PersonAtRiskRegistered } from './person-at-risk';
import type { PresumedVictimRegistered } from './presumed-victim-registered';
import type { ReflectionPeriodExtended, ReflectionPeriodStarted } from './reflection-period';

export * from './consent';
export * from './identification-concluded';
export * from './identification-review';
export * from './identity-recorded';
export * from './minority';
export * from './person-at-risk';
export * from './presumed-victim-registered';
export * from './reflection-period';

export type IdentificationEvent =
  | PresumedVictimRegistered
  | ReflectionPeriodStarted
  | ReflectionPeriodExtended
  | AgeAssessed
  | GuardianAppointed
  | BestInterestsDetermined
  | ConsentGiven
  | ConsentWithdrawn
  | ConsentRefused
  | IdentificationConcluded
  | PersonAtRiskRegistered
  | PersonAtRiskConverted
  | IdentificationReviewRequested
  | IdentificationReviewDecided
  | IdentityRecorded;
