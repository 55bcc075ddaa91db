import type { EventStore, NewEvent, StoredEvent } from '@nrm/event-store/port';
import { sampleEvent, waitUntil } from '@nrm/event-store/testing';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { idempotentHandler } from '../idempotent/idempotent-handler';
import { InMemorySeenEventIds } from '../idempotent/in-memory-seen-event-ids';
import { SqliteSeenEventIds } from '../idempotent/sqlite-seen-event-ids';
import { channelOf, SharedLogChannel } from '../port/channel';
import type {
  SharedLogConsumer,
  SharedLogPublisher,
  SharedLogSubscribeOptions,
  SharedLogSubscription,
} from '../port/shared-log.port';

export interface SharedLogUnderTest {
  /** Where the test appends; what it publishes are the events read back from it. */
  store: EventStore;
  publisher: SharedLogPublisher;
  consumer: SharedLogConsumer;
  dispose(): Promise<void>;
}

export interface SharedLogContractOptions {
  /** Bound of every wait for deliveries. Default 60 s (a consumer joining its group takes seconds). */
  waitMs?: number;
}

/** Streams that each keep to one channel, and one case stream that spans two contexts. */
const STREAM_TYPES: { prefix: string; types: string[] }[] = [
  { prefix: 'case-id', types: ['ConsentGiven', 'AgeAssessed'] },
  { prefix: 'case-as', types: ['NeedsAssessed', 'ServiceReferred'] },
  { prefix: 'case-mix', types: ['ConsentGiven', 'ServiceReferred', 'HearingScheduled'] },
  { prefix: 'access', types: ['PersonalDataAccessed'] },
];

/**
 * What every SharedLog adapter must do, seen from a consumer that wraps its handler with
 * `idempotentHandler`: every published event handled exactly once per event id, each stream's events
 * in revision order within a channel, and a restarted consumer resuming from its committed offsets
 * without losing anything. Publishing a batch twice (a relay that crashed after the ack) is allowed.
 */
