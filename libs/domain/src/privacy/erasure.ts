import { CaseNotFoundError } from '../shared/case-errors';

import { PERSONAL_DATA_ERASED } from '@nrm/contracts';

export { PERSONAL_DATA_ERASED };

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
