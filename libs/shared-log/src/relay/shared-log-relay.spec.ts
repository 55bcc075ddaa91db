import { describeIfServer } from '@nrm/common/testing';
import type { NewEvent, StoredEvent } from '@nrm/event-store/port';
import { sampleEvent, waitUntil } from '@nrm/event-store/testing';
import { PersonalDataCipher } from '@nrm/privacy';
import { InMemoryKeyStore } from '@nrm/privacy/testing';
import { randomUUID } from 'node:crypto';
import type { KafkaMessage } from 'kafkajs';
import type { SharedLogPublisher } from '../port/shared-log.port';
import { assertExactlyOnceInOrder, openRelayFixture, RelayFixture } from '../testing';

async function appendAll(
  fixture: RelayFixture,
  streams: string[],
  count: number,
  make: (i: number) => Partial<NewEvent> = () => ({}),
) {
  for (let i = 0; i < count; i++) {
    await fixture.store.append(
      streams[i % streams.length],
      [sampleEvent({ type: i % 2 ? 'ConsentGiven' : 'NeedsAssessed', ...make(i) })],
      'any',
    );
  }
}

async function allStored(fixture: RelayFixture): Promise<StoredEvent[]> {
  return fixture.store.readAll({ limit: 100_000 });
}

describeIfServer('KAFKA_BROKERS', 'shared log relay to Kafka', (brokers) => {
  let fixture: RelayFixture;

  beforeEach(async () => {
    fixture = await openRelayFixture(brokers);
  });
  afterEach(async () => {
    await fixture.dispose();
  });

  it('copies events to their topics as CloudEvents keyed by stream, personal data still encrypted', async () => {
    const keyStore = new InMemoryKeyStore();
    const cipher = new PersonalDataCipher(keyStore);
    const name = `Ana-Maria Zapada ${randomUUID()}`;
    const caseId = randomUUID();
    const personal = await cipher.encrypt(`victim:${caseId}`, { givenName: name, familyName: name });
    await fixture.store.append(
      `case-${caseId}`,
      [sampleEvent({ type: 'PresumedVictimRegistered', schemaVersion: 2, personal })],
      'no_stream',
    );
    await fixture.store.append(
      `case-${caseId}`,
      [sampleEvent({ type: 'HearingScheduled', causationId: 'cause-1' })],
      0,
    );
    await fixture.store.append(
      `access-${caseId}`,
      [sampleEvent({ type: 'PersonalDataAccessed', data: { caseId } })],
      'any',
    );
    const stored = await allStored(fixture);

    const { relay } = fixture.newRelay();
    await relay.start();
    await relay.waitForCheckpoint(await fixture.store.headPosition());

    // Read the topics raw: what any Kafka client would see.
    const messages: { topic: string; message: KafkaMessage }[] = [];
    const consumer = fixture.log.kafka.consumer({ groupId: `raw-${randomUUID()}` });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: fixture.log.topics.topicsOf(), fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ topic, message }) => void messages.push({ topic, message }),
      });
      await waitUntil(
        () => messages.length >= stored.length,
        `${stored.length} messages on the topics`,
        60_000,
      );
    } finally {
      await consumer.disconnect();
    }

    expect(messages).toHaveLength(stored.length);
    for (const event of stored) {
      const found = messages.find((m) => m.message.headers?.ce_id?.toString() === event.id);
      expect(found).toBeDefined();
      const { topic, message } = found!;
      expect(topic).toBe(fixture.log.topics.topicForEvent(event));
      expect(message.key?.toString()).toBe(event.streamId);
      const headers = Object.fromEntries(
        Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]),
      );
      expect(headers).toMatchObject({
        ce_specversion: '1.0',
        ce_type: event.type,
        ce_source: `urn:nrm:node:${event.nodeId}`,
        ce_subject: event.streamId,
        ce_time: event.occurredAt,
        'content-type': 'application/json',
        ce_position: String(event.position),
        ce_revision: String(event.revision),
        ce_schemaversion: String(event.schemaVersion),
        ce_recordedat: event.recordedAt,
      });
      expect(JSON.parse(message.value!.toString()).personal).toEqual(event.personal);
    }
    expect(fixture.log.topics.topicForEvent(stored[0])).toMatch(/\.identification$/);
    expect(fixture.log.topics.topicForEvent(stored[1])).toMatch(/\.prosecution-liaison$/);
    expect(fixture.log.topics.topicForEvent(stored[2])).toMatch(/\.node$/);
    const bytes = Buffer.concat(
      messages.flatMap(({ message }) => [
        message.key ?? Buffer.alloc(0),
        message.value ?? Buffer.alloc(0),
        ...Object.values(message.headers ?? {}).map((v) => Buffer.from(String(v))),
      ]),
    );
    expect(bytes.includes(Buffer.from(name))).toBe(false);
    expect(bytes.includes(Buffer.from('Ana-Maria'))).toBe(false);
  }, 90_000);

  it('resumes from its checkpoint after a stop mid-stream and after a failed checkpoint save: each event handled once, in order', async () => {
    const streams = Array.from({ length: 5 }, () => `case-${randomUUID()}`);
    await appendAll(fixture, streams, 300);
    const head = await fixture.store.headPosition();
    const consumer = await fixture.follow();

    // Slow batches so the stop lands mid-stream; one checkpoint save fails after its batch was acknowledged.
    const slow: SharedLogPublisher = {
      publish: async (events) => {
        await new Promise((r) => setTimeout(r, 30));
        await fixture.log.publisher.publish(events);
      },
      close: async () => {},
    };
    const first = fixture.newRelay({ publisher: slow, batchSize: 20, backoff: { initialMs: 10, maxMs: 50 } });
    const save = first.checkpoints.save.bind(first.checkpoints);
    let saves = 0;
    first.checkpoints.save = async (name, position) => {
      if (++saves === 3) throw new Error('disk full'); // acknowledged, not checkpointed: sent again
      return save(name, position);
    };
    await first.relay.start();
    await waitUntil(
      () => first.relay.status().checkpoint >= 100,
      'the first relay got past position 100',
      60_000,
    );
    await first.relay.stop();
    const stoppedAt = first.relay.status().checkpoint;
    expect(stoppedAt).toBeLessThan(head);
    expect(await first.checkpoints.load('shared-log-relay')).toBe(stoppedAt);

    const second = fixture.newRelay({ batchSize: 20 });
    await second.relay.start();
    await second.relay.waitForCheckpoint(head, 60_000);
    const stored = await allStored(fixture);
    await waitUntil(
      () => consumer.handled.length >= stored.length,
      `${stored.length} events handled`,
      60_000,
    );

    expect(consumer.errors).toEqual([]);
    assertExactlyOnceInOrder(
      consumer.handled,
      stored.map((e) => e.id),
      (e) => fixture.log.topics.topicForEvent(e),
    );
    // The batch whose checkpoint save failed reached the consumer twice: the idempotent handler dropped it.
    expect(consumer.raw.length).toBeGreaterThan(consumer.handled.length);
  }, 180_000);
});
