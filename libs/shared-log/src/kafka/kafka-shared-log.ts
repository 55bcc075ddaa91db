import type { Kafka } from 'kafkajs';
import { createKafka, KafkaClientOptions } from './kafka-client';
import { KafkaSharedLogConsumer, KafkaSharedLogConsumerOptions } from './kafka-consumer';
import { KafkaSharedLogPublisher } from './kafka-publisher';
import { ensureSharedLogTopics, SharedLogTopics, SharedLogTopicsOptions } from './topics';

export interface KafkaSharedLogOptions extends KafkaClientOptions, SharedLogTopicsOptions {
  consumer?: KafkaSharedLogConsumerOptions;
}

export interface KafkaSharedLog {
  kafka: Kafka;
  topics: SharedLogTopics;
  publisher: KafkaSharedLogPublisher;
  consumer: KafkaSharedLogConsumer;
  /** Topics this start-up created (the others existed). */
  createdTopics: string[];
  close(): Promise<void>;
}

/** Start-up of the Kafka adapter: creates the node's missing topics, then hands out publisher and consumer. */
export async function openKafkaSharedLog(options: KafkaSharedLogOptions): Promise<KafkaSharedLog> {
  const kafka = createKafka(options);
  const topics = new SharedLogTopics(options);
  const admin = kafka.admin();
  await admin.connect();
  let createdTopics: string[];
  try {
    createdTopics = await ensureSharedLogTopics(admin, topics);
  } finally {
    await admin.disconnect();
  }
  const publisher = new KafkaSharedLogPublisher(kafka, topics);
  const consumer = new KafkaSharedLogConsumer(kafka, topics, options.consumer);
  return {
    kafka,
    topics,
    publisher,
    consumer,
    createdTopics,
    close: async () => {
      await consumer.close();
      await publisher.close();
    },
  };
}
