import { NewEvent, StoredEvent } from './event-envelope';
import { ExpectedRevision } from './expected-revision';

export interface AppendResult {
  /** Revision of the stream's last event after the append. */
  nextRevision: number;
  /** Global position of the last appended event. */
  position: number;
}

/** readAll's page size when the caller names none. */
export const DEFAULT_READ_LIMIT = 1000;

/** The page size a read asks for, checked the same way by every adapter. */
export function readLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_READ_LIMIT;
  if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError('limit must be a positive integer');
  return limit;
}

export interface ReadAllOptions {
  /** Exclusive: events with position > fromPosition. Omit to start at the beginning. */
  fromPosition?: number;
  /** Maximum number of events to return (default 1000). */
  limit?: number;
}

export interface SubscribeOptions {
  /** Exclusive checkpoint: delivery starts after this position. Omit to start at the beginning. */
  fromPosition?: number;
  /** Only deliver events whose type starts with one of these prefixes (server-side where possible). */
  typePrefixes?: string[];
  /** Called when catch-up has delivered everything that existed when it started. */
  onCaughtUp?: () => void;
  onError?: (error: Error) => void;
}

export interface Subscription {
  /** Resolves once no handler call is running and none will start. */
  stop(): Promise<void>;
}

/** Handler calls are strictly sequential and in position order; a rejected handler stops the subscription. */
export type EventHandler = (event: StoredEvent) => Promise<void> | void;

/**
 * The event store port. Every adapter (embedded SQLite, EventStoreDB) must pass
 * the shared contract suite in libs/event-store/src/testing.
 */
export interface EventStore {
  /** Appends all events atomically (all or none), or throws WrongExpectedRevisionError. */
  append(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /** The stream's events in revision order; [] if the stream does not exist. */
  readStream(streamId: string, options?: { fromRevision?: number }): Promise<StoredEvent[]>;
  /** Events in global order. */
  readAll(options?: ReadAllOptions): Promise<StoredEvent[]>;
  /** Catch up from the checkpoint, then stay live. */
  subscribeToAll(handler: EventHandler, options?: SubscribeOptions): Subscription;
  /** Position of the last event in the log, or 0 when empty. */
  headPosition(): Promise<number>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
