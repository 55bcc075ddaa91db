import { canonicalJson } from '@nrm/common';
import { canonicalEventText, eventLeafHashOfParts } from '../integrity/canonical-event';
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
 * The columns of an event as written, in the order `insertEvent` binds them (before its leaf hash and
 * tree root) and every positional read returns them: the one declaration of that order.
 */
export const EVENT_COLUMNS = [
  'stream_id',
  'revision',
  'event_id',
  'type',
  'schema_version',
  'occurred_at',
  'recorded_at',
  'node_id',
  'actor',
  'correlation_id',
  'causation_id',
  'data',
  'personal',
] as const;

/** The columns of `readStoredLeaves`, in the order its rows (arrays) hold them. */
export const STORED_LEAF_COLUMNS = ['position', ...EVENT_COLUMNS, 'leaf_hash', 'tree_root'] as const;

/** The values of a list of columns, in its order, each typed as the row declares it. */
type ValuesOf<Columns extends readonly (keyof IntegrityRow)[]> = {
  -readonly [I in keyof Columns]: IntegrityRow[Columns[I] & keyof IntegrityRow];
};

/** An event's values in EVENT_COLUMNS order. */
export type EventColumnValues = ValuesOf<typeof EVENT_COLUMNS>;

/** An event about to be written: its columns, and the Merkle leaf of the event as it will be read back. */
export interface PreparedEvent {
  values: EventColumnValues;
  leaf: Buffer;
}

/**
 * Serialises each JSON member once and hashes what a reader will parse back (not the caller's object):
 * a value that does not survive JSON (a bigint beyond 2^53, say) must not make the stored leaf
 * unverifiable. The leaf is built around the column texts, not by serialising the whole event again.
 */
export function prepareEvent(
  streamId: string,
  revision: number,
  recordedAt: string,
  event: NewEvent,
): PreparedEvent {
  assertWellFormedEvent(event);
  const actor = canonicalJson(event.actor);
  const data = canonicalJson(event.data);
  const personal = event.personal === undefined ? null : canonicalJson(event.personal);
  const causationId = event.causationId ?? null;
  const values: EventColumnValues = [
    streamId,
    revision,
    event.id,
    event.type,
    event.schemaVersion,
    event.occurredAt,
    recordedAt,
    event.nodeId,
    actor,
    event.correlationId,
    causationId,
    data,
    personal,
  ];
  const leaf = eventLeafHashOfParts({
    id: event.id,
    streamId,
    revision,
    type: event.type,
    schemaVersion: event.schemaVersion,
    occurredAt: event.occurredAt,
    recordedAt,
    nodeId: event.nodeId,
    correlationId: event.correlationId,
    causationId: causationId ?? undefined,
    actorJson: asReadBack(actor, event.actor),
    dataJson: asReadBack(data, event.data),
    personalJson: personal === null ? undefined : asReadBack(personal, event.personal),
  });
  return { values, leaf };
}

/**
 * Canonical JSON of the value a reader parses back from `text`, the canonical JSON of `value`. Every
 * string, number and literal canonicalJson writes parses back to itself; only a bigint's digits may
 * come back as a rounded number, so only then is the text parsed and serialised again.
 */
function asReadBack(text: string, value: unknown): string {
  return containsBigInt(value) ? canonicalJson(JSON.parse(text)) : text;
}

function containsBigInt(value: unknown): boolean {
  if (typeof value === 'bigint') return true;
  if (typeof value !== 'object' || value === null) return false;
  for (const member of Array.isArray(value) ? value : Object.values(value))
    if (containsBigInt(member)) return true;
  return false;
}

/** A row of `readStoredLeaves`, in STORED_LEAF_COLUMNS order. */
export type StoredLeafRow = ValuesOf<typeof STORED_LEAF_COLUMNS>;

/**
 * What the verifier's fast path reads of a row: its place, the canonical text spliced from the stored
 * columns without parsing them (the JSON columns hold canonical JSON), and the stored hashes. A column
 * that is not canonical gives another text than its parsed value would: the verifier then re-encodes.
 */
export function storedLeafOf(row: StoredLeafRow): StoredLeaf {
  const [
    position,
    streamId,
    revision,
    id,
    type,
    schemaVersion,
    occurredAt,
    recordedAt,
    nodeId,
    actorJson,
    correlationId,
    causationId,
    dataJson,
    personalJson,
    leafHash,
    treeRoot,
  ] = row;
  const canonicalJson = canonicalEventText({
    id,
    streamId,
    revision,
    type,
    schemaVersion,
    occurredAt,
    recordedAt,
    nodeId,
    correlationId,
    causationId: causationId ?? undefined,
    actorJson,
    dataJson,
    personalJson: personalJson ?? undefined,
  });
  return { position, streamId, revision, canonicalJson, leafHash, treeRoot };
}
