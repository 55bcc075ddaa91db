import { contextOf, isCaseEventType } from '@nrm/contracts';
import type { Principal } from '@nrm/iam/roles';
import type {
  CaseDetail,
  CaseHistoryEntry,
  CaseKind,
  DeadlineStatus,
  FamilyMemberView,
  FamilyView,
  PersonView,
} from '@nrm/read-models';
import type { MeetingCaseView } from './meetings-view';
import type { WishesCaseView } from './wishes-view';

/** What an unreadable personal field shows after erasure, wherever a case is shown or exported. */
export interface ErasedMarker {
  erased: true;
}
export const ERASED: ErasedMarker = { erased: true };

/**
 * The case as a caller sees it (GET /api/cases/:id, and `case` of an export): the read model's detail,
 * overdue flags as of now, personal data in clear only where it was revealed (and logged), never the
 * ciphertext, nor who acted (`actors`, kept for "my cases"; the events name each actor); with ?asOf=, the same view folded from the case's events up to then. The OpenAPI schema of the answer is generated from this type (npm run api:client).
 */
export type CaseView = Omit<
  CaseDetail,
  | 'person'
  | 'guardian'
  | 'deadlines'
  | 'actors'
  | 'agenciesByConsent'
  | 'wishes'
  | 'family'
  | 'kind'
  | 'meetings'
  | 'pseudonym'
> & {
  /** A presumed victim's case (converted ones included) or a person at risk's. */
  kind: CaseKind;
  deadlines: DeadlineStatus[];
  /** Some deadline has passed now. */
  overdue: boolean;
  /**
   * Who the person is: only where the caller's role may see it, under a stated purpose. Absent while a
   * person registered under a pseudonym has no identity recorded (`pseudonym` names them meanwhile).
   */
  person?: PersonView | ErasedMarker;
  /**
   * The person was registered under a pseudonym: `name` (the pseudonym) under the same policy as
   * `person`, while no identity is recorded; `identityRecordedAt` once it is.
   */
  pseudonym?: { identityRecordedAt?: string; name?: string | ErasedMarker };
  /**
   * Why the person is not shown to a case worker whose role could see them: `no-consent` when no
   * current consent for the purpose of their role covers them and their agency joined under no legal
   * basis (docs/security.md). Absent when the person is shown, or withheld for any other reason.
   */
  personalDataWithheld?: 'no-consent';
  guardian?: {
    authority: string;
    appointedAt: string;
    /** Only where the person is shown. */
    name?: string | ErasedMarker;
  };
  /** The victim's wishes; their own words and the notes on actions only where the person is shown. */
  wishes?: WishesCaseView;
  /** Team meetings and case conferences, newest last; their decisions only where the person is shown. */
  meetings?: MeetingCaseView[];
  /** Only for ?asOf=: the last event the view folds, the revision and moment it stands for. */
  asOf?: CaseMoment;
  /** The family members linked to the case; their names under the same policy as the person's. */
  family?: FamilyCaseView;
};

/** The family level of a case as a caller sees it: each member's names only where the person is shown. */
export type FamilyCaseView = Omit<FamilyView, 'members'> & { members: FamilyMemberCaseView[] };

/** A family member as a caller sees them; `erasedAt` when their personal data was erased. */
export type FamilyMemberCaseView = Omit<FamilyMemberView, 'person' | 'guardian'> & {
  /** Only where the caller's role may see the person, under a stated purpose. */
  person?: PersonView | ErasedMarker;
  guardian?: {
    authority: string;
    appointedAt: string;
    /** Only where the person is shown. */
    name?: string | ErasedMarker;
  };
};

/** A revision of a case and when its event occurred. */
export interface CaseMoment {
  revision: number;
  occurredAt: string;
}

/** One line of a case's history as a caller sees it: `data` is absent where minimisation withholds it. */
export type CaseEventView = Omit<CaseHistoryEntry, 'data'> & Partial<Pick<CaseHistoryEntry, 'data'>>;

/** GET /api/cases/:id/events: the case's history, oldest first. */
export interface CaseEvents {
  items: CaseEventView[];
}

/**
 * Data minimisation for the prosecution side: it learns that assistance happened, not what it was.
 * One rule for the case history, the case view's events and exports.
 */
export function withheldFrom(principal: Pick<Principal, 'role'>, eventType: string): boolean {
  return (
    principal.role === 'prosecution_liaison' &&
    isCaseEventType(eventType) &&
    contextOf(eventType) === 'assistance'
  );
}
