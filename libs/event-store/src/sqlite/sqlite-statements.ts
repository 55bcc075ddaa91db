import type Database from 'better-sqlite3';
import { EVENT_COLUMNS, STORED_LEAF_COLUMNS } from './event-row';

const WRITTEN_COLUMNS = [...EVENT_COLUMNS, 'leaf_hash', 'tree_root'];

/** Every statement of the embedded event store, prepared once per connection (reader and writer). */
export function prepareStatements(db: Database.Database) {
  return {
    streamRevision: db.prepare('SELECT max(revision) AS revision FROM events WHERE stream_id = ?'),
    head: db.prepare('SELECT coalesce(max(position), 0) AS head FROM events'),
    // Positional: binding by name costs about twice as much per row (EVENT_COLUMNS keeps the order).
    insertEvent: db.prepare(
      `INSERT INTO events (${WRITTEN_COLUMNS.join(', ')}) VALUES (${WRITTEN_COLUMNS.map(() => '?').join(', ')})`,
    ),
    readStream: db.prepare('SELECT * FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision'),
    // The envelope only: the leaf hash and tree root blobs would be a third of the read's cost, unused.
    readAll: db.prepare(
      `SELECT position, ${EVENT_COLUMNS.join(', ')} FROM events WHERE position > ? ORDER BY position LIMIT ?`,
    ),
    readIntegrity: db.prepare('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?'),
    // Rows as arrays: a verifier reads every row of the log, and arrays cost less to build than objects.
    readStoredLeaves: db
      .prepare(
        `SELECT ${STORED_LEAF_COLUMNS.join(', ')} FROM events WHERE position > ? ORDER BY position LIMIT ?`,
      )
      .raw(),
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

export type EventStoreStatements = ReturnType<typeof prepareStatements>;
