import { openSqlite } from '@nrm/common/sqlite/open-sqlite';
import type Database from 'better-sqlite3';
import type { CheckpointStore } from '../port/checkpoint-store.port';

/**
 * Positions by name in a SQLite file. WAL with synchronous NORMAL: a save costs no fsync on the node's
 * thread, and power loss may only take the last saves back, which makes the relay send those batches
 * again (it delivers at least once; consumers drop copies by event id). A process crash loses nothing.
 */
export class SqliteCheckpointStore implements CheckpointStore {
  private readonly db: Database.Database;
  private readonly loadStatement: Database.Statement;
  private readonly saveStatement: Database.Statement;

  private constructor(file: string) {
    this.db = openSqlite(file, { synchronous: 'NORMAL' });
    try {
      this.db.exec(
        'CREATE TABLE IF NOT EXISTS checkpoints (name TEXT PRIMARY KEY, position INTEGER NOT NULL)',
      );
      this.loadStatement = this.db.prepare('SELECT position FROM checkpoints WHERE name = ?');
      this.saveStatement = this.db.prepare(
        'INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position',
      );
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  static open(file: string): SqliteCheckpointStore {
    return new SqliteCheckpointStore(file);
  }

  async load(name: string): Promise<number | undefined> {
    const row = this.loadStatement.get(name) as { position: number } | undefined;
    return row?.position;
  }

  async save(name: string, position: number): Promise<void> {
    if (!Number.isSafeInteger(position) || position < 0)
      throw new RangeError('position must be a non-negative integer');
    this.saveStatement.run(name, position);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
