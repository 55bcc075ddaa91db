/**
 * Kafka partner transport (production): one topic per ordered pair of nodes,
 * `<prefix>.trm.<sender>.<recipient>`, one partition, so the recipient reads a sender's messages in the
 * order the sender queued them. The value is the envelope as a CloudEvent in structured mode
 * (`content-type: application/cloudevents+json`), the key its subject (the shared case reference).
 *
 * Sending goes through the same durable outbox as HTTP: per recipient one message at a time, the next
 * only after Kafka acknowledged the previous (acks=all), through one idempotent producer with a single
 * request in flight. Delivery ends at the acknowledgement (`published`); the recipient records its
 * verdict in its own log. A send whose acknowledgement was lost is sent again: the topic may then hold
 * a copy, which the recipient's inbox answers `duplicate`.
 *
 * Receiving: see KafkaInboxConsumer (commit only after a final verdict, no skipping while unavailable).
 */
import { createKafka } from '@nrm/shared-log/kafka/kafka-client';
import { ACKS_ALL, createRelayProducer } from '@nrm/shared-log/kafka/kafka-publisher';
import { logLevel as KafkaLogLevel, type Admin, type Kafka, type Producer } from 'kafkajs';
import type { Partner } from '../registry/partner';
import { CLOUDEVENTS_JSON } from './http-inbox-status';
import { KafkaInboxConsumer } from './kafka-inbox-consumer';
import type { AttemptResult, RetryBackoff } from './outbox-dispatcher';
import { OutboxPartnerTransport, OutboxTransportOptions } from './outbox-partner-transport';
import { ensurePartnerTopics, PartnerTopics, PartnerTopicsOptions } from './partner-topics';
import type { InboxHandler } from './partner-transport.port';
import type { OutboxMessage } from './sqlite-outbox';

export interface KafkaPartnerTransportOptions extends OutboxTransportOptions, PartnerTopicsOptions {
  /** This node's id. */
  nodeId: string;
  /** Comma-separated host:port list or array (KAFKA_BROKERS). Ignored when `kafka` is given. */
  brokers?: string | string[];
  /** An existing client (its connection settings: TLS, SASL). */
  kafka?: Kafka;
  logLevel?: KafkaLogLevel;
  /**
   * The partners whose topics to this node are read (removed ones are skipped). Read at `start` and at
   * `refreshPartners`, which the registry calls when a partner is added or removed.
   */
  listPartners: () => Partner[] | Promise<Partner[]>;
  /** Waits while this node's inbox answers `unavailable`. Default 1 s doubling to 30 s. */
  unavailableBackoff?: RetryBackoff;
  /** Partner topics read at the same time. Default 4. */
  partitionsConsumedConcurrently?: number;
  /** How long `start` waits for the inbox consumer to join its group. Default 60 s. */
  joinTimeoutMs?: number;
  /** Longest wait of one fetch on idle topics, which bounds how long `close` takes. Default 1 s. */
  maxWaitTimeInMs?: number;
}

export class KafkaPartnerTransport extends OutboxPartnerTransport {
  readonly kafka: Kafka;
  readonly topics: PartnerTopics;
  private admin?: Promise<Admin>;
  private producer?: Promise<Producer>;
  private sending: Promise<unknown> = Promise.resolve();
  private readonly knownTopics = new Set<string>();
  private inbox?: InboxHandler;
  private consumer?: KafkaInboxConsumer;
  private consumedTopics: string[] = [];
  private refreshing: Promise<void> = Promise.resolve();

  constructor(private readonly options: KafkaPartnerTransportOptions) {
    super(options);
    this.topics = new PartnerTopics(options);
    this.kafka =
      options.kafka ??
      createKafka({
        brokers: options.brokers ?? [],
        clientId: `nrm-trm-${options.nodeId}`,
        logLevel: options.logLevel,
      });
  }

  /** The topic this node writes its messages to `recipientNodeId` to. */
  outgoingTopic(recipientNodeId: string): string {
    return this.topics.topic(this.options.nodeId, recipientNodeId);
  }

  /**
   * Reads the partner list again and, if the set of topics to read changed, resubscribes (Kafka fixes a
   * consumer's topics when it joins). Committed offsets stay, so nothing is read twice or skipped.
   */
  refreshPartners(): Promise<void> {
    const next = this.refreshing.then(async () => {
      if (!this.inbox) return;
      const topics = await this.incomingTopics();
      if (sameSet(topics, this.consumedTopics)) return;
      await this.consumer?.stop();
      this.consumer = undefined;
      await this.consume(this.inbox, topics);
    });
    this.refreshing = next.catch(() => undefined);
    return next;
  }

