import { SqliteEventStore } from '@nrm/event-store';
import type { StoredEvent } from '@nrm/event-store/port';
import { sampleEvents, waitUntil } from '@nrm/event-store/testing';
import { InMemoryCheckpointStore } from '../checkpoint/in-memory-checkpoint-store';
import type { SharedLogPublisher } from '../port/shared-log.port';
import { SharedLogRelay } from './shared-log-relay';

const HOUR = 3_600_000;

/** Holds every batch until the test acknowledges it; writes what happens, in order, to `trace`. */
class ManualPublisher implements SharedLogPublisher {
  readonly pending: { events: StoredEvent[]; resolve: () => void }[] = [];
  readonly published: number[][] = [];
  maxInFlight = 0;

  constructor(private readonly trace: string[]) {}

  publish(events: StoredEvent[]): Promise<void> {
    this.published.push(events.map((e) => e.position));
    this.trace.push(`publish ${events[0].position}-${events[events.length - 1].position}`);
    return new Promise((resolve) => {
      this.pending.push({ events, resolve });
      this.maxInFlight = Math.max(this.maxInFlight, this.pending.length);
    });
  }

  /** Acknowledges the oldest batch once the relay sent one. */
  async acknowledgeNext(): Promise<void> {
    await waitUntil(() => this.pending.length > 0, 'a batch in flight');
    const { events, resolve } = this.pending.shift()!;
    this.trace.push(`ack ${events[events.length - 1].position}`);
    resolve();
  }

  async close(): Promise<void> {}
}

class TracedCheckpoints extends InMemoryCheckpointStore {
  failOnSave?: number;
  private saves = 0;

  constructor(private readonly trace: string[]) {
    super();
  }

  override async save(name: string, position: number): Promise<void> {
    if (++this.saves === this.failOnSave) throw new Error('disk full');
    this.trace.push(`save ${position}`);
    return super.save(name, position);
  }
}

