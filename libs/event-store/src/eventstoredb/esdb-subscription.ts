import {
  AllStreamResolvedEvent,
  AllStreamSubscription,
  EventStoreDBClient,
  Filter,
  Position,
  ReadPosition,
  eventTypeFilter,
  excludeSystemEvents,
} from '@eventstore/db-client';
import { EventHandler, SubscribeOptions, Subscription } from '../port';
import { fromEsdbRecord, isSystemRecord } from './esdb-event-mapping';
import { positionNumber } from './esdb-position';

export interface EventStoreDbSubscribeOptions extends SubscribeOptions {
  /**
   * ESDB's checkpointReached for the server-side filter: every event at or before `position` that
   * matches has been handled, so a consumer may store it as its (exclusive) checkpoint and skip long
   * stretches of filtered-out events. Called in order with the handler calls, never concurrently.
   */
  onCheckpoint?: (position: number) => Promise<void> | void;
}

export interface SubscriptionDependencies {
  client: EventStoreDBClient;
  /** A position to subscribe from from which nothing after `from` is missed (events ≤ from are skipped here). */
  startFor(from: number): Promise<ReadPosition>;
  headPosition(): Promise<number>;
}

/** Something to do once `handled` reaches `at`: the server reports these before the events ahead of them are handled. */
interface Marker {
  at: number;
  kind: 'caughtUp' | 'checkpoint';
  position?: Position;
}

/**
 * A catch-up subscription to $all with a server-side event-type filter. Events are pulled one at a time
 * (stream.read()), so handler calls are sequential and the stream's buffer gives backpressure; the
 * server's 'caughtUp' and checkpoint messages are queued behind the events that preceded them.
 * No automatic resubscription: a dropped connection is reported through onError like a failing handler,
 * and the caller resubscribes from its own checkpoint.
 */
export class EsdbCatchUpSubscription implements Subscription {
  private stopped = false;
  private stream?: AllStreamSubscription;
  private failure?: Error;
  private ended = false;
  private wake?: () => void;
  private taken = 0;
  private handled = 0;
  private readonly markers: Marker[] = [];
  private caughtUp = false;
  private head = 0;
  private floor = 0;
  private lastDelivered = -1;
  private readonly prefixes?: string[];
  private readonly done: Promise<void>;

  constructor(
    private readonly deps: SubscriptionDependencies,
    private readonly handler: EventHandler,
    private readonly options: EventStoreDbSubscribeOptions,
    onFinished: (subscription: EsdbCatchUpSubscription) => void,
  ) {
    this.prefixes = options.typePrefixes?.length ? [...options.typePrefixes] : undefined;
    this.done = this.run().finally(() => onFinished(this));
  }

  stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    return this.done;
  }

  private async run(): Promise<void> {
    try {
      this.floor = this.options.fromPosition ?? 0;
      // Emulated catch-up for servers without the CaughtUp message (before 23.10): everything up to the
      // head seen now has been delivered once an event or checkpoint at or past it went by.
      this.head = await this.deps.headPosition();
      const start = await this.deps.startFor(this.floor);
      if (this.stopped) return;
      this.stream = this.subscribe(start);
      if (this.head <= this.floor) this.enqueue({ at: 0, kind: 'caughtUp' });
      await this.pump(this.stream);
    } catch (error) {
      if (!this.stopped) {
        this.stopped = true;
        this.options.onError?.(error instanceof Error ? error : new Error(String(error)));
      }
    } finally {
      await this.close();
    }
  }

  private subscribe(start: ReadPosition): AllStreamSubscription {
    const checkpointReached = (_: AllStreamSubscription, position: Position) => {
      this.enqueue({ at: this.taken + stream.readableLength, kind: 'checkpoint', position });
    };
    // Server-side filter; system events are always excluded (a prefix filter only passes the given
    // prefixes, and the default filter is ESDB's excludeSystemEvents). Both are re-checked client-side.
    const filter: Filter = this.prefixes
      ? eventTypeFilter({ prefixes: this.prefixes, checkpointReached })
      : excludeSystemEvents({ checkpointReached });
    const stream = this.deps.client.subscribeToAll({ fromPosition: start, resolveLinkTos: false, filter });
    stream.on('error', (error: Error) => {
      this.failure ??= error;
      this.wake?.();
    });
    stream.on('caughtUp', () => this.enqueue({ at: this.taken + stream.readableLength, kind: 'caughtUp' }));
    stream.on('readable', () => this.wake?.());
    stream.on('end', () => this.markEnded());
    stream.on('close', () => this.markEnded());
    return stream;
  }

  private async pump(stream: AllStreamSubscription): Promise<void> {
    while (!this.stopped) {
      if (this.failure) throw this.failure;
      await this.fireDueMarkers();
      if (this.stopped) return;
      const item = stream.read() as AllStreamResolvedEvent | null;
      if (item === null) {
        if (this.ended) throw this.failure ?? new Error('EventStoreDB subscription ended unexpectedly');
        // No await between read() returning null and arming the wake-up, so no signal can be lost.
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = undefined;
        continue;
      }
      this.taken++;
      await this.process(item);
      this.handled++;
    }
  }

  private async process(item: AllStreamResolvedEvent): Promise<void> {
    const record = item.event;
    if (!record) return;
    const position = positionNumber(record.position);
    if (position <= this.floor) return; // the checkpoint itself, if the server started at it
    if (!isSystemRecord(record) && this.matches(record.type)) {
      if (position <= this.lastDelivered) {
        throw new Error(
          `EventStoreDB delivered event ${record.id} at position ${position} after ${this.lastDelivered}: ` +
            'events sharing a commit position (explicit transactions) are not supported',
        );
      }
      const event = fromEsdbRecord(record);
      if (this.stopped) return;
      await this.handler(event);
      this.lastDelivered = position;
    }
    if (position >= this.head && !this.caughtUp) this.enqueue({ at: this.taken, kind: 'caughtUp' });
  }

  private matches(type: string): boolean {
    return !this.prefixes || this.prefixes.some((prefix) => type.startsWith(prefix));
  }

  private async fireDueMarkers(): Promise<void> {
    while (this.markers.length > 0 && this.markers[0].at <= this.handled && !this.stopped) {
      const marker = this.markers.shift()!;
      if (marker.kind === 'caughtUp') {
        if (!this.caughtUp) {
          this.caughtUp = true;
          this.options.onCaughtUp?.();
        }
      } else if (marker.position) {
        const position = positionNumber(marker.position);
        if (position >= this.head && !this.caughtUp) this.enqueue({ at: this.handled, kind: 'caughtUp' });
        if (position > this.floor) await this.options.onCheckpoint?.(position);
      }
    }
  }

  private enqueue(marker: Marker): void {
    this.markers.push(marker);
    this.markers.sort((a, b) => a.at - b.at);
    this.wake?.();
  }

  private markEnded(): void {
    this.ended = true;
    this.wake?.();
  }

  private async close(): Promise<void> {
    const stream = this.stream;
    if (!stream) return;
    try {
      await stream.unsubscribe();
    } catch {
      // Cancelling a stream that already failed or ended: nothing left to release.
    }
    stream.destroy();
  }
}
