import Database from 'better-sqlite3';
import type { NewEvent, StoredEvent } from '@nrm/event-store/port';

/**
 * The floor the embedded store is measured against: plain better-sqlite3, the same row contents and
 * indexes (minus the store's own Merkle columns), the same pragmas (WAL, synchronous=FULL), one
 * transaction per append, no revision check, no hashing, no signing.
 */
export class RawBaseline {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  private readonly appendTx: Database.Transaction<
    (streamId: string, events: NewEvent[], revision: number) => void
  >;
  private readonly copyTx: Database.Transaction<(events: readonly StoredEvent[]) => void>;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS events (
      position INTEGER PRIMARY KEY AUTOINCREMENT, stream_id TEXT NOT NULL, revision INTEGER NOT NULL,
      event_id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, schema_version INTEGER NOT NULL,
      occurred_at TEXT NOT NULL, recorded_at TEXT NOT NULL, node_id TEXT NOT NULL, actor TEXT NOT NULL,
      correlation_id TEXT NOT NULL, causation_id TEXT, data TEXT NOT NULL, personal TEXT,
      UNIQUE (stream_id, revision))`);
    this.insert = this.db.prepare(`INSERT INTO events (stream_id, revision, event_id, type, schema_version,
      occurred_at, recorded_at, node_id, actor, correlation_id, causation_id, data, personal)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.appendTx = this.db.transaction((streamId: string, events: NewEvent[], revision: number) => {
      const recordedAt = new Date().toISOString();
      events.forEach((e, i) => this.insertRow(streamId, revision + i, e, recordedAt));
    });
    this.copyTx = this.db.transaction((events: readonly StoredEvent[]) => {
      for (const e of events) this.insertRow(e.streamId, e.revision, e, e.recordedAt);
    });
  }

  private insertRow(streamId: string, revision: number, e: NewEvent, recordedAt: string): void {
    this.insert.run(
      streamId,
      revision,
      e.id,
      e.type,
      e.schemaVersion,
      e.occurredAt,
      recordedAt,
      e.nodeId,
      JSON.stringify(e.actor),
      e.correlationId,
      e.causationId ?? null,
      JSON.stringify(e.data),
      e.personal ? JSON.stringify(e.personal) : null,
    );
  }

  /** Copies rows of another log as they are (stream, revision, recorded time), one transaction. */
  appendRows(events: readonly StoredEvent[]): void {
    this.copyTx.immediate(events);
  }

  append(streamId: string, events: NewEvent[], revision: number): void {
    this.appendTx.immediate(streamId, events, revision);
  }

  /** Reads every row back in position order, parsing the JSON columns; returns the row count. */
  readAllParsed(pageSize = 1000): number {
    return readAllParsed(this.db, pageSize);
  }

  close(): void {
    this.db.close();
  }
}

/**
 * The read-and-parse floor: every row of an `events` table in position order, a page at a time, its JSON
 * columns parsed and nothing else done; returns the row count. Works on the store's own file too.
 */
export function readAllParsed(db: Database.Database, pageSize = 1000): number {
  const page = db.prepare<
    [number, number],
    { position: number; actor: string; data: string; personal: string | null }
  >('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?');
  let count = 0;
  for (let from = 0; ;) {
    const rows = page.all(from, pageSize);
    if (!rows.length) return count;
    for (const row of rows) {
      JSON.parse(row.actor);
      JSON.parse(row.data);
      if (row.personal) JSON.parse(row.personal);
    }
    count += rows.length;
    from = rows[rows.length - 1].position;
  }
}
