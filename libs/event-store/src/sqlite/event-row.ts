import { canonicalJson } from '@nrm/common';
import { Actor, assertWellFormedEvent, EncryptedPersonalData, NewEvent, StoredEvent } from '../port';

export interface EventRow {
  position: number;
  stream_id: string;
  revision: number;
  event_id: string;
  type: string;
  schema_version: number;
  occurred_at: string;
  recorded_at: string;
  node_id: string;
  actor: string;
  correlation_id: string;
  causation_id: string | null;
  data: string;
  personal: string | null;
}

export interface IntegrityRow extends EventRow {
  leaf_hash: Buffer;
  tree_root: Buffer;
}

export function rowToEvent(row: EventRow): StoredEvent {
  const event: StoredEvent = {
    id: row.event_id,
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    type: row.type,
    schemaVersion: row.schema_version,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    nodeId: row.node_id,
    actor: JSON.parse(row.actor) as Actor,
    correlationId: row.correlation_id,
    data: JSON.parse(row.data) as Record<string, unknown>,
  };
  if (row.causation_id !== null) event.causationId = row.causation_id;
  if (row.personal !== null) event.personal = JSON.parse(row.personal) as EncryptedPersonalData;
  return event;
}

/**
 * The bytes `canonicalEventBytes` gives for this row, put together from the stored columns without
 * parsing them: the JSON columns hold canonical JSON already (prepareEvent writes them so), and the
 * members are spliced in canonical (sorted) key order. A column that is not canonical yields other
 * bytes than the parsed event would: the verifier then falls back to re-encoding the parsed event.
 */
export function canonicalBytesOfRow(row: EventRow): Buffer {
  const q = JSON.stringify;
  return Buffer.from(
    `{"actor":${row.actor}` +
      (row.causation_id === null ? '' : `,"causationId":${q(row.causation_id)}`) +
      `,"correlationId":${q(row.correlation_id)},"data":${row.data},"id":${q(row.event_id)}` +
      `,"nodeId":${q(row.node_id)},"occurredAt":${q(row.occurred_at)}` +
      (row.personal === null ? '' : `,"personal":${row.personal}`) +
      `,"recordedAt":${q(row.recorded_at)},"revision":${row.revision},"schemaVersion":${row.schema_version}` +
      `,"streamId":${q(row.stream_id)},"type":${q(row.type)}}`,
    'utf8',
  );
}

/** The columns of an event about to be written, and the event exactly as it will be read back. */
export interface PreparedEvent {
  columns: Omit<EventRow, 'position'>;
  stored: StoredEvent;
}

/**
 * Serialises once and hashes what a reader will parse back (not the caller's object): a value that
 * does not survive JSON (a bigint beyond 2^53, say) must not make the stored leaf unverifiable.
 */
export function prepareEvent(
  streamId: string,
  revision: number,
  recordedAt: string,
  event: NewEvent,
): PreparedEvent {
  assertWellFormedEvent(event);
  const columns: Omit<EventRow, 'position'> = {
    stream_id: streamId,
    revision,
    event_id: event.id,
    type: event.type,
    schema_version: event.schemaVersion,
    occurred_at: event.occurredAt,
    recorded_at: recordedAt,
    node_id: event.nodeId,
    actor: canonicalJson(event.actor),
    correlation_id: event.correlationId,
    causation_id: event.causationId ?? null,
    data: canonicalJson(event.data),
    personal: event.personal === undefined ? null : canonicalJson(event.personal),
  };
  return { columns, stored: rowToEvent({ ...columns, position: 0 }) };
}
