import { EventStore, StoredEvent } from '../port';
import { SignedCheckpoint } from './checkpoint';

/** One event as the log holds it, with the hashes the backend stored next to it (if any). */
export interface IntegrityRecord {
  event: StoredEvent;
  /** The leaf hash recorded at append time. */
  leafHash?: Uint8Array;
  /** The tree root recorded at append time, after this event. */
  treeRoot?: Uint8Array;
  /**
   * The event's canonical bytes as the backend stores them, when it can give them without parsing
   * and re-encoding (a fast path: the verifier still re-encodes `event` when these do not match).
   */
  canonicalBytes?: Uint8Array;
}

/** What `verifyLog` reads. Adapters that cannot store hashes can use `integrityReaderFor(store)`. */
export interface IntegrityLogReader {
  /** Records with position > fromPosition (all when undefined), in position order, at most `limit`. */
  readIntegrity(fromPosition: number | undefined, limit: number): Promise<IntegrityRecord[]>;
  /**
   * The positions and stored leaf hashes of events with position > fromPosition, at most `limit`: what
   * proofs need, without reading the events. Stores that keep no hashes leave it out.
   */
  readLeafHashes?(
    fromPosition: number | undefined,
    limit: number,
  ): Promise<{ position: number; leafHash: Uint8Array }[]>;
  /**
   * True when the backend never leaves holes between positions (SQLite AUTOINCREMENT with one
   * transaction per append), so that a hole itself proves a removal. EventStoreDB: false.
   */
  readonly contiguousPositions?: boolean;
}

export interface CheckpointReader {
  /** Every signed checkpoint, by ascending size. */
  listCheckpoints(): Promise<SignedCheckpoint[]>;
  latestCheckpoint(): Promise<SignedCheckpoint | undefined>;
  /** The signed checkpoint of exactly this tree size, if the log signed one. */
  checkpointAt(size: number): Promise<SignedCheckpoint | undefined>;
  /**
   * At most `limit` checkpoints of size >= fromSize, by ascending size, after skipping `offset` of them,
   * with how many there are in all.
   */
  pageCheckpoints(
    fromSize: number,
    limit: number,
    offset?: number,
  ): Promise<{ items: SignedCheckpoint[]; total: number }>;
}

/** A log an auditor can verify end to end. */
export interface AuditableLog extends IntegrityLogReader, CheckpointReader {}

/** Verifies an adapter that stores no hashes: leaves and roots are recomputed and checked against checkpoints. */
export function integrityReaderFor(store: Pick<EventStore, 'readAll'>): IntegrityLogReader {
  return {
    readIntegrity: async (fromPosition, limit) =>
      (await store.readAll({ fromPosition, limit })).map((event) => ({ event })),
  };
}
