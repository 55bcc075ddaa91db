import type { StoredEvent } from '@nrm/event-store/port';
import { Partitioners, type Kafka, type Producer, type TopicMessages } from 'kafkajs';
import type { SharedLogPublisher } from '../port/shared-log.port';
import { encodeCloudEvent } from './cloudevents';
import type { SharedLogTopics } from './topics';

/** acks=-1: the leader answers once every in-sync replica has the batch (min.insync.replicas applies). */
export const ACKS_ALL = -1;

/**
 * Publishes through ONE kafkajs producer in idempotent mode with a single request in flight: kafkajs'
 * idempotent producer is fragile under concurrent sends, so batches are queued and sent one at a time,
 * and per partition the broker sees them in order with no duplicate from kafkajs' own retries.
 * After a failed send the producer is thrown away: its sequence numbers may no longer match the
 * broker's, and a new producer id makes the resent batch valid (its copies are dropped by consumers).
 */
export class KafkaSharedLogPublisher implements SharedLogPublisher {
  private producer?: Producer;
  private connecting?: Promise<Producer>;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly topics: SharedLogTopics,
  ) {}

  publish(events: StoredEvent[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error('shared log publisher is closed'));
    const send = this.queue.then(() => this.send(events));
    this.queue = send.catch(() => undefined);
    return send;
  }

  /** Waits for queued batches, then disconnects. */
  async close(): Promise<void> {
    this.closed = true;
    await this.queue;
    await this.discardProducer();
  }

  private async send(events: StoredEvent[]): Promise<void> {
    if (events.length === 0) return;
    const producer = await this.connectedProducer();
    try {
      await producer.sendBatch({ acks: ACKS_ALL, topicMessages: this.topicMessages(events) });
    } catch (error) {
      await this.discardProducer();
      throw error;
    }
  }

  /** Groups by topic, keeping the log's order inside each topic (hence inside each partition). */
  private topicMessages(events: StoredEvent[]): TopicMessages[] {
    const byTopic = new Map<string, TopicMessages>();
    for (const event of events) {
      const topic = this.topics.topicForEvent(event);
      let entry = byTopic.get(topic);
      if (!entry) {
        entry = { topic, messages: [] };
        byTopic.set(topic, entry);
      }
      entry.messages.push(encodeCloudEvent(event));
    }
    return [...byTopic.values()];
  }

  private connectedProducer(): Promise<Producer> {
    if (this.producer) return Promise.resolve(this.producer);
    this.connecting ??= (async () => {
      const producer = createRelayProducer(this.kafka);
      try {
        await producer.connect();
      } catch (error) {
        await producer.disconnect().catch(() => undefined);
        throw error;
      } finally {
        this.connecting = undefined;
      }
      this.producer = producer;
      return producer;
    })();
    return this.connecting;
  }

  private async discardProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect().catch(() => undefined);
  }
}

/** The relay's producer settings, shared with the benchmark's raw baseline. */
export function createRelayProducer(kafka: Kafka): Producer {
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    // Murmur2 like the Java client: a stream lands on the same partition whoever produces it.
    createPartitioner: Partitioners.DefaultPartitioner,
    allowAutoTopicCreation: false,
  });
}
