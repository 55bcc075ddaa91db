import { NewEvent } from './event-envelope';

/** The envelope checks every adapter makes before storing an event (a bug upstream, not user input). */
export function assertWellFormedEvent(event: NewEvent): void {
  const text = (name: string, value: unknown) => {
    if (typeof value !== 'string' || value.length === 0)
      throw new TypeError(`event ${name} must be a non-empty string`);
  };
  text('id', event.id);
  text('type', event.type);
  text('occurredAt', event.occurredAt);
  text('nodeId', event.nodeId);
  text('correlationId', event.correlationId);
  if (event.causationId !== undefined) text('causationId', event.causationId);
  if (!Number.isSafeInteger(event.schemaVersion) || event.schemaVersion < 0) {
    throw new TypeError('event schemaVersion must be a non-negative integer');
  }
  if (typeof event.actor !== 'object' || event.actor === null) throw new TypeError('event actor is required');
  if (typeof event.data !== 'object' || event.data === null || Array.isArray(event.data)) {
    throw new TypeError('event data must be an object');
  }
}
