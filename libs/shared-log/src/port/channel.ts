import { BOUNDED_CONTEXTS, BoundedContext, contextOf, isCaseEventType } from '@nrm/contracts';
import type { StoredEvent } from '@nrm/event-store/port';

/**
 * Where an event travels on the shared log: the bounded context that owns its type, or `node` for the
 * node's own records that belong to no context (access log, erasure notices, anything outside the
 * event catalogue). Ordering is guaranteed per stream within one channel only: one case stream spans
 * several contexts, and consumers read the channels they need, independently.
 */
export type SharedLogChannel = BoundedContext | 'node';

export const SHARED_LOG_CHANNELS: readonly SharedLogChannel[] = [...BOUNDED_CONTEXTS, 'node'];

export function channelOf(event: Pick<StoredEvent, 'type'>): SharedLogChannel {
  return isCaseEventType(event.type) ? contextOf(event.type) : 'node';
}
