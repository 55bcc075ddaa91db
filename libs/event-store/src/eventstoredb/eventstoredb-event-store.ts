import {
  AllStreamRecordedEvent,
  BACKWARDS,
  END,
  ErrorType,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  ReadPosition,
  START,
  WrongExpectedVersionError,
  jsonEvent,
} from '@eventstore/db-client';
import {
  AppendResult,
  DuplicateEventIdError,
  EventHandler,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  readLimit,
  revisionMatches,
  StoredEvent,
  Subscription,
  WrongExpectedRevisionError,
} from '../port';
import { fromEsdbRecord, isSystemRecord, toEsdbEvent } from './esdb-event-mapping';
import { checkPosition, positionNumber, readPositionOf } from './esdb-position';
import { EsdbCatchUpSubscription, EventStoreDbSubscribeOptions } from './esdb-subscription';

const MAX_PAGE = 4096;
const HEAD_PAGE = 256;
/** 'any' and 'stream_exists' appends retry a lost race this many times before giving up. */
const MAX_APPEND_ATTEMPTS = 20;

/**
 * The EventStore port on EventStoreDB (gRPC client v6; server 22.6 or later, 23.10 or later for the
 * server's caught-up signal). Positions are commit positions as numbers (see esdb-position.ts).
 *
 * Appends are pinned to the revision just read: the stream is read first (its last revision and its
 * event ids), the caller's expectation is checked against that, and the append is sent with exactly
 * that revision. So a duplicate event id in the stream is refused atomically (ESDB itself would
 * accept it, or silently treat a retry as already done), and 'any'/'stream_exists' retry a lost race.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly subscriptions = new Set<EsdbCatchUpSubscription>();
  private closed = false;

  private constructor(private readonly client: EventStoreDBClient) {}

  /** e.g. esdb://localhost:2113?tls=false. The client connects lazily, on the first call. */
  /** Connects and reads the head of $all once, so that an unreachable server fails here, not later. */
  static async connect(connectionString: string): Promise<EventStoreDbEventStore> {
    const store = new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString));
    try {
      await store.headPosition();
    } catch (error) {
      await store.close();
      throw new Error(`EventStoreDB at ${connectionString} does not answer: ${(error as Error).message}`);
    }
    return store;
  }

  async append(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    this.assertOpen();
    if (typeof streamId !== 'string' || streamId.length === 0)
      throw new TypeError('streamId must be a non-empty string');
    // '$' streams are EventStoreDB's own, and readAll/subscriptions never deliver them.
    if (streamId.startsWith('$')) throw new TypeError(`stream ${streamId}: '$' streams are EventStoreDB's`);
    if (!Array.isArray(events)) throw new TypeError('events must be an array');
    if (typeof expected === 'number' && (!Number.isSafeInteger(expected) || expected < 0)) {
      throw new TypeError(
        `expected revision must be a non-negative integer, 'any', 'no_stream' or 'stream_exists'`,
      );
    }
    const toAppend = events.map(toEsdbEvent);
    const ids = new Set<string>();
    for (const event of toAppend) {
      if (ids.has(event.id)) throw new DuplicateEventIdError(event.id);
      ids.add(event.id);
    }

    for (let attempt = 1; ; attempt++) {
      const current = await this.streamState(streamId);
      if (!revisionMatches(expected, current.revision))
        throw new WrongExpectedRevisionError(streamId, expected, current.revision);
      if (toAppend.length === 0)
        return { nextRevision: current.revision, position: await this.headPosition() };
      const duplicate = toAppend.find((event) => current.ids.has(event.id));
      if (duplicate) throw new DuplicateEventIdError(duplicate.id);
      try {
        await this.client.appendToStream(
          streamId,
          toAppend.map((event) => jsonEvent(event)),
          { expectedRevision: current.revision === -1 ? NO_STREAM : BigInt(current.revision) },
        );
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        const actual = error.actualVersion === NO_STREAM ? -1 : Number(error.actualVersion);
        const racing = expected === 'any' || expected === 'stream_exists';
        if (!racing || attempt >= MAX_APPEND_ATTEMPTS)
          throw new WrongExpectedRevisionError(streamId, expected, actual);
        continue;
      }
      const nextRevision = current.revision + toAppend.length;
      // Read back rather than trust the append reply's position, whose meaning for multi-event
      // appends is not documented: the event's own position is what readAll will report.
      const [last] = await this.readStream(streamId, { fromRevision: nextRevision });
      if (last?.id !== toAppend[toAppend.length - 1].id) {
        throw new Error(`stream ${streamId}: revision ${nextRevision} is not the event just appended`);
      }
      return { nextRevision, position: last.position };
    }
  }

  async readStream(streamId: string, options: { fromRevision?: number } = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    const fromRevision = options.fromRevision ?? 0;
    if (!Number.isSafeInteger(fromRevision) || fromRevision < 0)
      throw new RangeError('fromRevision must be a non-negative integer');
    const events: StoredEvent[] = [];
    try {
      const read = this.client.readStream(streamId, {
        fromRevision: BigInt(fromRevision),
        direction: FORWARDS,
        resolveLinkTos: false,
      });
      for await (const resolved of read) if (resolved.event) events.push(fromEsdbRecord(resolved.event));
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw error;
    }
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    const limit = readLimit(options.limit);
    const from = checkPosition(options.fromPosition, 'fromPosition') ?? 0;
    const pageSize = Math.min(Math.max(limit + 1, 64), MAX_PAGE);
    const events: StoredEvent[] = [];
    // Exclusive start: read from the event at `from` (inclusive in ESDB) and drop it. A number that is
    // not an event's position (arithmetic on positions) cannot be sent: see startFor.
    let cursor: ReadPosition = from > 0 ? readPositionOf(from) : START;
    let probing = from > 0;
    let previous = -1n;
    for (;;) {
      let page: AllStreamRecordedEvent[] | undefined;
      try {
        page = await this.readAllPage(cursor, pageSize, FORWARDS);
      } catch (error) {
        if (!probing) throw error;
      }
      if (probing) {
        probing = false;
        if (!page || page.length === 0 || page[0].position.commit !== BigInt(from)) {
          cursor = await this.startFor(from);
          continue;
        }
      }
      for (const [i, record] of page!.entries()) {
        const commit = record.position.commit;
        if (commit <= previous) {
          if (i === 0 && commit === previous) continue; // the previous page's last record, read again
          if (isSystemRecord(record)) continue;
          throw outOfOrder(record, previous);
        }
        previous = commit;
        if (positionNumber(record.position) <= from || isSystemRecord(record)) continue;
        events.push(fromEsdbRecord(record));
        if (events.length === limit) return events;
      }
      if (page!.length < pageSize) return events;
      cursor = page![page!.length - 1].position;
    }
  }

  subscribeToAll(handler: EventHandler, options: EventStoreDbSubscribeOptions = {}): Subscription {
    this.assertOpen();
    checkPosition(options.fromPosition, 'fromPosition');
    const subscription = new EsdbCatchUpSubscription(
      {
        client: this.client,
        startFor: (from) => this.startFor(from),
        headPosition: () => this.headPosition(),
      },
      handler,
      options,
      (finished) => this.subscriptions.delete(finished),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Position of the last non-system event, or 0. */
  async headPosition(): Promise<number> {
    this.assertOpen();
    let cursor: ReadPosition = END;
    let previous: bigint | undefined;
    for (;;) {
      const page = await this.readAllPage(cursor, HEAD_PAGE, BACKWARDS);
      for (const record of page) {
        if (previous !== undefined && record.position.commit >= previous) continue;
        previous = record.position.commit;
        if (!isSystemRecord(record)) return positionNumber(record.position);
      }
      if (page.length < HEAD_PAGE) return 0;
      cursor = page[page.length - 1].position;
    }
  }

  /** Stops every subscription (after its in-flight handler), then closes the connection. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.client.dispose();
  }

  // --- internals ---

  /**
   * Where to start reading or subscribing so that nothing after `from` is missed. `from` is used as is
   * when an event sits exactly there (every position this adapter hands out). Any other number would
   * point into the middle of a record, which the server refuses or misreads, so we start instead from
   * the last record when `from` is past it, or else from the beginning (correct, but a full scan).
   */
  private async startFor(from: number): Promise<ReadPosition> {
    if (from <= 0) return START;
    try {
      const [first] = await this.readAllPage(readPositionOf(from), 1, FORWARDS);
      if (first && first.position.commit === BigInt(from)) return readPositionOf(from);
    } catch {
      // Not a record boundary: fall through to a position known to be one.
    }
    const [last] = await this.readAllPage(END, 1, BACKWARDS);
    return last && last.position.commit < BigInt(from) ? last.position : START;
  }

  private async readAllPage(
    fromPosition: ReadPosition,
    maxCount: number,
    direction: typeof FORWARDS | typeof BACKWARDS,
  ): Promise<AllStreamRecordedEvent[]> {
    const records: AllStreamRecordedEvent[] = [];
    const read = this.client.readAll({ fromPosition, maxCount, direction, resolveLinkTos: false });
    for await (const resolved of read) if (resolved.event) records.push(resolved.event);
    return records;
  }

  /** Last revision (-1 when the stream does not exist) and every event id of the stream. */
  private async streamState(streamId: string): Promise<{ revision: number; ids: Set<string> }> {
    const ids = new Set<string>();
    let revision = -1;
    try {
      const read = this.client.readStream(streamId, {
        fromRevision: START,
        direction: FORWARDS,
        resolveLinkTos: false,
      });
      for await (const resolved of read) {
        if (!resolved.event) continue;
        ids.add(resolved.event.id);
        revision = Number(resolved.event.revision);
      }
    } catch (error) {
      if (!isStreamNotFound(error)) throw error;
    }
    return { revision, ids };
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('event store is closed');
  }
}

function isStreamNotFound(error: unknown): boolean {
  return (error as { type?: unknown } | null)?.type === ErrorType.STREAM_NOT_FOUND;
}

function outOfOrder(record: AllStreamRecordedEvent, previous: bigint): Error {
  return new Error(
    `EventStoreDB returned event ${record.id} at commit position ${record.position.commit} after ${previous}: ` +
      'events sharing a commit position (explicit transactions) are not supported',
  );
}
