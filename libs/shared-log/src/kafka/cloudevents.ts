import type { Actor, EncryptedPersonalData, StoredEvent } from '@nrm/event-store/port';
import type { IHeaders } from 'kafkajs';

/**
 * CloudEvents 1.0, Kafka protocol binding, binary content mode: the context attributes travel as
 * `ce_`-prefixed headers, the message value is the event data alone (`content-type` says its format).
 * The key is the stream id, so one stream's events land on one partition, in order.
 */
export const CE_SPEC_VERSION = '1.0';
export const CE_CONTENT_TYPE = 'application/json';

/** Header names; CloudEvents attribute names are lower-case a–z and 0–9 only (at most 20 characters). */
export const CE_HEADERS = {
  specversion: 'ce_specversion',
  id: 'ce_id',
  type: 'ce_type',
  source: 'ce_source',
  subject: 'ce_subject',
  time: 'ce_time',
  // Extensions: the envelope fields CloudEvents has no attribute for.
  position: 'ce_position',
  schemaversion: 'ce_schemaversion',
  recordedat: 'ce_recordedat',
  revision: 'ce_revision',
} as const;
export const CONTENT_TYPE_HEADER = 'content-type';

const NODE_URN_PREFIX = 'urn:nrm:node:';

/**
 * The message value. `personal` is the encrypted part exactly as stored: the relay never holds a key,
 * and crypto-shredding a subject also makes every copy on Kafka unreadable.
 */
export interface CloudEventValue {
  data: Record<string, unknown>;
  personal?: EncryptedPersonalData;
  actor: Actor;
  correlationId: string;
  causationId?: string;
}

export interface KafkaCloudEventMessage {
  key: string;
  value: string;
  headers: Record<string, string>;
}

/** The event's source: the node that recorded it, as a URN (a URI-reference, as CloudEvents asks). */
export function nodeSource(nodeId: string): string {
  return NODE_URN_PREFIX + encodeURIComponent(nodeId);
}

export function nodeIdOfSource(source: string): string {
  if (!source.startsWith(NODE_URN_PREFIX))
    throw new CloudEventDecodeError(`ce_source "${source}" is not an NRM node`);
  return decodeURIComponent(source.slice(NODE_URN_PREFIX.length));
}

export function encodeCloudEvent(event: StoredEvent): KafkaCloudEventMessage {
  const value: CloudEventValue = {
    data: event.data,
    actor: event.actor,
    correlationId: event.correlationId,
  };
  if (event.personal) value.personal = event.personal;
  if (event.causationId !== undefined) value.causationId = event.causationId;
  return {
    key: event.streamId,
    value: JSON.stringify(value),
    headers: {
      [CE_HEADERS.specversion]: CE_SPEC_VERSION,
      [CE_HEADERS.id]: event.id,
      [CE_HEADERS.type]: event.type,
      [CE_HEADERS.source]: nodeSource(event.nodeId),
      [CE_HEADERS.subject]: event.streamId,
      [CE_HEADERS.time]: event.occurredAt,
      [CONTENT_TYPE_HEADER]: CE_CONTENT_TYPE,
      [CE_HEADERS.position]: String(event.position),
      [CE_HEADERS.schemaversion]: String(event.schemaVersion),
      [CE_HEADERS.recordedat]: event.recordedAt,
      [CE_HEADERS.revision]: String(event.revision),
    },
  };
}

export class CloudEventDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CloudEventDecodeError';
  }
}

/** What kafkajs hands a consumer (only the parts the decoder reads). */
export interface ReceivedKafkaMessage {
  key: Buffer | string | null;
  value: Buffer | string | null;
  headers?: IHeaders;
}

/**
 * Back to the stored envelope. `position` is the global position in the SOURCE node's log (from
 * ce_position): meaningful for that node's order only, never a position in the reader's own store.
 */
export function decodeCloudEvent(message: ReceivedKafkaMessage): StoredEvent {
  const headers = message.headers ?? {};
  const header = (name: string): string => {
    const raw = headers[name];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined) throw new CloudEventDecodeError(`missing header ${name}`);
    return value.toString();
  };
  const specVersion = header(CE_HEADERS.specversion);
  if (specVersion !== CE_SPEC_VERSION)
    throw new CloudEventDecodeError(`unsupported specversion ${specVersion}`);
  const contentType = header(CONTENT_TYPE_HEADER);
  if (contentType !== CE_CONTENT_TYPE)
    throw new CloudEventDecodeError(`unsupported content-type ${contentType}`);
  if (message.value === null) throw new CloudEventDecodeError('message has no value');
  let value: CloudEventValue;
  try {
    value = JSON.parse(message.value.toString()) as CloudEventValue;
  } catch {
    throw new CloudEventDecodeError(`value of event ${header(CE_HEADERS.id)} is not JSON`);
  }
  const event: StoredEvent = {
    id: header(CE_HEADERS.id),
    type: header(CE_HEADERS.type),
    schemaVersion: integer(header(CE_HEADERS.schemaversion), CE_HEADERS.schemaversion),
    occurredAt: header(CE_HEADERS.time),
    nodeId: nodeIdOfSource(header(CE_HEADERS.source)),
    actor: value.actor,
    correlationId: value.correlationId,
    data: value.data,
    streamId: header(CE_HEADERS.subject),
    revision: integer(header(CE_HEADERS.revision), CE_HEADERS.revision),
    position: integer(header(CE_HEADERS.position), CE_HEADERS.position),
    recordedAt: header(CE_HEADERS.recordedat),
  };
  if (value.causationId !== undefined) event.causationId = value.causationId;
  if (value.personal !== undefined) event.personal = value.personal;
  return event;
}

function integer(raw: string, name: string): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value))
    throw new CloudEventDecodeError(`${name} "${raw}" is not an integer`);
  return value;
}
