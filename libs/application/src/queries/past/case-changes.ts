import type { Actor } from '@nrm/event-store/port';

/** At most this many events per answer of GET /api/cases/:id/changes. */
export const MAX_CHANGES_PER_ANSWER = 500;

/** One field of the case view before and after an event; `from` or `to` is absent where the field is. */
export interface FieldChange {
  /** JSON Pointer into the case view (GET /api/cases/:id), e.g. "/stage", "/consents/0/status". */
  path: string;
  from?: unknown;
  to?: unknown;
}

/** What one event changed in the case view. */
export interface CaseChange {
  revision: number;
  occurredAt: string;
  actor: Actor;
  type: string;
  /**
   * The fields the event changed, without personal data. Absent where data minimisation withholds
   * the event's data from the caller (assistance, for prosecution liaison), as in the case's history.
   */
  changes?: FieldChange[];
}

/** GET /api/cases/:id/changes: what each event in (from, to] changed, oldest first. */
export interface CaseChanges {
  caseId: string;
  /** Exclusive; absent: from the case's registration on. */
  from?: number;
  /** Inclusive: the last revision listed. */
  to: number;
  /** The case's last revision when it was read. */
  lastRevision: number;
  /** Where the next page starts (its `from`), when `to` is before the last revision. */
  next?: number;
  items: CaseChange[];
}
