import type { ExportedEvent } from '@nrm/application/export/case-export';
import { eventLeafHash } from '@nrm/event-store/integrity/canonical-event';
import type { StoredEvent } from '@nrm/event-store/port';

/**
 * The leaf hash (hex) of an exported event, recomputed from what the export shows of it, exactly as
 * the node hashed it when it was logged; undefined when its data is withheld from the recipient (the
 * hash is then only proven in the log, not tied to content).
 */
export function recomputedLeafHash(event: ExportedEvent): string | undefined {
  if (event.data === undefined) return undefined;
  const logged: StoredEvent = {
    id: event.eventId,
    streamId: event.streamId,
    revision: event.revision,
    position: event.position,
    type: event.type,
    schemaVersion: event.schemaVersion,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    nodeId: event.nodeId,
    actor: event.actor,
    correlationId: event.correlationId,
    causationId: event.causationId,
    data: event.data,
    personal: event.sealedPersonal,
  };
  return leafHashOf(logged);
}

/** RFC 6962 leaf hash (hex) of an event as the log holds it. */
export function leafHashOf(event: StoredEvent): string | undefined {
  try {
    return eventLeafHash(event).toString('hex');
  } catch {
    return undefined; // not canonical JSON (a non-finite number...): cannot be the logged event
  }
}
