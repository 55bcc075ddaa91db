import type { ExportedEvent } from '@nrm/application/export/case-export';
import { loggedEventOf } from '@nrm/application/export/exported-envelope';
import { eventLeafHash } from '@nrm/event-store/integrity/canonical-event';
import type { StoredEvent } from '@nrm/event-store/port';

/**
 * The leaf hash (hex) of an exported event, recomputed from what the export shows of it, exactly as
 * the node hashed it when it was logged; undefined when its data is withheld from the recipient (the
 * hash is then only proven in the log, not tied to content).
 */
export function recomputedLeafHash(event: ExportedEvent): string | undefined {
  const logged = loggedEventOf(event);
  return logged && leafHashOf(logged);
}

/** RFC 6962 leaf hash (hex) of an event as the log holds it. */
export function leafHashOf(event: StoredEvent): string | undefined {
  try {
    return eventLeafHash(event).toString('hex');
  } catch {
    return undefined; // not canonical JSON (a non-finite number...): cannot be the logged event
  }
}
