import type { StoredEvent } from '@nrm/event-store/port';
import type { SharedLogChannel } from './channel';

/**
 * Copies committed events to the shared log. `publish` resolves only once the whole batch is
 * acknowledged by the log (for Kafka: by all in-sync replicas); a rejection means any part of the batch
 * may or may not have been written, so the caller sends the same batch again (consumers drop the copies).
 */
export interface SharedLogPublisher {
  publish(events: StoredEvent[]): Promise<void>;
  close(): Promise<void>;
}

/** May be called more than once for one event (redelivery): wrap it with `idempotentHandler`. */
export type SharedLogHandler = (event: StoredEvent) => Promise<void> | void;

export interface SharedLogSubscribeOptions {
  /** Durable name of the consumer: its committed offsets are kept under it and resumed from. */
  groupId: string;
  /** Where a group with no committed offsets starts: the log's beginning (default) or only new events. */
  fromBeginning?: boolean;
  /** Channels to read (default all). */
  channels?: readonly SharedLogChannel[];
  /** The subscription stopped on this error (a rejected handler, an undecodable message, a lost log). */
  onError?: (error: Error) => void;
}

export interface SharedLogSubscription {
  /** Resolves once no handler call runs and none will start; offsets of handled events are committed. */
  stop(): Promise<void>;
}

/**
 * Reads the shared log. Within one channel, one stream's events reach the handler in revision order,
 * one handler call at a time; an offset is committed only after its handler resolved, so after a crash
 * or a republished batch the handler may see an event again, never miss one.
 */
export interface SharedLogConsumer {
  subscribe(handler: SharedLogHandler, options: SharedLogSubscribeOptions): Promise<SharedLogSubscription>;
  close(): Promise<void>;
}
