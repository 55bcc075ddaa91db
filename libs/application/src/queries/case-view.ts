import { contextOf, isCaseEventType } from '@nrm/contracts';
import type { Principal } from '@nrm/iam/roles';

/** What an unreadable personal field shows after erasure, wherever a case is shown or exported. */
export interface ErasedMarker {
  erased: true;
}
export const ERASED: ErasedMarker = { erased: true };

/** The case as a caller sees it: the read model's detail, overdue flags as of now, personal data only if revealed. */
export type CaseView = Record<string, unknown>;

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
