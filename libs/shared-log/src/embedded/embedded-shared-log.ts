import type { EventStore, StoredEvent, Subscription } from '@nrm/event-store/port';
import { InMemoryCheckpointStore } from '../checkpoint/in-memory-checkpoint-store';
import { channelOf, SHARED_LOG_CHANNELS } from '../port/channel';
import type { CheckpointStore } from '../port/checkpoint-store.port';
import type {
  SharedLogConsumer,
  SharedLogHandler,
  SharedLogPublisher,
  SharedLogSubscribeOptions,
  SharedLogSubscription,
} from '../port/shared-log.port';

/**
 * The embedded shared log is the node's own ordered log: the event store already holds every committed
 * event, in one global order, so publishing has nothing left to do.
 */
export class EmbeddedSharedLogPublisher implements SharedLogPublisher {
  async publish(_events: StoredEvent[]): Promise<void> {}
  async close(): Promise<void> {}
}

export interface EmbeddedSharedLogConsumerOptions {
  /** Committed offsets (global positions) by group id. Default: in memory, lost with the process. */
  offsets?: CheckpointStore;
}

/**
 * Consuming the embedded log is subscribing to the store from the group's committed position. The
 * position is committed after each handled event (one global order: every stream's order is kept).
 */
export class EmbeddedSharedLogConsumer implements SharedLogConsumer {
  private readonly offsets: CheckpointStore;
  private readonly subscriptions = new Set<Subscription>();

  constructor(
    private readonly store: EventStore,
    options: EmbeddedSharedLogConsumerOptions = {},
  ) {
    this.offsets = options.offsets ?? new InMemoryCheckpointStore();
  }

  async subscribe(
    handler: SharedLogHandler,
    options: SharedLogSubscribeOptions,
  ): Promise<SharedLogSubscription> {
    const { groupId, fromBeginning = true, onError } = options;
    const channels = new Set(options.channels ?? SHARED_LOG_CHANNELS);
    const committed = await this.offsets.load(groupId);
    const fromPosition = committed ?? (fromBeginning ? 0 : await this.store.headPosition());
    const subscription = this.store.subscribeToAll(
      async (event) => {
        if (channels.has(channelOf(event))) await handler(event);
        await this.offsets.save(groupId, event.position);
      },
      { fromPosition, onError },
    );
    this.subscriptions.add(subscription);
    return {
      stop: async () => {
        this.subscriptions.delete(subscription);
        await subscription.stop();
      },
    };
  }

  /** Stops every subscription; the offsets store belongs to the caller. */
  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    this.subscriptions.clear();
  }
}
