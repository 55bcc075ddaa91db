import type Database from 'better-sqlite3';

/**
 * AUTOINCREMENT (not plain rowid) so that a position is never handed out twice, even after the last
 * row was deleted. JSON columns hold canonical JSON text. leaf_hash and tree_root are the RFC 6962
 * leaf of the event and the tree root right after it; merkle_frontier holds the right edge of the tree
 * so a process can continue the tree without reading every leaf.
 */
export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS events (
  position        INTEGER PRIMARY KEY AUTOINCREMENT,
  stream_id       TEXT    NOT NULL,
  revision        INTEGER NOT NULL,
  event_id        TEXT    NOT NULL UNIQUE,
  type            TEXT    NOT NULL,
  schema_version  INTEGER NOT NULL,
  occurred_at     TEXT    NOT NULL,
  recorded_at     TEXT    NOT NULL,
  node_id         TEXT    NOT NULL,
  actor           TEXT    NOT NULL,
  correlation_id  TEXT    NOT NULL,
  causation_id    TEXT,
  data            TEXT    NOT NULL,
  personal        TEXT,
  leaf_hash       BLOB    NOT NULL,
  tree_root       BLOB    NOT NULL,
  UNIQUE (stream_id, revision)
);

CREATE TABLE IF NOT EXISTS checkpoints (
  size        INTEGER PRIMARY KEY,
  root        TEXT    NOT NULL,
  signature   TEXT    NOT NULL,
  key_id      TEXT    NOT NULL,
  origin      TEXT    NOT NULL,
  created_at  TEXT    NOT NULL
);

CREATE TABLE IF NOT EXISTS merkle_frontier (
  id     INTEGER PRIMARY KEY CHECK (id = 1),
  size   INTEGER NOT NULL,
  nodes  BLOB    NOT NULL
);
`;

export function applySchema(db: Database.Database): void {
  db.exec(SCHEMA_SQL);
}
