import type { StoredEvent } from '@nrm/event-store/port';
import type { SharedLogHandler } from '../port/shared-log.port';
import type { SeenEventIds } from '../port/seen-event-ids.port';

/**
 * Hands each event id to `handler` once: a redelivered id that `seen` remembers is dropped. The id is
 * marked after the handler resolved, so a crash in between makes the handler see it again (at least
 * once), never skip it. A handler whose effects must be exactly once writes them and the seen id in one
 * transaction (e.g. its own SQLite file holding both), or is itself idempotent.
 * Relies on the consumer's one-call-at-a-time delivery: two concurrent calls with one id are not guarded.
 */
export function idempotentHandler(handler: SharedLogHandler, seen: SeenEventIds): SharedLogHandler {
  return async (event: StoredEvent) => {
    if (await seen.has(event.id)) return;
    await handler(event);
    await seen.add(event.id);
  };
}
