import { SqliteEventStore } from '@nrm/event-store';
import { logLevel, type Admin, type Producer } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteCheckpointStore } from '../checkpoint/sqlite-checkpoint-store';
import { encodeCloudEvent } from '../kafka/cloudevents';
import { ACKS_ALL, createRelayProducer } from '../kafka/kafka-publisher';
import { openKafkaSharedLog, type KafkaSharedLog } from '../kafka/kafka-shared-log';
import { SharedLogRelay } from '../relay/shared-log-relay';
import { benchEvent, BENCH_STREAMS } from './bench-event';
import { measureAppendToConsumer } from './relay-latency-bench';

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
  /**
   * Events/s from relay start (all events already appended) to the last batch's acknowledgement, the
   * relay saving its checkpoint (default interval) on the way.
   */
  relayRate: number;
  /** Events/s of a bare kafkajs producer (same settings) sending the same messages in batches of the same size. */
  rawProducerRate: number;
  /** Append → handled by a Kafka consumer, one event at a time with the relay live. */
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** The same from the append's commit: the relay's and Kafka's part, without the store's durable write. */
  commitToConsumerP50Ms: number;
  commitToConsumerP99Ms: number;
}

/** Batches sent by each side before timing starts. */
const WARM_UP_BATCHES = 10;
/** Batches per timed round: short rounds, taken in turns, share the machine's load swings. */
const ROUND_BATCHES = 4;
/** Each side sends every event this many times. */
const PASSES = 2;

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

/**
 * Relay throughput beside a raw kafkajs producer baseline in the same run, and append-to-consumer
 * latency. Uses its own topics (prefix `nrmbench`, random country) and deletes them at the end.
 * Both sides are warmed up first (JIT, connections), then take turns sending the same ranges of the
 * log, a few batches at a time, the side going first alternating: a change in the machine's load
 * during the run weighs on both alike.
 */
export async function benchRelay(options: RelayBenchOptions): Promise<RelayBenchResult> {
  const batchSize = options.batchSize ?? 500;
  const dir = mkdtempSync(join(tmpdir(), 'relay-bench-'));
  const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
  // The product's checkpoint store: a saved checkpoint is a synchronous (FULL) SQLite commit.
  const checkpoints = SqliteCheckpointStore.open(join(dir, 'relay-checkpoints.sqlite'));
  const log = await openKafkaSharedLog({
    brokers: options.brokers,
    logLevel: logLevel.NOTHING,
    topicPrefix: 'nrmbench',
    country: `b${randomBytes(5).toString('hex')}`,
  });
  const producer = createRelayProducer(log.kafka);
  let relay: SharedLogRelay | undefined;
  try {
    for (let i = 0; i < options.events; i += 100) {
      const events = Array.from({ length: Math.min(100, options.events - i) }, (_, k) => benchEvent(i + k));
      await store.append(`case-bench-${(i / 100) % BENCH_STREAMS}`, events, 'any');
    }
    // A fresh log: positions 1..events, so a range of positions is a range of events.
    if ((await store.headPosition()) !== options.events) throw new Error('bench log has holes');
    await producer.connect();

    /** Seconds for a relay from checkpoint `from` until position `to` is acknowledged. */
    const relayRange = async (name: string, from: number, to: number): Promise<number> => {
      await checkpoints.save(name, from);
      relay = new SharedLogRelay({ store, publisher: log.publisher, checkpoints, name, batchSize });
      const start = process.hrtime.bigint();
      await relay.start();
      await relay.waitForAcknowledged(to, 600_000);
      const elapsed = seconds(start);
      await relay.stop();
      relay = undefined;
      return elapsed;
    };
    const rawRange = (from: number, to: number) => rawRound(store, log, producer, batchSize, from, to);

    const warmUp = Math.min(options.events, WARM_UP_BATCHES * batchSize);
    await relayRange('warm-up', 0, warmUp);
    await rawRange(0, warmUp);
    let relaySeconds = 0;
    let rawSeconds = 0;
    let round = 0;
    for (let pass = 0; pass < PASSES; pass++) {
      for (let from = 0; from < options.events; from += ROUND_BATCHES * batchSize, round++) {
        const to = Math.min(options.events, from + ROUND_BATCHES * batchSize);
        if (round % 2 === 0) {
          relaySeconds += await relayRange(`round-${round}`, from, to);
          rawSeconds += await rawRange(from, to);
        } else {
          rawSeconds += await rawRange(from, to);
          relaySeconds += await relayRange(`round-${round}`, from, to);
        }
      }
    }

    relay = new SharedLogRelay({ store, publisher: log.publisher, checkpoints, name: 'live', batchSize });
    await relay.start();
    const latency = await measureAppendToConsumer(store, log.consumer, options.latencySamples ?? 200);
    return {
      relayRate: (PASSES * options.events) / relaySeconds,
      rawProducerRate: (PASSES * options.events) / rawSeconds,
      latencyP50Ms: latency.p50Ms,
      latencyP99Ms: latency.p99Ms,
      commitToConsumerP50Ms: latency.afterCommitP50Ms,
      commitToConsumerP99Ms: latency.afterCommitP99Ms,
    };
  } finally {
    await relay?.stop();
    await producer.disconnect();
    await log.close();
    const admin: Admin = log.kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: log.topics.topicsOf() }).catch(() => undefined);
    await admin.disconnect();
    await checkpoints.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The raw baseline: the stored events after position `from` up to `to` as the same messages, in
 * batches of the same size, through a producer with the relay's settings; no store read and no
 * checkpoint in the timing. Returns the seconds taken.
 */
async function rawRound(
  store: SqliteEventStore,
  log: KafkaSharedLog,
  producer: Producer,
  batchSize: number,
  from: number,
  to: number,
): Promise<number> {
  const stored = await store.readAll({ fromPosition: from, limit: to - from });
  const start = process.hrtime.bigint();
  for (let i = 0; i < stored.length; i += batchSize) {
    const byTopic = new Map<string, ReturnType<typeof encodeCloudEvent>[]>();
    for (const event of stored.slice(i, i + batchSize)) {
      const topic = log.topics.topicForEvent(event);
      const messages = byTopic.get(topic);
      if (messages) messages.push(encodeCloudEvent(event));
      else byTopic.set(topic, [encodeCloudEvent(event)]);
    }
    await producer.sendBatch({
      acks: ACKS_ALL,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
  }
  return seconds(start);
}
