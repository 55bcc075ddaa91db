import {
  FAMILY_RELATIONS,
  PARENTAGE_OUTCOMES,
  PARENTAGE_STEPS,
  type FamilyRelation,
  type ParentageOutcome,
  type ParentageStep,
} from '../../taxonomies/family';
import { AGE_BANDS_OR_UNKNOWN, SEXES, type AgeBandOrUnknown, type Sex } from '../../taxonomies/person';
import { SERVICE_KINDS, type ServiceKind } from '../../taxonomies/services';
import {
  IsCode,
  IsCodeList,
  IsDate,
  IsDateTime,
  IsFlag,
  IsListOf,
  IsOneOf,
  IsText,
  LIMITS,
} from '../field-rules';

/*
 * The victim's family members linked to a case. Each member is a data subject of their own: every event
 * about a member names it in `data.memberId`, and its personal part is encrypted under the member's key
 * (`member:<caseId>:<memberId>`), never the victim's, so that either can be erased without the other.
 */

export class FamilyMemberLinkedData {
  @IsCode() memberId: string;
  @IsOneOf(FAMILY_RELATIONS) relation: FamilyRelation;
  /** A child born in the country of destination (parentage recognition, birth registration). */
  @IsFlag(true) bornInDestination?: boolean;
  @IsOneOf(SEXES) sex: Sex;
  @IsOneOf(AGE_BANDS_OR_UNKNOWN) ageBand: AgeBandOrUnknown;
  /** Treated as a child (guardian, best interests) unless and until shown to be an adult. */
  @IsFlag() presumedMinor: boolean;
  @IsDateTime() linkedAt: string;
}
export class FamilyMemberLinkedPersonal {
  @IsText(LIMITS.name) givenName: string;
  @IsText(LIMITS.name) familyName: string;
  @IsDate(true) dateOfBirth?: string;
}
export interface FamilyMemberLinked {
  type: 'FamilyMemberLinked';
  data: FamilyMemberLinkedData;
  personal?: FamilyMemberLinkedPersonal;
}

/** A guardian appointed for a child member (the victim's own guardian is GuardianAppointed). */
export class MemberGuardianAppointedData {
  @IsCode() memberId: string;
  /** The appointing authority: an organisation, not personal data. */
  @IsText(LIMITS.shortText) authority: string;
}
export class MemberGuardianAppointedPersonal {
  @IsText(LIMITS.name, true) name?: string;
}
export interface MemberGuardianAppointed {
  type: 'MemberGuardianAppointed';
  data: MemberGuardianAppointedData;
  personal?: MemberGuardianAppointedPersonal;
}

/** A best-interests determination for a child member; a new one replaces the previous one. */
export class MemberBestInterestsDeterminedData {
  @IsCode() memberId: string;
  @IsText(LIMITS.shortText) outcome: string;
  /** Whether returning to (reunifying with) the family is in the child's best interests, when pronounced. */
  @IsFlag(true) reunificationInBestInterests?: boolean;
}
export class MemberBestInterestsDeterminedPersonal {
  @IsText(LIMITS.longText, true) notes?: string;
}
export interface MemberBestInterestsDetermined {
  type: 'MemberBestInterestsDetermined';
  data: MemberBestInterestsDeterminedData;
  personal?: MemberBestInterestsDeterminedPersonal;
}

/** The family assessment: covers every member linked to the case at the time. Notes about the family as a whole. */
export class FamilyAssessedData {
  @IsCodeList() memberIds: string[];
  @IsListOf(SERVICE_KINDS) needs: ServiceKind[];
}
export class FamilyAssessedPersonal {
  @IsText(LIMITS.longText, true) notes?: string;
}
export interface FamilyAssessed {
  type: 'FamilyAssessed';
  data: FamilyAssessedData;
  personal?: FamilyAssessedPersonal;
}

/** Legal steps to have the mother (the victim) recognised as the parent of a child born in the country of destination. */
export class ParentageRecognitionStartedData {
  @IsCode() memberId: string;
  @IsCode() proceedingId: string;
  /** The authority before which the steps are taken (civil registry, court): an organisation. */
  @IsText(LIMITS.shortText) authority: string;
}
export interface ParentageRecognitionStarted {
  type: 'ParentageRecognitionStarted';
  data: ParentageRecognitionStartedData;
}

export class ParentageRecognitionStepRecordedData {
  @IsCode() memberId: string;
  @IsCode() proceedingId: string;
  @IsOneOf(PARENTAGE_STEPS) step: ParentageStep;
}
export class ParentageRecognitionStepRecordedPersonal {
  @IsText(LIMITS.longText, true) notes?: string;
}
export interface ParentageRecognitionStepRecorded {
  type: 'ParentageRecognitionStepRecorded';
  data: ParentageRecognitionStepRecordedData;
  personal?: ParentageRecognitionStepRecordedPersonal;
}

export class ParentageRecognitionConcludedData {
  @IsCode() memberId: string;
  @IsCode() proceedingId: string;
  @IsOneOf(PARENTAGE_OUTCOMES) outcome: ParentageOutcome;
}
export interface ParentageRecognitionConcluded {
  type: 'ParentageRecognitionConcluded';
  data: ParentageRecognitionConcludedData;
}

export type FamilyAssistanceEvent =
  | FamilyMemberLinked
  | MemberGuardianAppointed
  | MemberBestInterestsDetermined
  | FamilyAssessed
  | ParentageRecognitionStarted
  | ParentageRecognitionStepRecorded
  | ParentageRecognitionConcluded;
