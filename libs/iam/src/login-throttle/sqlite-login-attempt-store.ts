import type Database from 'better-sqlite3';
import { Clock } from '@nrm/config/clock';
import { LoginAttemptStore, LoginThrottleOptions } from './login-attempt-store.port';

/**
 * Failed logins in a table of the accounts database (stores/accounts-database.ts), so that every
 * gateway process of a node sees them. Counting a failure is one IMMEDIATE transaction.
 */
export class SqliteLoginAttemptStore implements LoginAttemptStore {
  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock,
    private readonly options: LoginThrottleOptions,
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS login_failures (
      username_key TEXT PRIMARY KEY,
      failures INTEGER NOT NULL,
      window_started_at INTEGER NOT NULL,
      locked_until INTEGER
    )`);
  }

  lockedForSeconds(username: string): number {
    const row = this.row(username);
    const remaining = (row?.locked_until ?? 0) - this.clock.now().getTime();
    return remaining > 0 ? Math.ceil(remaining / 1000) : 0;
  }

  recordFailure(username: string): number {
    const now = this.clock.now().getTime();
    const windowMs = this.options.lockoutSeconds * 1000;
    return this.db
      .transaction(() => {
        this.db
          .prepare('DELETE FROM login_failures WHERE window_started_at <= ? AND IFNULL(locked_until, 0) <= ?')
          .run(now - windowMs, now);
        const row = this.row(username);
        const fresh = !row || row.window_started_at <= now - windowMs || (row.locked_until ?? 0) > 0;
        const failures = fresh ? 1 : row.failures + 1;
        const lockedUntil = failures >= this.options.maxFailures ? now + windowMs : null;
        this.db
          .prepare(
            `INSERT INTO login_failures (username_key, failures, window_started_at, locked_until)
           VALUES (@key, @failures, @started, @lockedUntil)
           ON CONFLICT (username_key) DO UPDATE SET failures = @failures,
             window_started_at = @started, locked_until = @lockedUntil`,
          )
          .run({
            key: keyOf(username),
            failures: lockedUntil ? 0 : failures,
            started: fresh ? now : row.window_started_at,
            lockedUntil,
          });
        return lockedUntil ? this.options.lockoutSeconds : 0;
      })
      .immediate();
  }

  recordSuccess(username: string): void {
    this.db.prepare('DELETE FROM login_failures WHERE username_key = ?').run(keyOf(username));
  }

  private row(username: string): ThrottleRow | undefined {
    return this.db.prepare('SELECT * FROM login_failures WHERE username_key = ?').get(keyOf(username)) as
      ThrottleRow | undefined;
  }
}

/** Usernames are unique regardless of case (the accounts table uses COLLATE NOCASE). */
function keyOf(username: string): string {
  return username.toLowerCase();
}

interface ThrottleRow {
  username_key: string;
  failures: number;
  window_started_at: number;
  locked_until: number | null;
}
