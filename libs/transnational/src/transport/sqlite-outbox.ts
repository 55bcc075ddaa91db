import { openSqlite } from '@nrm/common/sqlite/open-sqlite';
import type Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CrossBorderEnvelope } from '../envelope/cross-border-envelope';

/** A message waiting for its recipient's final verdict. */
export interface OutboxMessage {
  /** Queue order, over all recipients; FIFO per recipient follows it. */
  seq: number;
  messageId: string;
  recipientNodeId: string;
  subject: string;
  envelope: CrossBorderEnvelope;
  /** Attempts made so far. */
  attempts: number;
  /** Epoch ms before which the message is not attempted again. */
  nextAttemptAt: number;
  lastError?: string;
  queuedAt: number;
}

/** Why a message left the outbox. */
export type OutboxOutcome = 'accepted' | 'duplicate' | 'rejected' | 'published' | 'withdrawn' | 'dropped';

export interface SqliteOutboxOptions {
  /** The SQLite file; its folder is created owner-only (0700) if missing, the file is made 0600. */
  file: string;
  /** Ids of finished messages are kept this long so a late `send` of the same id stays a no-op. Default 400 days. */
  finishedRetentionMs?: number;
  now?: () => number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  message_id TEXT NOT NULL UNIQUE,
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  envelope TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error TEXT,
  queued_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS outbox_by_recipient ON outbox (recipient, seq);
CREATE INDEX IF NOT EXISTS outbox_by_subject ON outbox (subject);
CREATE TABLE IF NOT EXISTS outbox_finished (
  message_id TEXT PRIMARY KEY,
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  outcome TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  finished_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS outbox_finished_by_time ON outbox_finished (finished_at);
`;

interface Row {
  seq: number;
  message_id: string;
  recipient: string;
  subject: string;
  envelope: string;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  queued_at: number;
}

const DEFAULT_FINISHED_RETENTION_MS = 400 * 24 * 3600 * 1000;

/**
 * The durable queue of cross-border messages (WAL, synchronous FULL: a queued message survives power
 * loss). Rows leave the queue on a final verdict, on withdrawal or when a partner's queue is dropped;
 * only the message id and its outcome stay (no envelope), so resending a finished id is a no-op.
 * `secure_delete` overwrites the ciphertext of rows that leave. Synchronous on purpose: each call is
 * one short transaction, and better-sqlite3 makes them atomic without interleaving.
 */
export class SqliteOutbox {
  private readonly db: Database.Database;
  private readonly now: () => number;
  private readonly statements: ReturnType<typeof prepare>;

  private constructor(options: SqliteOutboxOptions) {
    this.now = options.now ?? Date.now;
    preparePrivateFolder(options.file);
    this.db = openSqlite(options.file, { secureDelete: true });
    try {
      this.db.exec(SCHEMA);
      this.statements = prepare(this.db);
      const retention = options.finishedRetentionMs ?? DEFAULT_FINISHED_RETENTION_MS;
      this.statements.pruneFinished.run(this.now() - retention);
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  static open(options: SqliteOutboxOptions | string): SqliteOutbox {
    return new SqliteOutbox(typeof options === 'string' ? { file: options } : options);
  }

  /** Queues a message; false (and nothing changes) when its id is queued or finished already. */
  enqueue(recipientNodeId: string, envelope: CrossBorderEnvelope): boolean {
    return this.db.transaction(() => {
      if (this.statements.known.get(envelope.id, envelope.id)) return false;
      const now = this.now();
      this.statements.insert.run(
        envelope.id,
        recipientNodeId,
        envelope.subject,
        JSON.stringify(envelope),
        now,
        now,
      );
      return true;
    })();
  }

  /** The oldest queued message of every recipient: the only one each recipient may be sent next. */
  heads(): OutboxMessage[] {
    return (this.statements.heads.all() as Row[]).map(toMessage);
  }

  /** Every queued message to one recipient, in order (for inspection and tests). */
  queued(recipientNodeId: string): OutboxMessage[] {
    return (this.statements.queuedTo.all(recipientNodeId) as Row[]).map(toMessage);
  }

  /** Records an attempt that needs another one later. No-op when the message left meanwhile. */
  retryLater(messageId: string, attempts: number, nextAttemptAt: number, error: string): void {
    this.statements.retryLater.run(attempts, nextAttemptAt, error.slice(0, 1000), messageId);
  }

  /** The message got its final verdict: it leaves the queue, its id and outcome stay. */
  finish(messageId: string, outcome: OutboxOutcome, attempts: number): void {
    this.db.transaction(() => {
      const row = this.statements.byId.get(messageId) as Row | undefined;
      if (!row) return;
      this.statements.remember.run(messageId, row.recipient, row.subject, outcome, attempts, this.now());
      this.statements.deleteById.run(messageId);
    })();
  }

  /** Makes the queued messages (of one recipient, or all) due now, whatever their backoff said. */
  retryNow(recipientNodeId?: string): void {
    if (recipientNodeId === undefined) this.statements.dueNowAll.run(this.now());
    else this.statements.dueNow.run(this.now(), recipientNodeId);
  }

  /** Removes every queued message about `subject`; returns how many. */
  withdraw(subject: string): number {
    return this.removeWhere(this.statements.bySubject.all(subject) as Row[], 'withdrawn');
  }

  /** Removes every queued message to one recipient (e.g. a partner removed for good); returns how many. */
  dropRecipient(recipientNodeId: string): number {
    return this.removeWhere(this.statements.queuedTo.all(recipientNodeId) as Row[], 'dropped');
  }

  /** Queued messages per recipient (recipients with none are absent). */
  pending(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const { recipient, count } of this.statements.pending.all() as {
      recipient: string;
      count: number;
    }[])
      counts[recipient] = count;
    return counts;
  }

  /** The outcome of a finished message, if this outbox finished it. */
  outcomeOf(messageId: string): OutboxOutcome | undefined {
    const row = this.statements.outcome.get(messageId) as { outcome: OutboxOutcome } | undefined;
    return row?.outcome;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private removeWhere(rows: Row[], outcome: OutboxOutcome): number {
    return this.db.transaction(() => {
      const now = this.now();
      for (const row of rows) {
        this.statements.remember.run(row.message_id, row.recipient, row.subject, outcome, row.attempts, now);
        this.statements.deleteById.run(row.message_id);
      }
      return rows.length;
    })();
  }
}

function prepare(db: Database.Database) {
  return {
    known: db.prepare(
      'SELECT 1 FROM outbox WHERE message_id = ? UNION ALL SELECT 1 FROM outbox_finished WHERE message_id = ?',
    ),
    insert: db.prepare(
      'INSERT INTO outbox (message_id, recipient, subject, envelope, next_attempt_at, queued_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    heads: db.prepare(
      'SELECT o.* FROM outbox o JOIN (SELECT MIN(seq) AS seq FROM outbox GROUP BY recipient) h ON o.seq = h.seq ORDER BY o.seq',
    ),
    queuedTo: db.prepare('SELECT * FROM outbox WHERE recipient = ? ORDER BY seq'),
    bySubject: db.prepare('SELECT * FROM outbox WHERE subject = ? ORDER BY seq'),
    byId: db.prepare('SELECT * FROM outbox WHERE message_id = ?'),
    retryLater: db.prepare(
      'UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE message_id = ?',
    ),
    remember: db.prepare(
      'INSERT OR REPLACE INTO outbox_finished (message_id, recipient, subject, outcome, attempts, finished_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    dueNow: db.prepare('UPDATE outbox SET next_attempt_at = MIN(next_attempt_at, ?) WHERE recipient = ?'),
    dueNowAll: db.prepare('UPDATE outbox SET next_attempt_at = MIN(next_attempt_at, ?)'),
    deleteById: db.prepare('DELETE FROM outbox WHERE message_id = ?'),
    pending: db.prepare('SELECT recipient, COUNT(*) AS count FROM outbox GROUP BY recipient'),
    outcome: db.prepare('SELECT outcome FROM outbox_finished WHERE message_id = ?'),
    pruneFinished: db.prepare('DELETE FROM outbox_finished WHERE finished_at < ?'),
  };
}

function toMessage(row: Row): OutboxMessage {
  const message: OutboxMessage = {
    seq: row.seq,
    messageId: row.message_id,
    recipientNodeId: row.recipient,
    subject: row.subject,
    envelope: JSON.parse(row.envelope) as CrossBorderEnvelope,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    queuedAt: row.queued_at,
  };
  if (row.last_error !== null) message.lastError = row.last_error;
  return message;
}

/**
 * A missing folder is created owner-only (openSqlite makes the file so). A folder that exists already
 * is left as it is (it may be shared, like the system's temp folder).
 */
function preparePrivateFolder(file: string): void {
  const dir = dirname(file);
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
}
