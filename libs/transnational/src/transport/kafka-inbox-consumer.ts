import { backoffDelay } from '@nrm/shared-log/relay/backoff';
import type { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import type { RetryBackoff } from './outbox-dispatcher';
import type { InboxHandler, InboxVerdict } from './partner-transport.port';
import { PartnerTopics, topicSegment } from './partner-topics';
import { waitForJoin } from '@nrm/shared-log/kafka/wait-for-join';

export interface KafkaInboxConsumerOptions {
  kafka: Kafka;
  topics: PartnerTopics;
  /** This node: it reads `<prefix>.trm.<partner>.<nodeId>` in the group `<prefix>.trm.<nodeId>`. */
  nodeId: string;
  inbox: InboxHandler;
  /** Waits between attempts while the inbox answers `unavailable`. Default 1 s doubling to 30 s. */
  unavailableBackoff?: RetryBackoff;
  /** Partner topics handled at the same time (each in order). Default 4. */
  partitionsConsumedConcurrently?: number;
  /** How long `start` waits for the consumer to join its group. Default 60 s. */
  joinTimeoutMs?: number;
  /**
   * Longest wait of one fetch on an idle topic. Default 1 s: stopping waits for the fetch in flight,
   * so this bounds how long a node takes to shut down (kafkajs' own default is 5 s).
   */
  maxWaitTimeInMs?: number;
  onError?: (error: Error) => void;
}

/** A message that cannot be an envelope for this node: never handed to the inbox, its offset is committed. */
export class MisroutedMessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MisroutedMessageError';
  }
}

/**
 * Reads the topics partners write to this node, one message at a time per topic (one partition each, so
 * in the sender's order), and commits a message's offset only after the inbox gave a final verdict.
 * While the inbox answers `unavailable` (or throws) the same message is offered again after a backoff,
 * heartbeating meanwhile: nothing after it is read, nothing is skipped. A stop in the middle leaves the
 * offset uncommitted, so the next consumer of the group starts at that message.
 */
export class KafkaInboxConsumer {
  private consumer?: Consumer;
  private stopping = false;
  private readonly sleepers = new Set<() => void>();

  constructor(private readonly options: KafkaInboxConsumerOptions) {}

  async start(topicNames: string[]): Promise<void> {
    if (this.consumer) throw new Error('inbox consumer already started');
    this.stopping = false;
    const { kafka, topics, nodeId } = this.options;
    const consumer = kafka.consumer({
      groupId: topics.groupId(nodeId),
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: this.options.maxWaitTimeInMs ?? 1000,
    });
    this.consumer = consumer;
    consumer.on(consumer.events.CRASH, ({ payload }) => this.report(payload.error));
    const joined = waitForJoin(consumer, this.options.joinTimeoutMs ?? 60_000, 'partner inbox consumer');
    try {
      await consumer.connect();
      // From the beginning: a group that never committed must still get what partners sent before.
      await consumer.subscribe({ topics: topicNames, fromBeginning: true });
      await consumer.run({
        autoCommit: false,
        partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 4,
        eachMessage: async ({ topic, partition, message, heartbeat }) => {
          const verdict = await this.handle(topic, message, heartbeat);
          // Stopping: leave the offset uncommitted (autoCommit is off, so the in-memory one is never saved).
          if (verdict === undefined) return;
          await consumer.commitOffsets([
            { topic, partition, offset: (BigInt(message.offset) + 1n).toString() },
          ]);
        },
      });
      await joined.promise;
    } catch (error) {
      joined.cancel();
      this.consumer = undefined;
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const wake of this.sleepers) wake();
    const consumer = this.consumer;
    this.consumer = undefined;
    await consumer?.disconnect();
  }

  private async handle(
    topic: string,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
  ): Promise<InboxVerdict | undefined> {
    let envelope: unknown;
    try {
      envelope = this.envelopeOf(topic, message);
    } catch (error) {
      this.report(error);
      return { outcome: 'rejected', reason: (error as Error).message };
    }
    const backoff = { initialMs: 1000, maxMs: 30_000, ...this.options.unavailableBackoff };
    for (let attempt = 0; !this.stopping; attempt++) {
      let verdict: InboxVerdict;
      try {
        verdict = await this.options.inbox(envelope);
      } catch (error) {
        this.report(error);
        verdict = { outcome: 'unavailable', reason: 'inbox failed' };
      }
      if (verdict.outcome !== 'unavailable') return verdict;
      this.report(
        new Error(`inbox unavailable for message at ${topic}@${message.offset}: ${verdict.reason}`),
      );
      await this.sleep(backoffDelay(attempt, backoff), heartbeat);
    }
    return undefined;
  }

  /** The envelope, if it arrived on the topic of the pair it names. */
  private envelopeOf(topic: string, message: KafkaMessage): unknown {
    const where = `${topic}@${message.offset}`;
    if (message.value === null) throw new MisroutedMessageError(`message ${where} has no value`);
    let envelope: unknown;
    try {
      envelope = JSON.parse(message.value.toString('utf8'));
    } catch {
      throw new MisroutedMessageError(`message ${where} is not JSON`);
    }
    const { nrmsender, nrmrecipient } = (envelope ?? {}) as { nrmsender?: unknown; nrmrecipient?: unknown };
    // Only the pair's sender may write its topic (broker ACLs); a message naming another sender is refused.
    const senderSegment = this.options.topics.senderSegmentOf(topic, this.options.nodeId);
    if (
      typeof nrmsender !== 'string' ||
      nrmsender.length === 0 ||
      topicSegment(nrmsender) !== senderSegment ||
      nrmrecipient !== this.options.nodeId
    )
      throw new MisroutedMessageError(`message ${where} names another sender or recipient than its topic`);
    return envelope;
  }

  /** Waits `ms`, heartbeating so the group keeps this member; a rebalance error ends the wait (and the handler). */
  private async sleep(ms: number, heartbeat: () => Promise<void>): Promise<void> {
    const until = Date.now() + ms;
    while (!this.stopping && Date.now() < until) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.sleepers.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, Math.min(1000, until - Date.now()));
        this.sleepers.add(wake);
      });
      if (!this.stopping) await heartbeat();
    }
  }

  private report(error: unknown): void {
    try {
      this.options.onError?.(error instanceof Error ? error : new Error(String(error)));
    } catch {
      // A failing logger must not stop receiving.
    }
  }
}
