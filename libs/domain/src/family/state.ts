import type { FamilyRelation, FamilyReunificationRefusalReason, FamilyTracingOutcome } from '@nrm/contracts';
import type { ParentageOutcome } from '@nrm/contracts';
import type { Lifecycle } from '../shared/lifecycle';

/** What the rules need of one linked member: non-personal facts only. */
export interface MemberState {
  relation: FamilyRelation;
  presumedMinor: boolean;
  bornInDestination: boolean;
  guardianAppointed: boolean;
  bestInterestsDetermined: boolean;
  /** As the latest determination found; undefined when it did not pronounce on reunification. */
  reunificationInBestInterests?: boolean;
}

export interface TracingState {
  memberId: string;
  outcome?: FamilyTracingOutcome;
  reunification?: 'reunified' | FamilyReunificationRefusalReason;
}

export interface ParentageState {
  memberId: string;
  outcome?: ParentageOutcome;
}

export interface FamilyState {
  lifecycle: Lifecycle;
  /** The victim's citizenship as registered: the country of origin a tracing must not contact during asylum. */
  citizenship?: string;
  /** The victim's asylum application, as recorded (AsylumApplicationRecorded, …Closed). */
  asylum?: 'pending' | 'granted' | 'refused' | 'withdrawn';
  /** Linked members by id, in the order they were linked. */
  members: Readonly<Record<string, MemberState>>;
  tracings: Readonly<Record<string, TracingState>>;
  parentage: Readonly<Record<string, ParentageState>>;
}

export const INITIAL_FAMILY_STATE: FamilyState = {
  lifecycle: 'unregistered',
  members: {},
  tracings: {},
  parentage: {},
};
