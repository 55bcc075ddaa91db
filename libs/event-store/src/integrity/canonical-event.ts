import { canonicalJson } from '@nrm/common/canonical-json';
import type { StoredEvent } from '../port';
import { leafHash, leafHashOfText } from './merkle';

/**
 * The bytes a log leaf commits to. The global position is left out because it is backend-specific
 * (a revision or position is never carried across backends); the ciphertext of `personal` is kept in,
 * so erasing a subject's key (crypto-shredding) never breaks the chain.
 */
export function canonicalEventBytes(event: StoredEvent): Buffer {
  return Buffer.from(
    canonicalJson({
      id: event.id,
      streamId: event.streamId,
      revision: event.revision,
      type: event.type,
      schemaVersion: event.schemaVersion,
      occurredAt: event.occurredAt,
      recordedAt: event.recordedAt,
      nodeId: event.nodeId,
      actor: event.actor,
      correlationId: event.correlationId,
      causationId: event.causationId,
      data: event.data,
      personal: event.personal,
    }),
    'utf8',
  );
}

/** RFC 6962 leaf hash of a stored event. */
export function eventLeafHash(event: StoredEvent): Buffer {
  return leafHash(canonicalEventBytes(event));
}

/**
 * A stored event whose JSON members are already canonical JSON text (as the embedded store writes its
 * columns), each exactly `canonicalJson` of the value a reader parses back.
 */
export interface CanonicalEventParts {
  id: string;
  streamId: string;
  revision: number;
  type: string;
  schemaVersion: number;
  occurredAt: string;
  recordedAt: string;
  nodeId: string;
  correlationId: string;
  causationId?: string;
  actorJson: string;
  dataJson: string;
  /** Absent when the event has no personal data. */
  personalJson?: string;
}

/**
 * The canonical text of the event these parts describe, without serialising its members again: the
 * members in canonical key order around the texts the writer already made (or a reader found stored).
 */
export function canonicalEventText(parts: CanonicalEventParts): string {
  const str = JSON.stringify;
  return (
    `{"actor":${parts.actorJson}` +
    (parts.causationId === undefined ? '' : `,"causationId":${str(parts.causationId)}`) +
    `,"correlationId":${str(parts.correlationId)}` +
    `,"data":${parts.dataJson}` +
    `,"id":${str(parts.id)}` +
    `,"nodeId":${str(parts.nodeId)}` +
    `,"occurredAt":${str(parts.occurredAt)}` +
    (parts.personalJson === undefined ? '' : `,"personal":${parts.personalJson}`) +
    `,"recordedAt":${str(parts.recordedAt)}` +
    `,"revision":${canonicalJson(parts.revision)}` +
    `,"schemaVersion":${canonicalJson(parts.schemaVersion)}` +
    `,"streamId":${str(parts.streamId)}` +
    `,"type":${str(parts.type)}}`
  );
}

/** `eventLeafHash` of the event these parts describe (see canonicalEventText). */
export function eventLeafHashOfParts(parts: CanonicalEventParts): Buffer {
  return leafHashOfText(canonicalEventText(parts));
}
