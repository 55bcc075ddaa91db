import type { Kafka } from 'kafkajs';
import { SHARED_LOG_CHANNELS } from '../port/channel';
import type {
  SharedLogConsumer,
  SharedLogHandler,
  SharedLogSubscribeOptions,
  SharedLogSubscription,
} from '../port/shared-log.port';
import { decodeCloudEvent } from './cloudevents';
import type { SharedLogTopics } from './topics';
import { waitForJoin } from './wait-for-join';

export interface KafkaSharedLogConsumerOptions {
  /** How long `subscribe` waits for the consumer to join its group. Default 60 s. */
  joinTimeoutMs?: number;
}

/**
 * One kafkajs consumer per subscription, in the subscription's group. Partitions are handled one
 * message at a time (kafkajs' default), so a stream's events (one key, one partition) arrive in order;
 * offsets are committed by kafkajs after each batch whose handler calls all resolved, and on stop.
 * A failed handler or an undecodable message stops the subscription without committing that offset:
 * the next subscriber of the group gets the event again rather than losing it.
 */
export class KafkaSharedLogConsumer implements SharedLogConsumer {
  private readonly subscriptions = new Set<SharedLogSubscription>();

  constructor(
    private readonly kafka: Kafka,
    private readonly topics: SharedLogTopics,
    private readonly options: KafkaSharedLogConsumerOptions = {},
  ) {}

  async subscribe(
    handler: SharedLogHandler,
    options: SharedLogSubscribeOptions,
  ): Promise<SharedLogSubscription> {
    const { groupId, fromBeginning = true, onError } = options;
    // kafkajs' fetch defaults (minBytes 1, maxWaitTimeInMs 5000) add no delivery latency: the broker
    // answers a waiting fetch as soon as one message arrives (about 1 ms after the relay's send is
    // acknowledged, measured on loopback); the 5 s bound only paces polls of an idle log.
    const consumer = this.kafka.consumer({ groupId, allowAutoTopicCreation: false });
    let failed = false;
    let stopping: Promise<void> | undefined;
    const stop = (): Promise<void> => {
      stopping ??= consumer.disconnect().finally(() => this.subscriptions.delete(subscription));
      return stopping;
    };
    const subscription: SharedLogSubscription = { stop };
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      onError?.(error instanceof Error ? error : new Error(String(error)));
      // Not awaited here: disconnect waits for the running eachMessage, which is the caller.
      setImmediate(() => void stop());
    };

    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) fail(payload.error);
    });
    const joined = waitForJoin(consumer, this.options.joinTimeoutMs ?? 60_000);
    try {
      await consumer.connect();
      await consumer.subscribe({
        topics: this.topics.topicsOf(options.channels ?? SHARED_LOG_CHANNELS),
        fromBeginning,
      });
      await consumer.run({
        eachMessage: async ({ message }) => {
          if (failed) throw new Error('subscription stopped after an error');
          try {
            await handler(decodeCloudEvent(message));
          } catch (error) {
            fail(error);
            throw error; // leaves this offset uncommitted
          }
        },
      });
      await joined.promise;
    } catch (error) {
      joined.cancel();
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }
    this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
  }
}
