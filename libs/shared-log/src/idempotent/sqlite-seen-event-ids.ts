import { openSqlite } from '@nrm/common/sqlite/open-sqlite';
import type Database from 'better-sqlite3';
import type { SeenEventIds } from '../port/seen-event-ids.port';

export interface SqliteSeenEventIdsOptions {
  /** Database file (may be shared with other tables of the consumer). */
  file: string;
  /** Consumers sharing the file keep apart under their own scope (e.g. their group id). Default 'default'. */
  scope?: string;
  /** Ids kept per scope, oldest dropped first. Default 1,000,000 (about 60 MB). */
  maxEntries?: number;
  /** Pruning runs once per this many adds, not on every add. Default 1000. */
  pruneEvery?: number;
}

export const DEFAULT_SQLITE_SEEN_MAX_ENTRIES = 1_000_000;

/**
 * Persistent seen ids: survives a consumer restart, so the redeliveries that follow one (events handled
 * after the last committed offset) are dropped. Bounded, because a redelivery never reaches further back
 * than one relay batch plus one consumer's uncommitted tail; the default keeps a million ids, orders of
 * magnitude beyond that. Replaying a topic from the beginning on purpose (a rebuild) starts with a
 * fresh scope instead.
 */
export class SqliteSeenEventIds implements SeenEventIds {
  private readonly db: Database.Database;
  private readonly scope: string;
  private readonly maxEntries: number;
  private readonly pruneEvery: number;
  private addsSincePrune = 0;
  private readonly statements: {
    has: Database.Statement;
    add: Database.Statement;
    prune: Database.Statement;
  };

  private constructor(options: SqliteSeenEventIdsOptions) {
    this.scope = options.scope ?? 'default';
    this.maxEntries = options.maxEntries ?? DEFAULT_SQLITE_SEEN_MAX_ENTRIES;
    this.pruneEvery = options.pruneEvery ?? 1000;
    if (!Number.isSafeInteger(this.maxEntries) || this.maxEntries < 1)
      throw new RangeError('maxEntries must be a positive integer');
    this.db = openSqlite(options.file);
    try {
      this.db.exec(`CREATE TABLE IF NOT EXISTS seen_event_ids (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        scope TEXT NOT NULL,
        event_id TEXT NOT NULL,
        UNIQUE (scope, event_id)
      )`);
      this.statements = {
        has: this.db.prepare('SELECT 1 FROM seen_event_ids WHERE scope = ? AND event_id = ?'),
        add: this.db.prepare('INSERT OR IGNORE INTO seen_event_ids (scope, event_id) VALUES (?, ?)'),
        prune: this.db.prepare(`DELETE FROM seen_event_ids WHERE scope = @scope AND seq <= (
          SELECT seq FROM seen_event_ids WHERE scope = @scope ORDER BY seq DESC LIMIT 1 OFFSET @keep)`),
      };
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  static open(options: SqliteSeenEventIdsOptions): SqliteSeenEventIds {
    return new SqliteSeenEventIds(options);
  }

  async has(eventId: string): Promise<boolean> {
    return this.statements.has.get(this.scope, eventId) !== undefined;
  }

  async add(eventId: string): Promise<void> {
    this.statements.add.run(this.scope, eventId);
    if (++this.addsSincePrune >= this.pruneEvery) {
      this.addsSincePrune = 0;
      this.prune();
    }
  }

  /** Drops the oldest ids beyond maxEntries now. */
  prune(): void {
    this.statements.prune.run({ scope: this.scope, keep: this.maxEntries });
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
