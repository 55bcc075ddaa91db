import type { NewEvent } from '@nrm/event-store/port';
import { randomBytes, randomUUID } from 'node:crypto';

/** Streams the bench's events are spread over (the stream is the Kafka key, hence the partition). */
export const BENCH_STREAMS = 50;

/** An event shaped like the product's: three contexts' types, an encrypted personal part. */
export function benchEvent(i: number): NewEvent {
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
      subjectId: `victim:${i % BENCH_STREAMS}`,
      keyVersion: 1,
      iv: randomBytes(12).toString('base64'),
      ciphertext: randomBytes(90).toString('base64'),
      tag: randomBytes(16).toString('base64'),
    },
  };
}
