import Database from 'better-sqlite3';

/**
 * A connection to the log with the store's durability: WAL, and synchronous=FULL, so a committed append
 * survives power loss, not only a process crash. The record of a victim's case is worth more than
 * write throughput; the benchmark's raw baseline uses the same setting.
 */
export function openWriterConnection(file: string, busyTimeoutMs: number): Database.Database {
  const db = new Database(file);
  try {
    if (file !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    // Each append runs in a savepoint, whose undo copy of every page it touches would otherwise spill
    // to a temporary file past 64 KiB (a batch of 100 events): memory is enough, nothing there is durable.
    db.pragma('temp_store = MEMORY');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
