import Database from 'better-sqlite3';
import {
  AppendResult,
  assertWellFormedEvent,
  EventHandler,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  readLimit,
  StoredEvent,
  SubscribeOptions,
  Subscription,
} from '../port';
import { CheckpointSigner, Ed25519Signer, SignedCheckpoint } from '../integrity/checkpoint';
import { AuditableLog, IntegrityRecord, StoredLeaf } from '../integrity/integrity-reader';
import { MerkleFrontier } from '../integrity/merkle';
import { BatchWriter } from './append-batch';
import { EventRow, IntegrityRow, rowToEvent, storedLeafOf, StoredLeafRow } from './event-row';
import { CommitBatch, GroupCommitQueue } from './group-commit-queue';
import { PollingSubscription, SubscriptionPage } from './polling-subscription';
import { applySchema } from './schema';
import { prepareStatements } from './sqlite-statements';
import { openWriterConnection } from './writer-connection';
import { WriterThread } from './writer-thread';

export interface SqliteEventStoreOptions {
  /** Database file; ':memory:' only where nothing else must see the log (single-connection tests). */
  file: string;
  /** When set, every append also stores a checkpoint signed with this key. */
  signer?: CheckpointSigner;
  /** Checkpoint origin (the node id); defaults to the signer's key id. */
  origin?: string;
  /** How often live subscriptions look for appends made by other processes (default 200 ms). */
  pollIntervalMs?: number;
  /** How long a writer waits for another process's write lock before failing (default 5000 ms). */
  busyTimeoutMs?: number;
  /**
   * Where appends are committed: 'thread' (default for a file; needs no signer or an Ed25519 one) keeps
   * the event loop free while the disk syncs; 'inline' commits on this thread (':memory:' always).
   */
  writer?: 'thread' | 'inline';
}

const SUBSCRIPTION_PAGE = 500;

interface CheckpointRow {
  size: number;
  root: string;
  signature: string;
  key_id: string;
  origin: string;
}

/**
 * The embedded event store: one SQLite file in WAL mode. Appends wait in a group-commit queue and are
 * committed together, each batch in one IMMEDIATE transaction that checks every append's expected
 * revision, writes the events with their Merkle leaf and running root, and (with a signer) one signed
 * checkpoint, so the log and its tamper evidence can never disagree after a crash. The commit runs on
 * a writer thread with its own connection; reads use this thread's connection (WAL: readers never wait).
 */
export class SqliteEventStore implements EventStore, AuditableLog {
  /** AUTOINCREMENT positions with one transaction per batch leave no holes. */
  readonly contiguousPositions = true;

  private readonly db: Database.Database;
  private frontier: MerkleFrontier;
  private readonly subscriptions = new Set<PollingSubscription>();
  private readonly pollIntervalMs: number;
  private closed = false;

  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly thread?: WriterThread;
  private readonly queue: GroupCommitQueue;
  private readonly filteredPageStatements = new Map<number, Database.Statement>();

