import type { EventStore } from '@nrm/event-store/port';
import { randomUUID } from 'node:crypto';
import type { SharedLogConsumer } from '../port/shared-log.port';
import { benchEvent, BENCH_STREAMS } from './bench-event';

export interface LatencyFigures {
  p50Ms: number;
  p99Ms: number;
  /** From the append's commit (its promise resolved) to the consumer: the relay's and Kafka's part. */
  afterCommitP50Ms: number;
  afterCommitP99Ms: number;
}

interface RoundTrip {
  totalMs: number;
  afterCommitMs: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Append → handled by a Kafka consumer, one event at a time (the next once the last arrived), with a
 * relay already running on `store`.
 */
export async function measureAppendToConsumer(
  store: EventStore,
  consumer: SharedLogConsumer,
  samples: number,
): Promise<LatencyFigures> {
  const waiting = new Map<string, (at: bigint) => void>();
  const subscription = await consumer.subscribe(
    (event) => {
      waiting.get(event.id)?.(process.hrtime.bigint());
      waiting.delete(event.id);
    },
    { groupId: `bench-${randomUUID()}`, fromBeginning: false },
  );
  /** Appends one event; resolves with the ms until the consumer had it, or undefined after `timeoutMs`. */
  const roundTrip = async (i: number, timeoutMs: number): Promise<RoundTrip | undefined> => {
    const event = benchEvent(i);
    let timer: NodeJS.Timeout | undefined;
    const arrival = new Promise<bigint | undefined>((resolve) => {
      waiting.set(event.id, resolve);
      timer = setTimeout(() => resolve(undefined), timeoutMs);
    });
    const sent = process.hrtime.bigint();
    await store.append(`case-latency-${i % BENCH_STREAMS}`, [event], 'any');
    const committed = process.hrtime.bigint();
    const at = await arrival;
    clearTimeout(timer);
    waiting.delete(event.id);
    if (at === undefined) return undefined;
    return { totalMs: Number(at - sent) / 1e6, afterCommitMs: Math.max(0, Number(at - committed) / 1e6) };
  };
  const latencies: RoundTrip[] = [];
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
  const total = latencies.map((l) => l.totalMs).sort((a, b) => a - b);
  const afterCommit = latencies.map((l) => l.afterCommitMs).sort((a, b) => a - b);
  return {
    p50Ms: percentile(total, 50),
    p99Ms: percentile(total, 99),
    afterCommitP50Ms: percentile(afterCommit, 50),
    afterCommitP99Ms: percentile(afterCommit, 99),
  };
}
