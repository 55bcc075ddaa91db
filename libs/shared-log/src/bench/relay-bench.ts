import { SqliteEventStore } from '@nrm/event-store';
import type { NewEvent } from '@nrm/event-store/port';
import { logLevel, type Admin } from 'kafkajs';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryCheckpointStore } from '../checkpoint/in-memory-checkpoint-store';
import { encodeCloudEvent } from '../kafka/cloudevents';
import { createRelayProducer } from '../kafka/kafka-publisher';
import { ACKS_ALL } from '../kafka/kafka-publisher';
import { openKafkaSharedLog } from '../kafka/kafka-shared-log';
import { SharedLogRelay } from '../relay/shared-log-relay';

export interface RelayBenchOptions {
  brokers: string;
  /** Events pre-appended for the throughput run (also sent by the raw baseline). */
  events: number;
  /** Events per relay batch and per raw producer batch. Default 500. */
  batchSize?: number;
  /** Events appended one at a time for the latency figures. Default 200. */
  latencySamples?: number;
}

export interface RelayBenchResult {
  /** Events/s from relay start (all events already appended) to the last batch's acknowledgement. */
  relayRate: number;
  /** Events/s of a bare kafkajs producer (same settings) sending the same messages in batches of the same size. */
  rawProducerRate: number;
  /** Append → handled by a Kafka consumer, one event at a time with the relay live. */
  latencyP50Ms: number;
  latencyP99Ms: number;
}

const STREAMS = 50;

function benchEvent(i: number): NewEvent {
  return {
    id: randomUUID(),
    type: i % 3 === 0 ? 'ConsentGiven' : i % 3 === 1 ? 'ServiceReferred' : 'HearingScheduled',
    schemaVersion: 1,
    occurredAt: new Date().toISOString(),
    nodeId: 'nrm-bench',
    actor: { userId: 'bench-user', role: 'case_manager', agency: 'national-nrm-office' },
    correlationId: randomUUID(),
    data: { purpose: 'data_sharing', recipient: 'MD', n: i },
    personal: {
      subjectId: `victim:${i % STREAMS}`,
      keyVersion: 1,
      iv: randomBytes(12).toString('base64'),
      ciphertext: randomBytes(90).toString('base64'),
      tag: randomBytes(16).toString('base64'),
    },
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

/**
 * Relay throughput beside a raw kafkajs producer baseline in the same run, and append-to-consumer
 * latency. Uses its own topics (prefix `nrmbench`, random country) and deletes them at the end.
 */
export async function benchRelay(options: RelayBenchOptions): Promise<RelayBenchResult> {
  const batchSize = options.batchSize ?? 500;
  const samples = options.latencySamples ?? 200;
  const dir = mkdtempSync(join(tmpdir(), 'relay-bench-'));
  const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
  const log = await openKafkaSharedLog({
    brokers: options.brokers,
    logLevel: logLevel.NOTHING,
    topicPrefix: 'nrmbench',
    country: `b${randomBytes(5).toString('hex')}`,
  });
  let relay: SharedLogRelay | undefined;
  try {
    for (let i = 0; i < options.events; i += 100) {
      const events = Array.from({ length: Math.min(100, options.events - i) }, (_, k) => benchEvent(i + k));
      await store.append(`case-bench-${(i / 100) % STREAMS}`, events, 'any');
    }
    const head = await store.headPosition();

    relay = new SharedLogRelay({
      store,
      publisher: log.publisher,
      checkpoints: new InMemoryCheckpointStore(),
      batchSize,
    });
    let start = process.hrtime.bigint();
    await relay.start();
    await relay.waitForCheckpoint(head, 600_000);
    const relayRate = options.events / seconds(start);

    // Raw baseline: the same messages, same batch size, same producer settings, no store and no checkpoint.
    const stored = await store.readAll({ limit: options.events });
    const producer = createRelayProducer(log.kafka);
    await producer.connect();
    try {
      start = process.hrtime.bigint();
      for (let i = 0; i < stored.length; i += batchSize) {
        const batch = stored.slice(i, i + batchSize);
        const byTopic = new Map<string, ReturnType<typeof encodeCloudEvent>[]>();
        for (const event of batch) {
          const topic = log.topics.topicForEvent(event);
          byTopic.set(topic, [...(byTopic.get(topic) ?? []), encodeCloudEvent(event)]);
        }
        await producer.sendBatch({
          acks: ACKS_ALL,
          topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
        });
      }
    } finally {
      await producer.disconnect();
    }
    const rawProducerRate = stored.length / seconds(start);

    // Latency: a live relay and consumer; one append at a time, next one once it was handled.
    const waiting = new Map<string, (at: bigint) => void>();
    const subscription = await log.consumer.subscribe(
      (event) => {
        waiting.get(event.id)?.(process.hrtime.bigint());
        waiting.delete(event.id);
      },
      { groupId: `bench-${randomUUID()}`, fromBeginning: false },
    );
    /** Appends one event; resolves with the ms until the consumer had it, or undefined after `timeoutMs`. */
    const roundTrip = async (i: number, timeoutMs: number): Promise<number | undefined> => {
      const event = benchEvent(i);
      let timer: NodeJS.Timeout | undefined;
      const arrival = new Promise<bigint | undefined>((resolve) => {
        waiting.set(event.id, resolve);
        timer = setTimeout(() => resolve(undefined), timeoutMs);
      });
      const sent = process.hrtime.bigint();
      await store.append(`case-latency-${i % STREAMS}`, [event], 'any');
      const at = await arrival;
      clearTimeout(timer);
      waiting.delete(event.id);
      return at === undefined ? undefined : Number(at - sent) / 1e6;
    };
    const latencies: number[] = [];
    try {
      // A new group starts at the latest offsets once it fetched them: warm up until an event arrives.
      let warm = false;
      for (let i = 0; i < 15 && !warm; i++) warm = (await roundTrip(-1 - i, 2000)) !== undefined;
      if (!warm) throw new Error('the bench consumer received nothing within 30 s');
      for (let i = 0; i < samples; i++) {
        const latency = await roundTrip(i, 30_000);
        if (latency === undefined) throw new Error(`event ${i} not consumed within 30 s`);
        latencies.push(latency);
      }
    } finally {
      await subscription.stop();
    }
    latencies.sort((a, b) => a - b);
    return {
      relayRate,
      rawProducerRate,
      latencyP50Ms: percentile(latencies, 50),
      latencyP99Ms: percentile(latencies, 99),
    };
  } finally {
    await relay?.stop();
    await log.close();
    const admin: Admin = log.kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: log.topics.topicsOf() }).catch(() => undefined);
    await admin.disconnect();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
