import { randomUUID } from 'node:crypto';
import { StoredEvent } from '../port';
import { sampleEvent } from '../testing/sample-events';
import {
  EsdbEventToAppend,
  EsdbRecord,
  UnreadableEventError,
  fromEsdbRecord,
  isSystemRecord,
  toEsdbEvent,
} from './esdb-event-mapping';
import { positionNumber, readPositionOf } from './esdb-position';

/** What the server and client do between append and read: JSON bytes out, JSON parsed back, server fields added. */
function throughServer(
  appended: EsdbEventToAppend,
  stored: { streamId: string; revision: number; position: number; recordedAt: string },
): EsdbRecord {
  return {
    streamId: stored.streamId,
    id: appended.id,
    revision: BigInt(stored.revision),
    type: appended.type,
    created: new Date(stored.recordedAt),
    isJson: true,
    data: JSON.parse(Buffer.from(JSON.stringify(appended.data), 'utf8').toString('utf8')) as unknown,
    position: readPositionOf(stored.position),
  };
}

function storedEvent(overrides: Partial<StoredEvent> = {}): StoredEvent {
  return {
    ...sampleEvent(),
    streamId: `case-${randomUUID()}`,
    revision: 7,
    position: 123_456_789,
    recordedAt: '2025-03-01T10:00:01.234Z',
    ...overrides,
  };
}

describe('EventStoreDB event mapping', () => {
  it('round-trips a stored event exactly, personal ciphertext included', () => {
    const event = storedEvent({
      causationId: randomUUID(),
      data: { nested: { list: [1, 'two', null, { three: true }] }, text: 'é ✓ "quoted"', zero: 0 },
      personal: { subjectId: 'subject-1', keyVersion: 2, iv: 'aXY=', ciphertext: 'Y2lwaGVy', tag: 'dGFn' },
    });
    const { streamId, revision, position, recordedAt, ...appended } = event;
    const esdb = toEsdbEvent(appended);
    expect(esdb.data.personal).toStrictEqual(event.personal);
    expect(fromEsdbRecord(throughServer(esdb, { streamId, revision, position, recordedAt }))).toStrictEqual(
      event,
    );
  });

  it('round-trips an event without causation or personal data, adding no such fields', () => {
    const event = storedEvent({ revision: 0, position: 1 });
    const { streamId, revision, position, recordedAt, ...appended } = event;
    const esdb = toEsdbEvent(appended);
    expect('personal' in esdb.data).toBe(false);
    expect('causationId' in esdb.data).toBe(false);
    expect(esdb.metadata).toStrictEqual({ $correlationId: event.correlationId });
    const back = fromEsdbRecord(throughServer(esdb, { streamId, revision, position, recordedAt }));
    expect(back).toStrictEqual(event);
    expect('personal' in back).toBe(false);
  });

  it('uses the event id and type as ESDB id and type, and ESDB metadata conventions for correlation', () => {
    const event = sampleEvent({ causationId: randomUUID() });
    const esdb = toEsdbEvent(event);
    expect(esdb.id).toBe(event.id);
    expect(esdb.type).toBe(event.type);
    expect(esdb.metadata).toStrictEqual({
      $correlationId: event.correlationId,
      $causationId: event.causationId,
    });
    expect(esdb.data).not.toHaveProperty('id');
    expect(esdb.data).not.toHaveProperty('type');
  });

  it('stores what a reader will parse back, not values JSON cannot carry', () => {
    const esdb = toEsdbEvent(
      sampleEvent({ data: { missing: undefined, at: new Date('2025-01-01T00:00:00Z') } }),
    );
    expect(esdb.data.data).toStrictEqual({ at: '2025-01-01T00:00:00.000Z' });
  });

  it('refuses ids the server would rewrite or reject, and EventStoreDB system types', () => {
    expect(() => toEsdbEvent(sampleEvent({ id: randomUUID().toUpperCase() }))).toThrow(TypeError);
    expect(() => toEsdbEvent(sampleEvent({ id: 'event-1' }))).toThrow(TypeError);
    expect(() => toEsdbEvent(sampleEvent({ type: '$metadata' }))).toThrow(TypeError);
    expect(() => toEsdbEvent({ ...sampleEvent(), schemaVersion: 1.5 })).toThrow(TypeError);
    expect(() => toEsdbEvent({ ...sampleEvent(), data: [] as unknown as Record<string, unknown> })).toThrow(
      TypeError,
    );
  });

  it('refuses to read events that are not NRM envelopes, or that carry no position', () => {
    const event = storedEvent();
    const { streamId, revision, position, recordedAt, ...appended } = event;
    const record = throughServer(toEsdbEvent(appended), { streamId, revision, position, recordedAt });
    expect(() => fromEsdbRecord({ ...record, data: { hello: 'world' } })).toThrow(UnreadableEventError);
    expect(() => fromEsdbRecord({ ...record, isJson: false, data: new Uint8Array() })).toThrow(
      UnreadableEventError,
    );
    expect(() => fromEsdbRecord({ ...record, data: { ...(record.data as object), actor: 'x' } })).toThrow(
      /actor is not an object/,
    );
    expect(() => fromEsdbRecord({ ...record, position: undefined })).toThrow(/22\.6/);
  });

  it('turns commit positions into numbers only while they are exact', () => {
    expect(positionNumber({ commit: 2n ** 53n - 1n, prepare: 2n ** 53n - 1n })).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => positionNumber({ commit: 2n ** 53n, prepare: 2n ** 53n })).toThrow(RangeError);
    expect(readPositionOf(42)).toStrictEqual({ commit: 42n, prepare: 42n });
  });

  it('treats system events and anything in a $ stream as not part of the log', () => {
    expect(isSystemRecord({ streamId: '$stats-127.0.0.1:2113', type: '$statsCollected' })).toBe(true);
    expect(isSystemRecord({ streamId: '$ce-case', type: 'Case.Opened' })).toBe(true);
    expect(isSystemRecord({ streamId: 'case-1', type: '$>' })).toBe(true);
    expect(isSystemRecord({ streamId: 'case-1', type: 'Case.Opened' })).toBe(false);
  });
});
