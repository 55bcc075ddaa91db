import { canonicalJson } from '@nrm/common';
import type { StoredLeaf } from '../integrity/integrity-reader';
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
 * The text `canonicalEventBytes` encodes for this row, put together from the stored columns without
 * parsing them: the JSON columns hold canonical JSON already (prepareEvent writes them so), and the
 * members are spliced in canonical (sorted) key order. A column that is not canonical yields another
 * text than the parsed event would: the verifier then falls back to re-encoding the parsed event.
 */
export function canonicalJsonOfRow(row: EventRow): string {
  const q = JSON.stringify;
  return (
    `{"actor":${row.actor}` +
    (row.causation_id === null ? '' : `,"causationId":${q(row.causation_id)}`) +
    `,"correlationId":${q(row.correlation_id)},"data":${row.data},"id":${q(row.event_id)}` +
    `,"nodeId":${q(row.node_id)},"occurredAt":${q(row.occurred_at)}` +
    (row.personal === null ? '' : `,"personal":${row.personal}`) +
    `,"recordedAt":${q(row.recorded_at)},"revision":${row.revision},"schemaVersion":${row.schema_version}` +
    `,"streamId":${q(row.stream_id)},"type":${q(row.type)}}`
  );
}

/** A row of `readStoredLeaves`, columns in the order of STORED_LEAF_COLUMNS. */
export type StoredLeafRow = [
  ...[
    position: number,
    stream_id: string,
    revision: number,
    event_id: string,
    type: string,
    schema_version: number,
    occurred_at: string,
    recorded_at: string,
    node_id: string,
    actor: string,
    correlation_id: string,
    causation_id: string | null,
    data: string,
    personal: string | null,
  ],
  leaf_hash: Buffer,
  tree_root: Buffer,
];

/** What the verifier's fast path reads of a row: place, canonical JSON and stored hashes. */
export function storedLeafOf(row: StoredLeafRow): StoredLeaf {
  const [position, stream_id, revision, event_id, type, schema_version, occurred_at, recorded_at] = row;
  const [node_id, actor, correlation_id, causation_id, data, personal, leaf_hash, tree_root] = row.slice(
    8,
  ) as [string, string, string, string | null, string, string | null, Buffer, Buffer];
  const canonicalJson = canonicalJsonOfRow({
    position,
    stream_id,
    revision,
    event_id,
    type,
    schema_version,
    occurred_at,
    recorded_at,
    node_id,
    actor,
    correlation_id,
    causation_id,
    data,
    personal,
  });
  return { position, streamId: stream_id, revision, canonicalJson, leafHash: leaf_hash, treeRoot: tree_root };
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
