import { randomBytes } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { createKafka } from '../kafka/kafka-client';
import { SharedLogTopics, SharedLogTopicsOptions } from '../kafka/topics';

export const TEST_TOPIC_PREFIX = 'nrmtest';

/** Topic options no other run shares: a random pseudo-country under the test prefix. */
export function uniqueTestTopics(overrides: Partial<SharedLogTopicsOptions> = {}): SharedLogTopicsOptions {
  return {
    country: `t${randomBytes(5).toString('hex')}`,
    topicPrefix: TEST_TOPIC_PREFIX,
    partitions: 3,
    replicationFactor: 1,
    ...overrides,
  };
}

/** Deletes the node's topics (those that exist); tests call it at the end. */
export async function deleteSharedLogTopics(
  kafkaOrBrokers: Kafka | string,
  topics: SharedLogTopics,
): Promise<void> {
  const kafka =
    typeof kafkaOrBrokers === 'string' ? createKafka({ brokers: kafkaOrBrokers }) : kafkaOrBrokers;
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const mine = topics.topicsOf().filter((topic) => existing.has(topic));
    if (mine.length) await admin.deleteTopics({ topics: mine });
  } finally {
    await admin.disconnect();
  }
}
