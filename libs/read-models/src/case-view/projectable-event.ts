// Deep import: the package index loads the event classes before reflect-metadata (see report).
import { upcast } from '@nrm/contracts/upcasting';
import type { StoredEvent } from '@nrm/event-store/port';

/** Projections read every event in its latest schema version, whatever version was stored. */
export function projectable(event: StoredEvent): StoredEvent {
  return upcast(event);
}
