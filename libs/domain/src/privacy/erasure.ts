import { CaseNotFoundError } from '../shared/case-errors';
import { RuleViolation } from '../shared/rule-violation';

import { FAMILY_MEMBER_DATA_ERASED, PERSONAL_DATA_ERASED } from '@nrm/contracts';

export { FAMILY_MEMBER_DATA_ERASED, PERSONAL_DATA_ERASED };

export interface EraseCaseSubject {
  caseId: string;
  legalBasis: string;
}

/** What erasure needs to know of a case stream: whether it exists and where it was erased before. */
export interface ErasureState {
  /** -1 when the case does not exist. */
  revision: number;
  /** The revision of the first PersonalDataErased, if any. */
  erasedAt?: number;
}

export function erasureStateOf(events: readonly { type: string; revision: number }[]): ErasureState {
  return {
    revision: events.length ? events[events.length - 1].revision : -1,
    erasedAt: events.find((event) => event.type === PERSONAL_DATA_ERASED)?.revision,
  };
}

/**
 * Erasure is recorded once: a second request for the same case records nothing (the person is already
 * erased; a second record would only add noise to the log), while the caller still shreds again, so a
 * retry after a crash between the record and the shredding completes the erasure.
 */
export function decideErasure(
  command: EraseCaseSubject,
  state: ErasureState,
): { type: typeof PERSONAL_DATA_ERASED; data: { legalBasis: string } }[] {
  if (state.revision < 0) throw new CaseNotFoundError(command.caseId);
  if (state.erasedAt !== undefined) return [];
  return [{ type: PERSONAL_DATA_ERASED, data: { legalBasis: command.legalBasis } }];
}

export interface EraseFamilyMember {
  caseId: string;
  memberId: string;
  legalBasis: string;
}

/** What erasing one family member needs to know of the case stream. */
export interface MemberErasureState {
  /** -1 when the case does not exist. */
  revision: number;
  linked: boolean;
  /** The revision of the first record erasing this member (alone, or with the victim), if any. */
  erasedAt?: number;
}

export function memberErasureStateOf(
  events: readonly { type: string; revision: number; data: object }[],
  memberId: string,
): MemberErasureState {
  const names = (event: { data: object }) => (event.data as { memberId?: unknown }).memberId === memberId;
  return {
    revision: events.length ? events[events.length - 1].revision : -1,
    linked: events.some((event) => event.type === 'FamilyMemberLinked' && names(event)),
    erasedAt: events.find(
      (event) =>
        event.type === PERSONAL_DATA_ERASED || (event.type === FAMILY_MEMBER_DATA_ERASED && names(event)),
    )?.revision,
  };
}

/**
 * One family member is erased on their own (their key only; the victim and the other members stay
 * readable), recorded once like the victim's erasure. A member erased with the victim records nothing more.
 */
export function decideMemberErasure(
  command: EraseFamilyMember,
  state: MemberErasureState,
): { type: typeof FAMILY_MEMBER_DATA_ERASED; data: { memberId: string; legalBasis: string } }[] {
  if (state.revision < 0) throw new CaseNotFoundError(command.caseId);
  if (!state.linked)
    throw new RuleViolation('invalid-request', `no family member ${command.memberId} is linked to this case`);
  if (state.erasedAt !== undefined) return [];
  return [
    { type: FAMILY_MEMBER_DATA_ERASED, data: { memberId: command.memberId, legalBasis: command.legalBasis } },
  ];
}
