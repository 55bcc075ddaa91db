import type { StoredEvent } from '@nrm/event-store/port';
import { DATE_TIME_PATTERN } from '@nrm/contracts/events/field-rules';
import { NotFoundError } from '@nrm/common';

/** ?asOf=: a revision (0 is the registration) or an ISO 8601 date-time with offset. */
export const AS_OF_PATTERN = new RegExp(`^(?:0|[1-9]\\d{0,8})$|${DATE_TIME_PATTERN.source}`);

/** The case had no such revision, or did not exist yet at that time. */
export class NotThenError extends NotFoundError {
  constructor(message: string) {
    super(message);
    this.name = 'NotThenError';
  }
}

/**
 * The index in `events` (one case's stream, in revision order) of the last event a view as of `asOf`
 * folds: the event of that revision, or the last of the events that occurred at or before that time
 * (stopping at the first that occurred after it). NotThenError past the case's last revision and
 * before its first event.
 */
export function indexAsOf(events: readonly StoredEvent[], asOf: string): number {
  if (/^\d+$/.test(asOf)) {
    const revision = Number(asOf);
    const index = events.findIndex((event) => event.revision === revision);
    if (index < 0) throw new NotThenError(`The case has no revision ${revision}`);
    return index;
  }
  const at = Date.parse(asOf);
  const after = events.findIndex((event) => Date.parse(event.occurredAt) > at);
  if (after === 0) throw new NotThenError(`The case was not registered yet at ${asOf}`);
  return after < 0 ? events.length - 1 : after - 1;
}
