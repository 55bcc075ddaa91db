import type { StoredEvent } from '@nrm/event-store/port';
import type { ExportedEvent } from './case-export';

/** What an export shows of a logged event's envelope: the fields its leaf hash covers, data apart. */
export type ExportedEnvelope = Pick<
  ExportedEvent,
  | 'position'
  | 'streamId'
  | 'revision'
  | 'eventId'
  | 'type'
  | 'schemaVersion'
  | 'occurredAt'
  | 'recordedAt'
  | 'nodeId'
  | 'actor'
  | 'correlationId'
  | 'causationId'
>;

// The two mappings sit together: the exporter and nrm-verify must agree on every field the hash covers.

/** The envelope of a logged event as the export writes it. */
export function exportedEnvelopeOf(event: StoredEvent): ExportedEnvelope {
  return {
    position: event.position,
    streamId: event.streamId,
    revision: event.revision,
    eventId: event.id,
    type: event.type,
    schemaVersion: event.schemaVersion,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    nodeId: event.nodeId,
    actor: event.actor,
    correlationId: event.correlationId,
    ...(event.causationId === undefined ? {} : { causationId: event.causationId }),
  };
}

/** The logged event an exported one claims to be, rebuilt from the export (undefined: data withheld). */
export function loggedEventOf(event: ExportedEvent): StoredEvent | undefined {
  if (event.data === undefined) return undefined;
  return {
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
}
