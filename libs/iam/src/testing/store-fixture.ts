import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Clock } from '@nrm/config/clock';
import { openAccountsDatabase } from '../stores/accounts-database';

/** What a contract suite gets from an adapter's spec: one backing store per test. */
export interface StoreFixture<Open> {
  /** Opens the store on the test's backing store; each call is another connection (another process). */
  open: Open;
  /** Closes every connection open() made and removes the backing store. */
  dispose(): void;
}

/** A clock the test moves (no waiting). */
export interface TestClock extends Clock {
  advanceSeconds(seconds: number): void;
}

export function testClock(startIso = '2025-03-01T08:00:00Z'): TestClock {
  let now = Date.parse(startIso);
  return {
    now: () => new Date(now),
    advanceSeconds: (seconds) => (now += seconds * 1000),
  };
}

/** A fresh accounts database in a temp folder, for the SQLite adapters' fixtures. */
export function tempAccountsDatabase(): { connect(): Database.Database; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'nrm-accounts-'));
  const opened: Database.Database[] = [];
  return {
    connect() {
      opened.push(openAccountsDatabase(dir));
      return opened[opened.length - 1];
    },
    dispose() {
      for (const db of opened) if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