export function describeSharedLogContract(
  adapterName: string,
  factory: () => Promise<SharedLogUnderTest>,
  contractOptions: SharedLogContractOptions = {},
): void {
  const waitMs = contractOptions.waitMs ?? 60_000;

  describe(`SharedLog contract: ${adapterName}`, () => {
    let log: SharedLogUnderTest;
    let dir: string;
    const subscriptions: SharedLogSubscription[] = [];
    let streams: { id: string; types: string[] }[];
    let lastPosition = 0;

    beforeEach(async () => {
      log = await factory();
      dir = mkdtempSync(join(tmpdir(), 'shared-log-contract-'));
      const run = randomUUID().slice(0, 8);
      streams = STREAM_TYPES.flatMap(({ prefix, types }) =>
        [1, 2].map((n) => ({ id: `${prefix}-${run}-${n}`, types })),
      );
      lastPosition = 0;
    });

    afterEach(async () => {
      await Promise.all(subscriptions.splice(0).map((s) => s.stop()));
      await log.dispose();
      rmSync(dir, { recursive: true, force: true });
    });

    /** Appends `count` events round-robin over the streams, 1–3 per append, and returns them as stored. */
    async function append(count: number): Promise<StoredEvent[]> {
      for (let i = 0, s = 0; i < count; s++) {
        const stream = streams[s % streams.length];
        const n = Math.min(count - i, 1 + (s % 3));
        const events: NewEvent[] = Array.from({ length: n }, (_, k) =>
          sampleEvent({ type: stream.types[(i + k) % stream.types.length], data: { n: i + k } }),
        );
        await log.store.append(stream.id, events, 'any');
        i += n;
      }
      return readNew();
    }

    /** One more event per stream and channel: once all are handled, everything before them was delivered. */
    async function appendFences(): Promise<StoredEvent[]> {
      for (const stream of streams) {
        await log.store.append(
          stream.id,
          stream.types.map((type) => sampleEvent({ type, data: { fence: true } })),
          'any',
        );
      }
      return readNew();
    }

    async function readNew(): Promise<StoredEvent[]> {
      const mine = new Set(streams.map((s) => s.id));
      const found: StoredEvent[] = [];
      for (;;) {
        const page = await log.store.readAll({ fromPosition: lastPosition, limit: 500 });
        if (page.length === 0) return found.filter((e) => mine.has(e.streamId));
        found.push(...page);
        lastPosition = page[page.length - 1].position;
      }
    }

    async function publishInBatches(events: StoredEvent[], size: number): Promise<StoredEvent[][]> {
      const batches: StoredEvent[][] = [];
      for (let i = 0; i < events.length; i += size) batches.push(events.slice(i, i + size));
      for (const batch of batches) await log.publisher.publish(batch);
      return batches;
    }

    function consume(
      seen: InMemorySeenEventIds | SqliteSeenEventIds,
      options: Partial<SharedLogSubscribeOptions> & { groupId: string },
      handle: (event: StoredEvent) => void = () => {},
    ) {
      const mine = new Set(streams.map((s) => s.id));
      const raw: StoredEvent[] = [];
      const handled: StoredEvent[] = [];
      const errors: Error[] = [];
      const subscribing = log.consumer
        .subscribe(
          async (event) => {
            if (!mine.has(event.streamId)) return;
            raw.push(event);
            await idempotentHandler(async (e) => {
              handle(e);
              handled.push(e);
            }, seen)(event);
          },
          { onError: (e) => errors.push(e), ...options },
        )
        .then((subscription) => {
          subscriptions.push(subscription);
          return subscription;
        });
      return { raw, handled, errors, subscribing };
    }

    function expectExactlyOnceInStreamOrder(handled: StoredEvent[], expected: StoredEvent[]) {
      const ids = handled.map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual(expected.map((e) => e.id).sort());
      const lastRevision = new Map<string, number>();
      for (const event of handled) {
        const key = `${event.streamId}|${channelOf(event)}`;
        const previous = lastRevision.get(key) ?? -1;
        if (event.revision <= previous)
          throw new Error(`${key}: revision ${event.revision} handled after ${previous} (order broken)`);
        lastRevision.set(key, event.revision);
      }
    }

    /** `handled` is read at every check: pass the live array (or a function building one). */
    const waitForAll = (
      handled: StoredEvent[] | (() => StoredEvent[]),
      expected: StoredEvent[],
      what: string,
    ) => {
      const ids = new Set(expected.map((e) => e.id));
      const current = typeof handled === 'function' ? handled : () => handled;
      return waitUntil(
        () =>
          new Set(
            current()
              .filter((e) => ids.has(e.id))
              .map((e) => e.id),
          ).size >= ids.size,
        `${what}: ${ids.size} events handled`,
        waitMs,
      );
    };

    it(
      'a consumer handles every event exactly once per id, in stream order, though a batch was published twice',
      async () => {
        const events = await append(60);
        const batches = await publishInBatches(events.slice(0, 28), 7);
        await log.publisher.publish(batches[1]); // the relay crashed after the ack, before its checkpoint
        await publishInBatches(events.slice(28), 7);
        const fences = await appendFences();
        await log.publisher.publish(fences);

        const { raw, handled, errors, subscribing } = consume(new InMemorySeenEventIds(), {
          groupId: `contract-${randomUUID()}`,
        });
        await subscribing;
        await waitForAll(handled, [...events, ...fences], 'first consumer');

        expect(errors).toEqual([]);
        expectExactlyOnceInStreamOrder(handled, [...events, ...fences]);
        expect(raw.length).toBeGreaterThanOrEqual(handled.length);
        // The personal part and the envelope arrive as stored.
        const byId = new Map(events.map((e) => [e.id, e]));
        for (const event of handled.filter((e) => byId.has(e.id))) {
          expect(event).toMatchObject({ ...byId.get(event.id), position: expect.any(Number) });
        }
      },
      waitMs * 2,
    );

    it(
      'only the channels asked for are delivered',
      async () => {
        const events = await append(40);
        await log.publisher.publish(events);
        const fences = await appendFences();
        await log.publisher.publish(fences);
        const channels: SharedLogChannel[] = ['assistance', 'node'];
        const wanted = [...events, ...fences].filter((e) => channels.includes(channelOf(e)));

        const { handled, subscribing } = consume(new InMemorySeenEventIds(), {
          groupId: `contract-${randomUUID()}`,
          channels,
        });
        await subscribing;
        await waitForAll(handled, wanted, 'channel consumer');

        expectExactlyOnceInStreamOrder(handled, wanted);
      },
      waitMs * 2,
    );

    it(
      'a restarted consumer resumes from its committed offsets without losing an event',
      async () => {
        const seen = SqliteSeenEventIds.open({ file: join(dir, 'seen.sqlite'), scope: 'contract' });
        const groupId = `contract-${randomUUID()}`;
        try {
          const first = await append(30);
          await log.publisher.publish(first);
          const one = consume(seen, { groupId });
          const subscription = await one.subscribing;
          await waitForAll(one.handled, first, 'consumer before its restart');
          await subscription.stop();

          // Published while no consumer runs.
          const second = await append(30);
          await publishInBatches(second, 10);
          const fences = await appendFences();
          await log.publisher.publish(fences);

          const two = consume(seen, { groupId });
          await two.subscribing;
          await waitForAll(two.handled, [...second, ...fences], 'consumer after its restart');

          expect([...one.errors, ...two.errors]).toEqual([]);
          expectExactlyOnceInStreamOrder([...one.handled, ...two.handled], [...first, ...second, ...fences]);
          // It resumed: it did not start over from the beginning of the log.
          const firstIds = new Set(first.map((e) => e.id));
          expect(two.raw.filter((e) => firstIds.has(e.id)).length).toBeLessThan(first.length);
        } finally {
          await seen.close();
        }
      },
      waitMs * 3,
    );

    it(
      'an event whose handler failed is delivered again to the group’s next subscription',
      async () => {
        const events = await append(12);
        await log.publisher.publish(events);
        const poison = events[5];
        const groupId = `contract-${randomUUID()}`;
        const seen = new InMemorySeenEventIds();

        const one = consume(seen, { groupId }, (event) => {
          if (event.id === poison.id) throw new Error('handler failed');
        });
        const subscription = await one.subscribing;
        await waitUntil(() => one.errors.length > 0, 'the failing handler stops the subscription', waitMs);
        await subscription.stop();
        expect(one.errors[0].message).toBe('handler failed');
        expect(one.handled.map((e) => e.id)).not.toContain(poison.id);

        const fences = await appendFences();
        await log.publisher.publish(fences);
        const two = consume(seen, { groupId });
        await two.subscribing;
        await waitForAll(
          () => [...one.handled, ...two.handled],
          [...events, ...fences],
          'the next subscription',
        );
        expect(two.handled.map((e) => e.id)).toContain(poison.id);
        expectExactlyOnceInStreamOrder([...one.handled, ...two.handled], [...events, ...fences]);
      },
      waitMs * 3,
    );
  });
}
