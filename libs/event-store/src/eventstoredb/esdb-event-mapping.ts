import { Position } from '@eventstore/db-client';
import { canonicalJson } from '@nrm/common';
import { Actor, assertWellFormedEvent, EncryptedPersonalData, NewEvent, StoredEvent } from '../port';
import { positionNumber } from './esdb-position';

/** Marks an event payload as an NRM envelope, and its layout version. */
export const ENVELOPE_FORMAT = 1;

/**
 * What the ESDB event's `data` holds: every envelope field the port needs that ESDB does not keep
 * itself (id, type, stream, revision, position and created time are the server's own fields). The
 * personal ciphertext is stored exactly as given: encryption happens above the port.
 */
export type EsdbEnvelope = { nrm: typeof ENVELOPE_FORMAT } & Omit<NewEvent, 'id' | 'type'>;

/** ESDB's own metadata convention ($by_correlation_id projection); never read back by the adapter. */
export type EsdbEventMetadata = { $correlationId: string; $causationId?: string };

/** The arguments of the client's jsonEvent(). */
export interface EsdbEventToAppend {
  id: string;
  type: string;
  data: EsdbEnvelope;
  metadata: EsdbEventMetadata;
}

/** The fields of the client's RecordedEvent this mapping reads. */
export interface EsdbRecord {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  created: Date;
  isJson: boolean;
  data: unknown;
  position?: Position;
}

/** Event ids become ESDB event ids (UUIDs), which the server hands back in lowercase canonical form. */
const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An event the adapter cannot read as an NRM envelope (written by someone else, or damaged). */
export class UnreadableEventError extends Error {
  constructor(
    readonly streamId: string,
    readonly eventId: string,
    reason: string,
  ) {
    super(`EventStoreDB event ${eventId} in ${streamId} is not a readable NRM event: ${reason}`);
    this.name = 'UnreadableEventError';
  }
}

/**
 * Serialises once and hands over what a reader will parse back (as the SQLite adapter does), so a
 * value that does not survive JSON can never make the stored event differ from the appended one.
 */
export function toEsdbEvent(event: NewEvent): EsdbEventToAppend {
  assertWellFormed(event);
  const data: EsdbEnvelope = {
    nrm: ENVELOPE_FORMAT,
    schemaVersion: event.schemaVersion,
    occurredAt: event.occurredAt,
    nodeId: event.nodeId,
    actor: normalised(event.actor),
    correlationId: event.correlationId,
    data: normalised(event.data),
  };
  if (event.causationId !== undefined) data.causationId = event.causationId;
  if (event.personal !== undefined) data.personal = normalised(event.personal);
  const metadata: EsdbEventMetadata = { $correlationId: event.correlationId };
  if (event.causationId !== undefined) metadata.$causationId = event.causationId;
  return { id: event.id, type: event.type, data, metadata };
}

export function fromEsdbRecord(record: EsdbRecord): StoredEvent {
  const fail = (reason: string) => new UnreadableEventError(record.streamId, record.id, reason);
  if (!record.isJson) throw fail('not a JSON event');
  if (!record.position)
    throw fail('the server reported no position (EventStoreDB 22.6 or later is required)');
  const payload = record.data;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
    throw fail('data is not an object');
  const p = payload as Record<string, unknown>;
  if (p.nrm !== ENVELOPE_FORMAT) throw fail(`unknown envelope format ${JSON.stringify(p.nrm)}`);
  const text = (name: string): string => {
    if (typeof p[name] !== 'string') throw fail(`${name} is not a string`);
    return p[name];
  };
  const object = (name: string): Record<string, unknown> => {
    const value = p[name];
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw fail(`${name} is not an object`);
    return value as Record<string, unknown>;
  };
  if (!Number.isSafeInteger(p.schemaVersion)) throw fail('schemaVersion is not an integer');
  if (record.revision > BigInt(Number.MAX_SAFE_INTEGER))
    throw fail('revision does not fit in a safe integer');

  const event: StoredEvent = {
    id: record.id,
    streamId: record.streamId,
    revision: Number(record.revision),
    position: positionNumber(record.position),
    type: record.type,
    schemaVersion: p.schemaVersion as number,
    occurredAt: text('occurredAt'),
    recordedAt: record.created.toISOString(),
    nodeId: text('nodeId'),
    actor: object('actor') as unknown as Actor,
    correlationId: text('correlationId'),
    data: object('data'),
  };
  if (p.causationId !== undefined) event.causationId = text('causationId');
  if (p.personal !== undefined) event.personal = object('personal') as unknown as EncryptedPersonalData;
  return event;
}

/** System events and everything in '$' streams (stats, projections, links, metadata) are not the log's. */
export function isSystemRecord(record: { streamId: string; type: string }): boolean {
  return record.streamId.startsWith('$') || record.type.startsWith('$');
}

function normalised<T>(value: T): T {
  return JSON.parse(canonicalJson(value)) as T;
}

/** The port's checks, plus what EventStoreDB itself requires of ids and types. */
function assertWellFormed(event: NewEvent): void {
  assertWellFormedEvent(event);
  if (!CANONICAL_UUID.test(event.id))
    throw new TypeError(`event id ${event.id} must be a lowercase UUID (EventStoreDB event ids are UUIDs)`);
  if (event.type.startsWith('$'))
    throw new TypeError(`event type ${event.type}: '$' types are EventStoreDB's`);
}
