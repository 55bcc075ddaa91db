import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { openSqlite } from '@nrm/common/sqlite/open-sqlite';

/** The accounts database in the node's data dir: accounts, refresh sessions, login throttling. */
export const ACCOUNTS_FILE = 'accounts.sqlite';

/** Synchronous FULL (openSqlite's default): a new account or a revoked session survives power loss. */
export function openAccountsDatabase(dataDir: string): Database.Database {
  return openSqlite(join(dataDir, ACCOUNTS_FILE));
}
