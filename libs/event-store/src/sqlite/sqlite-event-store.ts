import Database from 'better-sqlite3';
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
  SubscribeOptions,
  Subscription,
  WrongExpectedRevisionError,
} from '../port';
import { CheckpointSigner, SignedCheckpoint, signCheckpoint } from '../integrity/checkpoint';
import { eventLeafHash } from '../integrity/canonical-event';
import { AuditableLog, IntegrityRecord } from '../integrity/integrity-reader';
import { MerkleFrontier } from '../integrity/merkle';
import { EventRow, IntegrityRow, prepareEvent, rowToEvent } from './event-row';
import { PollingSubscription, SubscriptionPage } from './polling-subscription';
import { applySchema } from './schema';

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
 * The embedded event store: one SQLite file in WAL mode. Every append is one IMMEDIATE transaction that
 * checks the expected revision, writes the events with their Merkle leaf and running root, and (with a
 * signer) one signed checkpoint, so the log and its tamper evidence can never disagree after a crash.
 */
export class SqliteEventStore implements EventStore, AuditableLog {
  /** AUTOINCREMENT positions with one transaction per append leave no holes. */
  readonly contiguousPositions = true;

  private readonly db: Database.Database;
  private frontier: MerkleFrontier;
  private readonly subscriptions = new Set<PollingSubscription>();
  private readonly pollIntervalMs: number;
  private readonly origin?: string;
  private closed = false;

  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly appendTransaction: (
    streamId: string,
    events: NewEvent[],
    expected: ExpectedRevision,
  ) => { result: AppendResult; frontier: MerkleFrontier };
  private readonly filteredPageStatements = new Map<number, Database.Statement>();