  private constructor(options: SqliteEventStoreOptions) {
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    const origin = options.signer ? (options.origin ?? options.signer.keyId) : undefined;
    const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
    this.db = openWriterConnection(options.file, busyTimeoutMs);
    try {
      applySchema(this.db);
      this.statements = prepareStatements(this.db);
      // Loads (or first builds) the stored frontier; commits on this thread when there is no writer thread.
      const inline = new BatchWriter(this.db, this.statements, { signer: options.signer, origin });
      this.frontier = inline.tree;
      const signingKeyPem = signingKeyOf(options.signer);
      const threaded = options.file !== ':memory:' && options.writer !== 'inline' && signingKeyPem !== null;
      if (threaded) {
        this.thread = new WriterThread({
          file: options.file,
          busyTimeoutMs,
          origin,
          signingKeyPem: signingKeyPem ?? undefined,
        });
      }
      const commit: CommitBatch = this.thread
        ? async (batch) => {
            const { outcomes, tree } = await this.thread!.commit(batch);
            this.frontier = MerkleFrontier.deserialize(tree.size, tree.nodes);
            return outcomes;
          }
        : async (batch) => {
            const outcomes = inline.commit(batch);
            this.frontier = inline.tree;
            return outcomes;
          };
      this.queue = new GroupCommitQueue(commit, (appended) => {
        if (appended) for (const subscription of this.subscriptions) subscription.notify();
      });
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  static open(options: SqliteEventStoreOptions): SqliteEventStore {
    return new SqliteEventStore(options);
  }

  async append(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    this.assertOpen();
    if (typeof streamId !== 'string' || streamId.length === 0)
      throw new TypeError('streamId must be a non-empty string');
    if (!Array.isArray(events)) throw new TypeError('events must be an array');
    if (typeof expected === 'number' && (!Number.isSafeInteger(expected) || expected < 0)) {
      throw new TypeError(
        `expected revision must be a non-negative integer, 'any', 'no_stream' or 'stream_exists'`,
      );
    }
    // Malformed input is the caller's bug: refused here, before it can share a batch with others.
    events.forEach(assertWellFormedEvent);
    return this.queue.submit({ streamId, events, expected });
  }

  async readStream(streamId: string, options: { fromRevision?: number } = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    const rows = this.statements.readStream.all(streamId, options.fromRevision ?? 0) as EventRow[];
    return rows.map(rowToEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    const rows = this.statements.readAll.all(
      options.fromPosition ?? 0,
      readLimit(options.limit),
    ) as EventRow[];
    return rows.map(rowToEvent);
  }

  subscribeToAll(handler: EventHandler, options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    const subscription = new PollingSubscription(
      async (from, limit, prefixes) => this.readSubscriptionPage(from, limit, prefixes),
      handler,
      options,
      this.pollIntervalMs,
      SUBSCRIPTION_PAGE,
      (finished) => this.subscriptions.delete(finished),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return this.head();
  }

  /** Stops every subscription (after its in-flight handler), then closes the file. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue.idle();
    await this.thread?.close();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    this.db.close();
  }

  // --- tamper evidence (AuditableLog) ---

  async readIntegrity(fromPosition: number | undefined, limit: number): Promise<IntegrityRecord[]> {
    this.assertOpen();
    const rows = this.statements.readIntegrity.all(fromPosition ?? 0, readLimit(limit)) as IntegrityRow[];
    return rows.map((row) => ({ event: rowToEvent(row), leafHash: row.leaf_hash, treeRoot: row.tree_root }));
  }

  async readStoredLeaves(fromPosition: number | undefined, limit: number): Promise<StoredLeaf[]> {
    this.assertOpen();
    const rows = this.statements.readStoredLeaves.all(fromPosition ?? 0, readLimit(limit)) as StoredLeafRow[];
    return rows.map(storedLeafOf);
  }

  async readLeafHashes(
    fromPosition: number | undefined,
    limit: number,
  ): Promise<{ position: number; leafHash: Uint8Array }[]> {
    this.assertOpen();
    const rows = this.statements.readLeafHashes.all(fromPosition ?? 0, readLimit(limit)) as {
      position: number;
      leaf_hash: Buffer;
    }[];
    return rows.map((row) => ({ position: row.position, leafHash: row.leaf_hash }));
  }

  async listCheckpoints(): Promise<SignedCheckpoint[]> {
    this.assertOpen();
    return (this.statements.listCheckpoints.all() as CheckpointRow[]).map(rowToCheckpoint);
  }

  async latestCheckpoint(): Promise<SignedCheckpoint | undefined> {
    this.assertOpen();
    const row = this.statements.latestCheckpoint.get() as CheckpointRow | undefined;
    return row && rowToCheckpoint(row);
  }

  async checkpointAt(size: number): Promise<SignedCheckpoint | undefined> {
    this.assertOpen();
    const row = this.statements.checkpointAt.get(size) as CheckpointRow | undefined;
    return row && rowToCheckpoint(row);
  }

  async pageCheckpoints(
    fromSize: number,
    limit: number,
    offset = 0,
  ): Promise<{ items: SignedCheckpoint[]; total: number }> {
    this.assertOpen();
    return this.db.transaction(() => ({
      items: (this.statements.pageCheckpoints.all(fromSize, readLimit(limit), offset) as CheckpointRow[]).map(
        rowToCheckpoint,
      ),
      total: (this.statements.countCheckpoints.get() as { total: number }).total,
    }))();
  }

  /** Number of leaves and root of the tree as this process last saw it. */
  treeHead(): { size: number; root: string } {
    return { size: this.frontier.size, root: this.frontier.root().toString('hex') };
  }

  // --- internals ---

  private readSubscriptionPage(from: number, limit: number, prefixes?: string[]): SubscriptionPage {
    this.assertOpen();
    const statement = prefixes?.length
      ? this.filteredPageStatement(prefixes.length)
      : this.statements.readAll;
    const params = prefixes?.length
      ? [from, ...prefixes.flatMap((p) => [p.length, p]), limit]
      : [from, limit];
    // One snapshot for the page and the head, so skipping to the head never skips an event.
    return this.db.transaction(() => ({
      events: (statement.all(...params) as EventRow[]).map(rowToEvent),
      head: this.head(),
    }))();
  }

  private filteredPageStatement(prefixCount: number): Database.Statement {
    let statement = this.filteredPageStatements.get(prefixCount);
    if (!statement) {
      const match = Array.from({ length: prefixCount }, () => 'substr(type, 1, ?) = ?').join(' OR ');
      statement = this.db.prepare(
        `SELECT * FROM events WHERE position > ? AND (${match}) ORDER BY position LIMIT ?`,
      );
      this.filteredPageStatements.set(prefixCount, statement);
    }
    return statement;
  }

  private head(): number {
    return (this.statements.head.get() as { head: number }).head;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('event store is closed');
  }
}

/**
 * The key the writer thread signs checkpoints with: undefined without a signer, null when the signer
 * cannot be handed to another thread (then commits stay on this thread).
 */
function signingKeyOf(signer: CheckpointSigner | undefined): string | undefined | null {
  if (!signer) return undefined;
  return signer instanceof Ed25519Signer ? signer.privateKeyPem() : null;
}

function rowToCheckpoint(row: CheckpointRow): SignedCheckpoint {
  return { origin: row.origin, size: row.size, root: row.root, signature: row.signature, keyId: row.key_id };
}
