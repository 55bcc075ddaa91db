import { canonicalJson } from '@nrm/common/canonical-json';
import type { StoredEvent } from '../port';
import { leafHash } from './merkle';

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
