import type {
  AgeBandOrUnknown,
  CountryCode,
  FamilyRelation,
  FamilyReunificationRefusalReason,
  FamilyTracingOutcome,
  ParentageOutcome,
  ParentageStep,
  ServiceKind,
  Sex,
} from '@nrm/contracts';
import type { CommandBase } from '../shared/command';

/** Links a family member (a child, a partner, a dependant) to the case: a data subject of their own. */
export interface LinkFamilyMember extends CommandBase<'LinkFamilyMember'> {
  memberId: string;
  relation: FamilyRelation;
  bornInDestination?: boolean;
  sex: Sex;
  /** Derived from the date of birth when one is given; 'unknown' by default. */
  ageBand?: AgeBandOrUnknown;
  /** Reasons to believe the member is a child; a known age under 18 is a child whatever this says. */
  presumedMinor?: boolean;
  givenName: string;
  familyName: string;
  dateOfBirth?: string;
}
export interface AppointMemberGuardian extends CommandBase<'AppointMemberGuardian'> {
  memberId: string;
  authority: string;
  name?: string;
}
export interface DetermineMemberBestInterests extends CommandBase<'DetermineMemberBestInterests'> {
  memberId: string;
  outcome: string;
  reunificationInBestInterests?: boolean;
  notes?: string;
}
export interface AssessFamily extends CommandBase<'AssessFamily'> {
  memberIds: readonly string[];
  needs: readonly ServiceKind[];
  notes?: string;
}
export interface StartParentageRecognition extends CommandBase<'StartParentageRecognition'> {
  memberId: string;
  proceedingId: string;
  authority: string;
}
export interface RecordParentageStep extends CommandBase<'RecordParentageStep'> {
  proceedingId: string;
  step: ParentageStep;
  notes?: string;
}
export interface ConcludeParentageRecognition extends CommandBase<'ConcludeParentageRecognition'> {
  proceedingId: string;
  outcome: ParentageOutcome;
}

export type FamilyAssistanceCommand =
  | LinkFamilyMember
  | AppointMemberGuardian
  | DetermineMemberBestInterests
  | AssessFamily
  | StartParentageRecognition
  | RecordParentageStep
  | ConcludeParentageRecognition;

/** Owned by assistance: assistance is tailored to the family, case by case. */
export const FAMILY_ASSISTANCE_COMMAND_TYPES = [
  'LinkFamilyMember',
  'AppointMemberGuardian',
  'DetermineMemberBestInterests',
  'AssessFamily',
  'StartParentageRecognition',
  'RecordParentageStep',
  'ConcludeParentageRecognition',
] as const satisfies readonly FamilyAssistanceCommand['type'][];

export interface RequestFamilyTracing extends CommandBase<'RequestFamilyTracing'> {
  tracingId: string;
  memberId: string;
  country: CountryCode;
}
export interface RecordFamilyTracingOutcome extends CommandBase<'RecordFamilyTracingOutcome'> {
  tracingId: string;
  outcome: FamilyTracingOutcome;
  notes?: string;
}
export interface ReunifyFamily extends CommandBase<'ReunifyFamily'> {
  tracingId: string;
}
export interface RefuseFamilyReunification extends CommandBase<'RefuseFamilyReunification'> {
  tracingId: string;
  reason: FamilyReunificationRefusalReason;
  notes?: string;
}

export type FamilyReturnCommand =
  RequestFamilyTracing | RecordFamilyTracingOutcome | ReunifyFamily | RefuseFamilyReunification;

/** Owned by return and reintegration: tracing and reunification happen on return. */
export const FAMILY_RETURN_COMMAND_TYPES = [
  'RequestFamilyTracing',
  'RecordFamilyTracingOutcome',
  'ReunifyFamily',
  'RefuseFamilyReunification',
] as const satisfies readonly FamilyReturnCommand['type'][];

export type FamilyCommand = FamilyAssistanceCommand | FamilyReturnCommand;

export const FAMILY_COMMAND_TYPES: readonly string[] = [
  ...FAMILY_ASSISTANCE_COMMAND_TYPES,
  ...FAMILY_RETURN_COMMAND_TYPES,
];
