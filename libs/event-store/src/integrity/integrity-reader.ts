import { EventStore, StoredEvent } from '../port';
import { SignedCheckpoint } from './checkpoint';

/** One event as the log holds it, with the hashes the backend stored next to it (if any). */
export interface IntegrityRecord {
  event: StoredEvent;
  /** The leaf hash recorded at append time. */
  leafHash?: Uint8Array;
  /** The tree root recorded at append time, after this event. */
  treeRoot?: Uint8Array;
}

/** An event's place in the log and the bytes its leaf commits to, read without parsing the event. */
export interface StoredLeaf {
  position: number;
  streamId: string;
  revision: number;
  /** The event's canonical JSON (what its leaf commits to), as the backend stores it. */
  canonicalJson: string;
  /** The leaf hash recorded at append time. */
  leafHash: Uint8Array;
  /** The tree root recorded at append time, after this event. */
  treeRoot?: Uint8Array;
}

/** What `verifyLog` reads. Adapters that cannot store hashes can use `integrityReaderFor(store)`. */
export interface IntegrityLogReader {
  /** Records with position > fromPosition (all when undefined), in position order, at most `limit`. */
  readIntegrity(fromPosition: number | undefined, limit: number): Promise<IntegrityRecord[]>;
  /**
   * The verifier's fast path, for backends that store each event's canonical bytes: no parsing. Where
   * the bytes do not hash to the stored leaf, the verifier reads that event through `readIntegrity`
   * and judges it by its meaning.
   */
  readStoredLeaves?(fromPosition: number | undefined, limit: number): Promise<StoredLeaf[]>;
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
