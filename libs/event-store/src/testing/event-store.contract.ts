import { randomUUID } from 'node:crypto';
import {
  EventStore,
  ExpectedRevision,
  NewEvent,
  StoredEvent,
  SubscribeOptions,
  Subscription,
  WrongExpectedRevisionError,
} from '../port';
import { sampleEvent, sampleEvents, waitUntil } from './sample-events';

export interface EventStoreUnderTest {
  store: EventStore;
  dispose(): Promise<void>;
}

/**
 * What every adapter of the EventStore port must do. Written for a shared backend: every test uses its
 * own streams and type prefixes, and positions are only compared (never assumed to start at 1 or to
 * be contiguous), so EventStoreDB can run it against a server that already holds other data.
 */
export function describeEventStoreContract(
  adapterName: string,
  factory: () => Promise<EventStoreUnderTest>,
): void {
  describe(`EventStore contract: ${adapterName}`, () => {
    let store: EventStore;
    let dispose: () => Promise<void>;
    const subscriptions: Subscription[] = [];

    beforeEach(async () => {
      ({ store, dispose } = await factory());
    });

    afterEach(async () => {
      await Promise.all(subscriptions.splice(0).map((s) => s.stop()));
      await dispose();
    });

    const newStream = () => `contract-${randomUUID()}`;

    async function refusal(streamId: string, events: NewEvent[], expected: ExpectedRevision) {
      const error = await store.append(streamId, events, expected).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      return error as WrongExpectedRevisionError;
    }

    /** Collects the events of the given streams that a subscription delivers. */
    function follow(streams: string[], options: SubscribeOptions = {}, handle?: (e: StoredEvent) => unknown) {
      const delivered: StoredEvent[] = [];
      const all: StoredEvent[] = [];
      let caughtUp = false;
      const errors: Error[] = [];
      const subscription = store.subscribeToAll(
        async (event) => {
          all.push(event);
          if (streams.includes(event.streamId)) delivered.push(event);
          await handle?.(event);
        },
        {
          ...options,
          onCaughtUp: () => {
            caughtUp = true;
            options.onCaughtUp?.();
          },
          onError: (error) => {
            errors.push(error);
            options.onError?.(error);
          },
        },
      );
      subscriptions.push(subscription);
      return { subscription, delivered, all, errors, isCaughtUp: () => caughtUp };
    }

    describe('append and expected revision', () => {
      it('numbers a new stream from revision 0 and reports the last revision and position', async () => {
        const streamId = newStream();
        const result = await store.append(streamId, sampleEvents(3), 'no_stream');
        const events = await store.readStream(streamId);
        expect(events.map((e) => e.revision)).toEqual([0, 1, 2]);
        expect(result.nextRevision).toBe(2);
        expect(result.position).toBe(events[2].position);
        expect(await store.headPosition()).toBeGreaterThanOrEqual(result.position);
      });

      it('stores an event exactly as appended, personal ciphertext included', async () => {
        const streamId = newStream();
        const event = sampleEvent({
          causationId: randomUUID(),
          data: { nested: { list: [1, 'two', null, { three: true }] }, text: 'é ✓ "quoted"', zero: 0 },
          personal: {
            subjectId: 'subject-1',
            keyVersion: 2,
            iv: 'aXY=',
            ciphertext: 'Y2lwaGVy',
            tag: 'dGFn',
          },
        });
        const plain = sampleEvent();
        await store.append(streamId, [event, plain], 'no_stream');
        const [stored, storedPlain] = await store.readStream(streamId);
        expect(stored).toStrictEqual({
          ...event,
          streamId,
          revision: 0,
          position: expect.any(Number),
          recordedAt: expect.any(String),
        });
        expect(storedPlain).toStrictEqual({
          ...plain,
          streamId,
          revision: 1,
          position: expect.any(Number),
          recordedAt: expect.any(String),
        });
        expect(Number.isNaN(Date.parse(stored.recordedAt))).toBe(false);
      });

      it("'no_stream' is allowed on a new stream and refused on an existing one", async () => {
        const streamId = newStream();
        await store.append(streamId, [sampleEvent()], 'no_stream');
        await store.append(streamId, [sampleEvent()], 0);
        const error = await refusal(streamId, [sampleEvent()], 'no_stream');
        expect(error.actual).toBe(1);
        expect(error.streamId).toBe(streamId);
        expect(error.expected).toBe('no_stream');
      });

      it("'stream_exists' is refused on a new stream (actual -1) and allowed on an existing one", async () => {
        const streamId = newStream();
        const error = await refusal(streamId, [sampleEvent()], 'stream_exists');
        expect(error.actual).toBe(-1);
        expect(await store.readStream(streamId)).toEqual([]);
        await store.append(streamId, [sampleEvent()], 'any');
        const result = await store.append(streamId, [sampleEvent()], 'stream_exists');
        expect(result.nextRevision).toBe(1);
      });

      it('an exact revision is allowed when it is the last one and refused otherwise', async () => {
        const streamId = newStream();
        expect((await refusal(streamId, [sampleEvent()], 0)).actual).toBe(-1);
        await store.append(streamId, sampleEvents(2), 'no_stream');
        const stale = await refusal(streamId, [sampleEvent()], 0);
        expect(stale.actual).toBe(1);
        expect(stale.expected).toBe(0);
        expect((await refusal(streamId, [sampleEvent()], 5)).actual).toBe(1);
        const result = await store.append(streamId, [sampleEvent()], 1);
        expect(result.nextRevision).toBe(2);
      });

      it("'any' appends to new and existing streams", async () => {
        const streamId = newStream();
        expect((await store.append(streamId, [sampleEvent()], 'any')).nextRevision).toBe(0);
        expect((await store.append(streamId, sampleEvents(2), 'any')).nextRevision).toBe(2);
      });

      it('appending no events changes nothing and reports the current revision', async () => {
        const streamId = newStream();
        expect((await store.append(streamId, [], 'any')).nextRevision).toBe(-1);
        expect(await store.readStream(streamId)).toEqual([]);
        await store.append(streamId, sampleEvents(2), 'no_stream');
        expect((await store.append(streamId, [], 'any')).nextRevision).toBe(1);
        expect(await store.readStream(streamId)).toHaveLength(2);
      });

      it('a refused multi-event append writes none of its events', async () => {
        const streamId = newStream();
        await store.append(streamId, [sampleEvent()], 'no_stream');
        const refused = sampleEvents(3);
        await refusal(streamId, refused, 'no_stream');
        const events = await store.readStream(streamId);
        expect(events).toHaveLength(1);
        const ids = new Set(refused.map((e) => e.id));
        const recent = await readAllFrom(events[0].position);
        expect(recent.filter((e) => ids.has(e.id))).toEqual([]);
      });

      it('a multi-event append gets consecutive revisions and increasing positions', async () => {
        const streamId = newStream();
        await store.append(streamId, [sampleEvent()], 'no_stream');
        await store.append(streamId, sampleEvents(4), 0);
        const events = await store.readStream(streamId);
        expect(events.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
        expectStrictlyIncreasing(events.map((e) => e.position));
      });

      it('a duplicate event id within one append refuses the whole append', async () => {
        const streamId = newStream();
        const event = sampleEvent();
        await expect(store.append(streamId, [sampleEvent(), event, { ...event }], 'any')).rejects.toThrow();
        expect(await store.readStream(streamId)).toEqual([]);
      });

      it('an event id already in the stream refuses the whole append', async () => {
        const streamId = newStream();
        const event = sampleEvent();
        await store.append(streamId, [event], 'no_stream');
        const fresh = sampleEvent();
        await expect(
          store.append(streamId, [fresh, { ...event, data: { again: true } }], 0),
        ).rejects.toThrow();
        const events = await store.readStream(streamId);
        expect(events.map((e) => e.id)).toEqual([event.id]);
      });

      it('of concurrent appends with the same expected revision exactly one wins', async () => {
        const streamId = newStream();
        await store.append(streamId, [sampleEvent()], 'no_stream');
        const outcomes = await Promise.allSettled(
          Array.from({ length: 8 }, () => store.append(streamId, sampleEvents(2), 0)),
        );
        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(won).toHaveLength(1);
        for (const loss of lost) {
          expect(loss.reason).toBeInstanceOf(WrongExpectedRevisionError);
          expect((loss.reason as WrongExpectedRevisionError).actual).toBe(2);
        }
        expect((await store.readStream(streamId)).map((e) => e.revision)).toEqual([0, 1, 2]);
      });

      it("of concurrent 'no_stream' appends exactly one creates the stream", async () => {
        const streamId = newStream();
        const outcomes = await Promise.allSettled(
          Array.from({ length: 6 }, () => store.append(streamId, [sampleEvent()], 'no_stream')),
        );
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        expect(await store.readStream(streamId)).toHaveLength(1);
      });
    });

    describe('reading', () => {
      it('reads a stream from a revision, and a missing stream as empty', async () => {
        const streamId = newStream();
        await store.append(streamId, sampleEvents(5), 'no_stream');
        const tail = await store.readStream(streamId, { fromRevision: 3 });
        expect(tail.map((e) => e.revision)).toEqual([3, 4]);
        expect(tail.map((e) => e.data)).toEqual([{ n: 3 }, { n: 4 }]);
        expect(await store.readStream(streamId, { fromRevision: 9 })).toEqual([]);
        expect(await store.readStream(newStream())).toEqual([]);
      });

      it('assigns strictly increasing positions across streams, in append order', async () => {
        const [a, b] = [newStream(), newStream()];
        const positions: number[] = [];
        positions.push((await store.append(a, [sampleEvent()], 'any')).position);
        positions.push((await store.append(b, [sampleEvent()], 'any')).position);
        positions.push((await store.append(a, [sampleEvent()], 'any')).position);
        positions.push((await store.append(b, sampleEvents(2), 'any')).position);
        expectStrictlyIncreasing(positions);
        const mine = (await readAllFrom(positions[0] - 1)).filter(
          (e) => e.streamId === a || e.streamId === b,
        );
        expect(mine.map((e) => [e.streamId, e.revision])).toEqual([
          [a, 0],
          [b, 0],
          [a, 1],
          [b, 1],
          [b, 2],
        ]);
      });

      it('pages through the log with an exclusive fromPosition and a limit', async () => {
        const streamId = newStream();
        const before = await store.headPosition();
        await store.append(streamId, sampleEvents(5), 'no_stream');
        const seen: StoredEvent[] = [];
        let from = before;
        for (;;) {
          const page = await store.readAll({ fromPosition: from, limit: 2 });
          expect(page.length).toBeLessThanOrEqual(2);
          if (page.length === 0) break;
          for (const event of page) expect(event.position).toBeGreaterThan(from);
          expectStrictlyIncreasing(page.map((e) => e.position));
          seen.push(...page);
          from = page[page.length - 1].position;
        }
        expectStrictlyIncreasing(seen.map((e) => e.position));
        const mine = seen.filter((e) => e.streamId === streamId);
        expect(mine.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);

        const third = mine[2].position;
        const after = await store.readAll({ fromPosition: third, limit: 1 });
        expect(after).toHaveLength(1);
        expect(after[0].position).toBeGreaterThan(third);
        expect(after[0].id).not.toBe(mine[2].id);
      });

      it('reads the whole log from the beginning when no position is given', async () => {
        const streamId = newStream();
        await store.append(streamId, [sampleEvent()], 'no_stream');
        const first = await store.readAll({ limit: 1 });
        expect(first).toHaveLength(1);
        const [mine] = await store.readStream(streamId);
        expect(first[0].position).toBeLessThanOrEqual(mine.position);
      });
    });

    describe('subscribeToAll', () => {
      it('catches up from the checkpoint, reports it, then delivers live appends in order', async () => {
        const streamId = newStream();
        const before = await store.headPosition();
        await store.append(streamId, sampleEvents(3), 'no_stream');
        let deliveredAtCaughtUp = -1;
        const run = follow([streamId], {
          fromPosition: before,
          onCaughtUp: () => (deliveredAtCaughtUp = run.delivered.length),
        });
        await waitUntil(run.isCaughtUp, 'caught up');
        expect(deliveredAtCaughtUp).toBe(3);
        await store.append(streamId, sampleEvents(2), 2);
        await store.append(streamId, [sampleEvent()], 4);
        await waitUntil(() => run.delivered.length >= 6, 'six events delivered');
        expect(run.delivered.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5]);
        expectStrictlyIncreasing(run.all.map((e) => e.position));
        expect(run.errors).toEqual([]);
      });

      it('starts after the checkpoint: nothing before it, nothing missed, nothing twice', async () => {
        const streamId = newStream();
        await store.append(streamId, sampleEvents(4), 'no_stream');
        const existing = await store.readStream(streamId);
        const checkpoint = existing[1].position;
        const run = follow([streamId], { fromPosition: checkpoint });
        await waitUntil(() => run.delivered.length >= 2, 'catch-up delivered');
        await store.append(streamId, sampleEvents(3), 3);
        await waitUntil(() => run.delivered.length >= 5, 'live events delivered');
        await run.subscription.stop();
        expect(run.delivered.map((e) => e.revision)).toEqual([2, 3, 4, 5, 6]);
        for (const event of run.all) expect(event.position).toBeGreaterThan(checkpoint);
        expect(new Set(run.all.map((e) => e.id)).size).toBe(run.all.length);
      });

      it('calls the handler one event at a time, even when it is slow', async () => {
        const streamId = newStream();
        const before = await store.headPosition();
        let running = 0;
        let maxRunning = 0;
        const run = follow([streamId], { fromPosition: before }, async () => {
          running++;
          maxRunning = Math.max(maxRunning, running);
          await new Promise((resolve) => setTimeout(resolve, 2));
          running--;
        });
        await store.append(streamId, sampleEvents(5), 'no_stream');
        await Promise.all([
          store.append(newStream(), sampleEvents(3), 'any'),
          store.append(streamId, sampleEvents(5), 4),
        ]);
        await waitUntil(() => run.delivered.length >= 10, 'ten events delivered');
        expect(maxRunning).toBe(1);
        expect(run.delivered.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      });

      it('delivers only the types that start with one of the prefixes', async () => {
        const streamId = newStream();
        const tag = `T${randomUUID().replace(/-/g, '')}`;
        const types = [
          `${tag}.Kept`,
          `${tag}Other.Dropped`,
          `X${tag}.Dropped`,
          `${tag}.AlsoKept`,
          'Other.Event',
        ];
        const before = await store.headPosition();
        await store.append(
          streamId,
          types.map((type) => sampleEvent({ type })),
          'no_stream',
        );
        const run = follow([streamId], { fromPosition: before, typePrefixes: [`${tag}.`, `Z${tag}`] });
        await waitUntil(run.isCaughtUp, 'caught up');
        await store.append(
          streamId,
          [sampleEvent({ type: `${tag}.Live` }), sampleEvent({ type: 'Other.Live' })],
          4,
        );
        await waitUntil(() => run.delivered.length >= 3, 'live kept event delivered');
        expect(run.delivered.map((e) => e.type)).toEqual([`${tag}.Kept`, `${tag}.AlsoKept`, `${tag}.Live`]);
        for (const event of run.all) expect(event.type.startsWith(`${tag}.`)).toBe(true);
      });

      it('stop() resolves after the in-flight handler finished, and nothing is delivered afterwards', async () => {
        const streamId = newStream();
        const before = await store.headPosition();
        let release!: () => void;
        const gate = new Promise<void>((resolve) => (release = resolve));
        let finished = 0;
        const run = follow([streamId], { fromPosition: before }, async (event) => {
          if (event.streamId !== streamId) return;
          await gate;
          finished++;
        });
        await store.append(streamId, sampleEvents(3), 'no_stream');
        await waitUntil(() => run.delivered.length === 1, 'first handler call started');
        let stopped = false;
        const stopping = run.subscription.stop().then(() => (stopped = true));
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(stopped).toBe(false);
        release();
        await stopping;
        expect(finished).toBe(1);

        await store.append(streamId, sampleEvents(2), 2);
        // A second subscription seeing the new events shows they were visible to the stopped one.
        const witness = follow([streamId], { fromPosition: before });
        await waitUntil(() => witness.delivered.length === 5, 'witness saw every event');
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(run.delivered).toHaveLength(1);
      });

      it.each([
        ['throws', 'sync'],
        ['rejects', 'async'],
      ])('a handler that %s stops the subscription and reports the error', async (_label, mode) => {
        const streamId = newStream();
        const before = await store.headPosition();
        const failure = new Error('handler failed');
        let calls = 0;
        const errors: Error[] = [];
        const subscription = store.subscribeToAll(
          (event) => {
            if (event.streamId !== streamId) return;
            calls++;
            if (calls === 2) {
              if (mode === 'sync') throw failure;
              return Promise.reject(failure);
            }
          },
          { fromPosition: before, onError: (error) => errors.push(error) },
        );
        subscriptions.push(subscription);
        await store.append(streamId, sampleEvents(4), 'no_stream');
        await waitUntil(() => errors.length > 0, 'onError called');
        expect(errors).toEqual([failure]);
        await store.append(streamId, sampleEvents(2), 3);
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(calls).toBe(2);
        await subscription.stop();
      });
    });

    async function readAllFrom(fromPosition: number): Promise<StoredEvent[]> {
      const events: StoredEvent[] = [];
      let from = fromPosition;
      for (;;) {
        const page = await store.readAll({ fromPosition: from, limit: 500 });
        if (page.length === 0) return events;
        events.push(...page);
        from = page[page.length - 1].position;
      }
    }
  });
}

function expectStrictlyIncreasing(values: number[]): void {
  for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThan(values[i - 1]);
}
