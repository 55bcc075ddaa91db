import { randomUUID } from 'node:crypto';
import { describeIfServer } from '@nrm/common/testing';
import { eventLeafHash } from '../integrity/canonical-event';
import { Ed25519Signer, signCheckpoint } from '../integrity/checkpoint';
import { integrityReaderFor } from '../integrity/integrity-reader';
import { verifyLog } from '../integrity/log-verifier';
import { merkleRoot } from '../integrity/merkle';
import { DuplicateEventIdError, StoredEvent } from '../port';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { sampleEvent, sampleEvents, waitUntil } from '../testing/sample-events';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

describeIfServer('EVENTSTORE_URL', 'EventStoreDB adapter', (url) => {
  describeEventStoreContract('eventstoredb', async () => {
    const store = await EventStoreDbEventStore.connect(url);
    return { store, dispose: () => store.close() };
  });

  describe('EventStoreDbEventStore', () => {
    let store: EventStoreDbEventStore;
    beforeEach(async () => {
      store = await EventStoreDbEventStore.connect(url);
    });
    afterEach(() => store.close());

    const newStream = () => `esdb-${randomUUID()}`;

    async function readAllFromStart(): Promise<StoredEvent[]> {
      const events: StoredEvent[] = [];
      let from: number | undefined;
      for (;;) {
        const page = await store.readAll({ fromPosition: from, limit: 1000 });
        if (page.length === 0) return events;
        events.push(...page);
        from = page[page.length - 1].position;
      }
    }

    it('is verifiable through readAll: the recomputed tree matches a checkpoint signed over it', async () => {
      const streamId = newStream();
      await store.append(streamId, sampleEvents(3), 'no_stream');
      const events = await readAllFromStart();
      expect(events.filter((e) => e.streamId === streamId)).toHaveLength(3);
      const signer = Ed25519Signer.generate();
      const root = merkleRoot(events.map(eventLeafHash)).toString('hex');
      const checkpoint = signCheckpoint({ origin: 'node.test', size: events.length, root }, signer);
      const result = await verifyLog(integrityReaderFor(store), [checkpoint], signer.publicKeyPem);
      expect(result).toMatchObject({ valid: true, checkpointSize: events.length, root });
    });

    it('subscribes from a number that is no event position without missing or repeating events', async () => {
      const streamId = newStream();
      await store.append(streamId, sampleEvents(3), 'no_stream');
      const [first] = await store.readStream(streamId);
      const seen: StoredEvent[] = [];
      const subscription = store.subscribeToAll(
        (event) => {
          if (event.streamId === streamId) seen.push(event);
        },
        { fromPosition: first.position - 1 },
      );
      await waitUntil(() => seen.length >= 3, 'three events delivered', 60_000);
      await subscription.stop();
      expect(seen.map((e) => e.revision)).toEqual([0, 1, 2]);
    });

    it('reads nothing after a number past the head', async () => {
      const head = await store.headPosition();
      expect(await store.readAll({ fromPosition: head + 1_000_000_000 })).toEqual([]);
    });

    it("refuses an event id already in the stream, and '$' streams", async () => {
      const streamId = newStream();
      const event = sampleEvent();
      await store.append(streamId, [event], 'no_stream');
      await expect(store.append(streamId, [{ ...event }], 'any')).rejects.toBeInstanceOf(
        DuplicateEventIdError,
      );
      await expect(store.append(`$${streamId}`, [sampleEvent()], 'any')).rejects.toThrow(TypeError);
      expect(await store.readStream(streamId)).toHaveLength(1);
    });
  });
});