  protected async startReceiving(inbox: InboxHandler): Promise<void> {
    this.inbox = inbox;
    await this.consume(inbox, await this.incomingTopics());
  }

  protected async stopReceiving(): Promise<void> {
    this.inbox = undefined;
    await this.refreshing;
    await this.consumer?.stop();
    this.consumer = undefined;
    await this.sending;
    const [producer, admin] = [this.producer, this.admin];
    this.producer = this.admin = undefined;
    await (await producer?.catch(() => undefined))?.disconnect();
    await (await admin?.catch(() => undefined))?.disconnect();
  }

  protected deliver(message: OutboxMessage): Promise<AttemptResult> {
    // One send at a time: kafkajs' idempotent producer is fragile under concurrent sends.
    const result = this.sending.then(() => this.publish(message));
    this.sending = result.catch(() => undefined);
    return result;
  }

  private async publish(message: OutboxMessage): Promise<AttemptResult> {
    const partner = this.activePartner(message);
    if ('retry' in partner) return partner;
    const topic = this.outgoingTopic(message.recipientNodeId);
    try {
      await this.ensureTopics([topic]);
      const producer = await this.connectedProducer();
      try {
        await producer.send({
          topic,
          acks: ACKS_ALL,
          messages: [
            {
              key: message.subject,
              value: JSON.stringify(message.envelope),
              headers: { 'content-type': CLOUDEVENTS_JSON },
            },
          ],
        });
      } catch (error) {
        // Its sequence numbers may no longer match the broker's: the next send gets a new producer.
        const stale = this.producer;
        this.producer = undefined;
        await (await stale?.catch(() => undefined))?.disconnect().catch(() => undefined);
        throw error;
      }
      return { final: { outcome: 'published' } };
    } catch (error) {
      return { retry: `publishing to ${topic} failed: ${(error as Error).message}` };
    }
  }

  private async consume(inbox: InboxHandler, topics: string[]): Promise<void> {
    this.consumedTopics = topics;
    // A consumer needs at least one topic; with no partner yet, refreshPartners starts it later.
    if (topics.length === 0) return;
    await this.ensureTopics(topics);
    const consumer = new KafkaInboxConsumer({
      kafka: this.kafka,
      topics: this.topics,
      nodeId: this.options.nodeId,
      inbox,
      unavailableBackoff: this.options.unavailableBackoff,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently,
      joinTimeoutMs: this.options.joinTimeoutMs,
      maxWaitTimeInMs: this.options.maxWaitTimeInMs,
      onError: (error) => this.reportError(error),
    });
    await consumer.start(topics);
    this.consumer = consumer;
  }

  private async incomingTopics(): Promise<string[]> {
    const partners = await this.options.listPartners();
    const topics = partners
      .filter((partner) => partner.status !== 'removed' && partner.nodeId !== this.options.nodeId)
      .map((partner) => this.topics.topic(partner.nodeId, this.options.nodeId));
    return [...new Set(topics)].sort();
  }

  private async ensureTopics(topics: string[]): Promise<void> {
    const missing = topics.filter((topic) => !this.knownTopics.has(topic));
    if (missing.length === 0) return;
    const admin = await this.connectedAdmin();
    await ensurePartnerTopics(admin, this.topics, missing);
    for (const topic of missing) this.knownTopics.add(topic);
  }

  private connectedAdmin(): Promise<Admin> {
    this.admin ??= connected(this.kafka.admin(), () => (this.admin = undefined));
    return this.admin;
  }

  private connectedProducer(): Promise<Producer> {
    this.producer ??= connected(createRelayProducer(this.kafka), () => (this.producer = undefined));
    return this.producer;
  }
}

/** Connects `client`; on failure forgets it (so the next call tries a new one) and disconnects it. */
async function connected<T extends { connect(): Promise<void>; disconnect(): Promise<void> }>(
  client: T,
  forget: () => void,
): Promise<T> {
  try {
    await client.connect();
    return client;
  } catch (error) {
    forget();
    await client.disconnect().catch(() => undefined);
    throw error;
  }
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}