describe('shared log relay: pipelining and wake-up', () => {
  let store: SqliteEventStore;
  let relay: SharedLogRelay | undefined;
  let trace: string[];

  beforeEach(() => {
    // The store's own subscriptions poll hourly too: only the in-process notify can wake anything.
    store = SqliteEventStore.open({ file: ':memory:', pollIntervalMs: HOUR });
    trace = [];
  });
  afterEach(async () => {
    await relay?.stop();
    relay = undefined;
    await store.close();
  });

  it('keeps one batch in flight, sends pages in order and saves each checkpoint only after its acknowledgement', async () => {
    await store.append('case-1', sampleEvents(130), 'no_stream');
    const publisher = new ManualPublisher(trace);
    const checkpoints = new TracedCheckpoints(trace);
    relay = new SharedLogRelay({
      store,
      publisher,
      checkpoints,
      batchSize: 50,
      pollIntervalMs: HOUR,
      checkpointIntervalMs: 0,
    });
    await relay.start();
    for (let i = 0; i < 3; i++) await publisher.acknowledgeNext();
    await relay.waitForCheckpoint(130);

    expect(publisher.maxInFlight).toBe(1);
    expect(publisher.published.flat()).toEqual(Array.from({ length: 130 }, (_, i) => i + 1));
    const saves = trace.filter((t) => t.startsWith('save')).map((t) => Number(t.split(' ')[1]));
    expect(saves).toEqual([50, 100, 130]);
    for (const position of saves)
      expect(trace.indexOf(`ack ${position}`)).toBeLessThan(trace.indexOf(`save ${position}`));
    // Each page went out only after the previous one was acknowledged.
    expect(trace.indexOf('ack 50')).toBeLessThan(trace.indexOf('publish 51-100'));
    expect(trace.indexOf('ack 100')).toBeLessThan(trace.indexOf('publish 101-130'));
    expect(await checkpoints.load('shared-log-relay')).toBe(130);
  });

  it('on stop, finishes the batch in flight and saves its checkpoint', async () => {
    await store.append('case-1', sampleEvents(200), 'no_stream');
    const publisher = new ManualPublisher(trace);
    const checkpoints = new TracedCheckpoints(trace);
    relay = new SharedLogRelay({ store, publisher, checkpoints, batchSize: 50, pollIntervalMs: HOUR });
    await relay.start();
    await publisher.acknowledgeNext();
    await publisher.acknowledgeNext();
    await waitUntil(() => publisher.pending.length === 1, 'the third batch in flight');
    const stopped = relay.stop();
    await publisher.acknowledgeNext();
    await stopped;

    expect(publisher.published).toHaveLength(3);
    expect(relay.status().checkpoint).toBe(150);
    expect(await checkpoints.load('shared-log-relay')).toBe(150);
  });

  it('after a failed checkpoint save, sends again from the saved checkpoint: nothing lost, nothing reordered', async () => {
    await store.append('case-1', sampleEvents(200), 'no_stream');
    const publisher = new ManualPublisher(trace);
    const checkpoints = new TracedCheckpoints(trace);
    checkpoints.failOnSave = 2;
    const storeErrors: Error[] = [];
    relay = new SharedLogRelay({
      store,
      publisher,
      checkpoints,
      batchSize: 50,
      pollIntervalMs: HOUR,
      checkpointIntervalMs: 0,
      backoff: { initialMs: 1, maxMs: 5 },
      onStoreError: (e) => storeErrors.push(e),
    });
    await relay.start();
    const deadline = Date.now() + 10_000;
    while (relay.status().checkpoint < 200) {
      if (Date.now() > deadline) throw new Error('the relay never reached position 200');
      if (publisher.pending.length) await publisher.acknowledgeNext();
      else await new Promise((resolve) => setTimeout(resolve, 1));
    }

    expect(storeErrors.map((e) => e.message)).toEqual(['disk full']);
    const sent = publisher.published.flat();
    expect(sent.length).toBeGreaterThan(200); // acknowledged but unsaved batches went out again
    expect([...new Set(sent)]).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    // Every batch follows on from the previous one or goes back to just after the saved checkpoint 50.
    for (let i = 1; i < publisher.published.length; i++) {
      const first = publisher.published[i][0];
      const previousLast = publisher.published[i - 1].at(-1)!;
      expect([previousLast + 1, 51]).toContain(first);
    }
    expect(await checkpoints.load('shared-log-relay')).toBe(200);
  });

  it('saves no more often than the checkpoint interval, and what was acknowledged when it stops', async () => {
    await store.append('case-1', sampleEvents(200), 'no_stream');
    const publisher = new ManualPublisher(trace);
    const checkpoints = new TracedCheckpoints(trace);
    relay = new SharedLogRelay({
      store,
      publisher,
      checkpoints,
      batchSize: 50,
      pollIntervalMs: HOUR,
      checkpointIntervalMs: HOUR,
    });
    await relay.start();
    for (let i = 0; i < 4; i++) await publisher.acknowledgeNext();
    await relay.waitForAcknowledged(200);

    expect(relay.status()).toMatchObject({ acknowledged: 200, checkpoint: 0 });
    expect(trace.filter((t) => t.startsWith('save'))).toEqual([]);
    await relay.stop();
    expect(trace.filter((t) => t.startsWith('save'))).toEqual(['save 200']);
    expect(await checkpoints.load('shared-log-relay')).toBe(200);
  });

  it('is woken by an append in this process even with an hour between polls', async () => {
    const sent: number[] = [];
    const publisher: SharedLogPublisher = {
      publish: async (events) => void sent.push(...events.map((e) => e.position)),
      close: async () => {},
    };
    let reads = 0;
    const readAll = store.readAll.bind(store);
    store.readAll = (options) => {
      reads++;
      return readAll(options);
    };
    relay = new SharedLogRelay({
      store,
      publisher,
      checkpoints: new InMemoryCheckpointStore(),
      pollIntervalMs: HOUR,
    });
    await relay.start();
    await waitUntil(() => reads > 0, 'the relay found the log empty');

    await store.append('case-1', sampleEvents(1), 'no_stream');
    await relay.waitForCheckpoint(1, 10_000);
    await store.append('case-1', sampleEvents(2), 0);
    await relay.waitForCheckpoint(3, 10_000);

    expect(sent).toEqual([1, 2, 3]);
  });
});
