import { SqliteEventStore } from '@nrm/event-store';
import type { StoredEvent } from '@nrm/event-store/port';
import { logLevel } from 'kafkajs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteCheckpointStore } from '../checkpoint/sqlite-checkpoint-store';
import { idempotentHandler } from '../idempotent/idempotent-handler';
import { InMemorySeenEventIds } from '../idempotent/in-memory-seen-event-ids';
import { KafkaSharedLog, openKafkaSharedLog } from '../kafka/kafka-shared-log';
import type { SharedLogSubscription } from '../port/shared-log.port';
import { SharedLogRelay, SharedLogRelayOptions } from '../relay/shared-log-relay';
import { deleteSharedLogTopics, uniqueTestTopics } from './kafka-test-topics';

/** A temp event store, fresh Kafka topics, a relay checkpoint file; `dispose` removes them all. */
export interface RelayFixture {
  dir: string;
  store: SqliteEventStore;
  log: KafkaSharedLog;
  checkpointFile: string;
  newRelay(options?: Partial<SharedLogRelayOptions>): {
    relay: SharedLogRelay;
    checkpoints: SqliteCheckpointStore;
  };
  /** A consumer with an idempotent handler: raw deliveries and handled events (each id once). */
  follow(groupId?: string): Promise<{
    raw: StoredEvent[];
    handled: StoredEvent[];
    errors: Error[];
    subscription: SharedLogSubscription;
  }>;
  dispose(): Promise<void>;
}

export async function openRelayFixture(brokers: string): Promise<RelayFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'shared-log-relay-'));
  const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
  const log = await openKafkaSharedLog({ brokers, logLevel: logLevel.NOTHING, ...uniqueTestTopics() });
  const checkpointFile = join(dir, 'relay-checkpoint.sqlite');
  const relays: { relay: SharedLogRelay; checkpoints: SqliteCheckpointStore }[] = [];
  const subscriptions: SharedLogSubscription[] = [];
  return {
    dir,
    store,
    log,
    checkpointFile,
    newRelay(options = {}) {
      const checkpoints = SqliteCheckpointStore.open(checkpointFile);
      const relay = new SharedLogRelay({
        store,
        publisher: log.publisher,
        checkpoints,
        batchSize: 50,
        ...options,
      });
      relays.push({ relay, checkpoints });
      return { relay, checkpoints };
    },
    async follow(groupId = `relay-test-${Date.now()}-${Math.random()}`) {
      const raw: StoredEvent[] = [];
      const handled: StoredEvent[] = [];
      const errors: Error[] = [];
      const handler = idempotentHandler((event) => {
        handled.push(event);
      }, new InMemorySeenEventIds());
      const subscription = await log.consumer.subscribe(
        async (event) => {
          raw.push(event);
          await handler(event);
        },
        { groupId, onError: (e) => errors.push(e) },
      );
      subscriptions.push(subscription);
      return { raw, handled, errors, subscription };
    },
    async dispose() {
      await Promise.all(subscriptions.map((s) => s.stop()));
      for (const { relay, checkpoints } of relays) {
        await relay.stop();
        await checkpoints.close();
      }
      await log.close();
      await deleteSharedLogTopics(log.kafka, log.topics);
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every event id handled once, all expected ones there, each stream's revisions increasing per topic. */
export function assertExactlyOnceInOrder(
  handled: StoredEvent[],
  expectedIds: string[],
  topicOf: (e: StoredEvent) => string,
): void {
  const ids = handled.map((e) => e.id);
  if (new Set(ids).size !== ids.length) throw new Error('an event id was handled twice');
  const missing = expectedIds.filter((id) => !ids.includes(id));
  if (missing.length) throw new Error(`${missing.length} events never handled, e.g. ${missing[0]}`);
  const last = new Map<string, number>();
  for (const event of handled) {
    const key = `${topicOf(event)}|${event.streamId}`;
    if (event.revision <= (last.get(key) ?? -1))
      throw new Error(`${key}: revision ${event.revision} out of order`);
    last.set(key, event.revision);
  }
}
