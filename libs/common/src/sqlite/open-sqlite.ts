import Database from 'better-sqlite3';
import { chmodSync, closeSync, openSync } from 'node:fs';

export interface OpenSqliteOptions {
  /**
   * FULL (default): a committed transaction survives power loss. NORMAL: in WAL mode the last commits
   * may be lost on power loss (the file is never corrupted), so only for what can be rebuilt.
   */
  synchronous?: 'FULL' | 'NORMAL';
  /** How long a statement waits for another connection's lock before SQLITE_BUSY. Default 5000. */
  busyTimeoutMs?: number;
  /** Overwrite the bytes of deleted rows (for files holding keys or ciphertext). Default off. */
  secureDelete?: boolean;
}

/**
 * Opens a store's SQLite file the way every store of a node does: owner-only (0600) before SQLite
 * writes a byte, because SQLite gives the -wal and -shm files the mode of the main file; WAL, so
 * readers never block the writer and other processes see each commit; synchronous FULL unless NORMAL
 * is asked for; a busy timeout for the other processes of the node. ':memory:' has no file and no WAL.
 */
export function openSqlite(file: string, options: OpenSqliteOptions = {}): Database.Database {
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  if (!Number.isSafeInteger(busyTimeoutMs) || busyTimeoutMs < 0)
    throw new RangeError('busyTimeoutMs must be a non-negative integer');
  const inMemory = file === ':memory:';
  if (!inMemory) makePrivate(file);
  const db = new Database(file, { timeout: busyTimeoutMs });
  try {
    if (!inMemory) db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    if (options.secureDelete) db.pragma('secure_delete = ON');
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** Creates the file owner-only, and takes group and other access away from one that exists. */
function makePrivate(file: string): void {
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
}