  private constructor(private readonly options: SqliteEventStoreOptions) {
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    this.origin = options.signer ? (options.origin ?? options.signer.keyId) : undefined;
    this.db = new Database(options.file);
    try {
      if (options.file !== ':memory:') this.db.pragma('journal_mode = WAL');
      // FULL: a committed append survives power loss, not only a process crash. The record of a victim's
      // case is worth more than write throughput; the benchmark's raw baseline uses the same setting.
      this.db.pragma('synchronous = FULL');
      this.db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
      applySchema(this.db);
      this.statements = prepareStatements(this.db);
      this.frontier = this.db.transaction(() => this.loadFrontier()).immediate();
      this.appendTransaction = this.db.transaction(this.appendInTransaction.bind(this)).immediate;
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
    const { result, frontier } = this.appendTransaction(streamId, events, expected);
    this.frontier = frontier;
    if (events.length > 0) for (const subscription of this.subscriptions) subscription.notify();
    return result;
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
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    this.db.close();
  }

  // --- tamper evidence (AuditableLog) ---

  async readIntegrity(fromPosition: number | undefined, limit: number): Promise<IntegrityRecord[]> {
    this.assertOpen();
    const rows = this.statements.readIntegrity.all(fromPosition ?? 0, readLimit(limit)) as IntegrityRow[];
    return rows.map((row) => ({ event: rowToEvent(row), leafHash: row.leaf_hash, treeRoot: row.tree_root }));
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

  private appendInTransaction(
    streamId: string,
    events: NewEvent[],
    expected: ExpectedRevision,
  ): { result: AppendResult; frontier: MerkleFrontier } {
    const row = this.statements.streamRevision.get(streamId) as { revision: number | null };
    const current = row.revision ?? -1;
    if (!revisionMatches(expected, current))
      throw new WrongExpectedRevisionError(streamId, expected, current);
    if (events.length === 0)
      return { result: { nextRevision: current, position: this.head() }, frontier: this.frontier };

    // Another process may have appended since our last write: continue its tree, not our stale copy.
    const frontier = this.loadFrontier().clone();
    const recordedAt = new Date().toISOString();
    let position = 0;
    events.forEach((event, i) => {
      const { columns, stored } = prepareEvent(streamId, current + 1 + i, recordedAt, event);
      const leaf = eventLeafHash(stored);
      frontier.append(leaf);
      try {
        const info = this.statements.insertEvent.run({
          ...columns,
          leaf_hash: leaf,
          tree_root: frontier.root(),
        });
        position = Number(info.lastInsertRowid);
      } catch (error) {
        if (isUniqueViolation(error, 'events.event_id')) throw new DuplicateEventIdError(event.id);
        if (isUniqueViolation(error, 'events.stream_id')) {
          throw new WrongExpectedRevisionError(streamId, expected, this.currentRevision(streamId));
        }
        throw error;
      }
    });
    this.statements.saveFrontier.run(frontier.size, frontier.serialize());
    if (this.options.signer && this.origin) {
      const checkpoint = signCheckpoint(
        { origin: this.origin, size: frontier.size, root: frontier.root().toString('hex') },
        this.options.signer,
      );
      this.statements.insertCheckpoint.run({
        size: checkpoint.size,
        root: checkpoint.root,
        signature: checkpoint.signature,
        key_id: checkpoint.keyId,
        origin: checkpoint.origin,
        created_at: recordedAt,
      });
    }
    return { result: { nextRevision: current + events.length, position }, frontier };
  }

  /** Must run inside a transaction. Rebuilds the frontier from the leaves if it was never stored. */
  private loadFrontier(): MerkleFrontier {
    const stored = this.statements.loadFrontier.get() as { size: number; nodes: Buffer } | undefined;
    if (stored) {
      return stored.size === this.frontier?.size
        ? this.frontier
        : MerkleFrontier.deserialize(stored.size, stored.nodes);
    }
    const leaves = (this.statements.allLeaves.all() as { leaf_hash: Buffer }[]).map((r) => r.leaf_hash);
    const rebuilt = MerkleFrontier.fromLeaves(leaves);
    this.statements.saveFrontier.run(rebuilt.size, rebuilt.serialize());
    return rebuilt;
  }

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

  private currentRevision(streamId: string): number {
    return (this.statements.streamRevision.get(streamId) as { revision: number | null }).revision ?? -1;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('event store is closed');
  }
}

function prepareStatements(db: Database.Database) {
  return {
    streamRevision: db.prepare('SELECT max(revision) AS revision FROM events WHERE stream_id = ?'),
    head: db.prepare('SELECT coalesce(max(position), 0) AS head FROM events'),
    insertEvent:
      db.prepare(`INSERT INTO events (stream_id, revision, event_id, type, schema_version, occurred_at,
      recorded_at, node_id, actor, correlation_id, causation_id, data, personal, leaf_hash, tree_root)
      VALUES (@stream_id, @revision, @event_id, @type, @schema_version, @occurred_at, @recorded_at, @node_id,
      @actor, @correlation_id, @causation_id, @data, @personal, @leaf_hash, @tree_root)`),
    readStream: db.prepare('SELECT * FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision'),
    readAll: db.prepare('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?'),
    readIntegrity: db.prepare('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?'),
    allLeaves: db.prepare('SELECT leaf_hash FROM events ORDER BY position'),
    readLeafHashes: db.prepare(
      'SELECT position, leaf_hash FROM events WHERE position > ? ORDER BY position LIMIT ?',
    ),
    loadFrontier: db.prepare('SELECT size, nodes FROM merkle_frontier WHERE id = 1'),
    saveFrontier: db.prepare(
      'INSERT INTO merkle_frontier (id, size, nodes) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET size = excluded.size, nodes = excluded.nodes',
    ),
    insertCheckpoint: db.prepare(`INSERT INTO checkpoints (size, root, signature, key_id, origin, created_at)
      VALUES (@size, @root, @signature, @key_id, @origin, @created_at)`),
    listCheckpoints: db.prepare('SELECT * FROM checkpoints ORDER BY size'),
    latestCheckpoint: db.prepare('SELECT * FROM checkpoints ORDER BY size DESC LIMIT 1'),
    checkpointAt: db.prepare('SELECT * FROM checkpoints WHERE size = ?'),
    pageCheckpoints: db.prepare('SELECT * FROM checkpoints WHERE size >= ? ORDER BY size LIMIT ? OFFSET ?'),
    countCheckpoints: db.prepare('SELECT count(*) AS total FROM checkpoints'),
  };
}

/** Duck-typed: under jest the native addon may raise SqliteError from another realm's Error class. */
function isUniqueViolation(error: unknown, column: string): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof message === 'string' && message.includes(column);
}

function rowToCheckpoint(row: CheckpointRow): SignedCheckpoint {
  return { origin: row.origin, size: row.size, root: row.root, signature: row.signature, keyId: row.key_id };
}
