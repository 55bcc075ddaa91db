import type Database from 'better-sqlite3';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Clock } from '@nrm/config/clock';
import { IssuedRefreshToken, RefreshSessionStore, RotateResult } from './refresh-session-store.port';

/** Only the hash is kept: a copy of the accounts file does not hand out live sessions. */
function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Refresh tokens in a table of the accounts database (stores/accounts-database.ts), so that every
 * gateway process of a node shares the sessions. Rotation is one IMMEDIATE transaction.
 */
export class SqliteRefreshSessionStore implements RefreshSessionStore {
  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock,
    private readonly ttlSeconds: number,
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS refresh_tokens (
      token_hash TEXT PRIMARY KEY,
      user_id TEXT NOT NULL,
      family_id TEXT NOT NULL,
      expires_at INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      revoked_at INTEGER
    );
    CREATE INDEX IF NOT EXISTS refresh_tokens_family ON refresh_tokens (family_id);
    CREATE INDEX IF NOT EXISTS refresh_tokens_expiry ON refresh_tokens (expires_at)`);
  }

  start(userId: string): IssuedRefreshToken {
    const now = this.clock.now().getTime();
    this.prune(now);
    return this.insert(userId, randomUUID(), now + this.ttlSeconds * 1000, now);
  }

  rotate(token: string): RotateResult {
    const now = this.clock.now().getTime();
    return this.db
      .transaction((): RotateResult => {
        const row = this.db
          .prepare(
            'SELECT user_id, family_id, expires_at, revoked_at FROM refresh_tokens WHERE token_hash = ?',
          )
          .get(hashRefreshToken(token)) as Row | undefined;
        if (!row) return { ok: false, reason: 'unknown' };
        if (row.revoked_at !== null) {
          this.revokeFamilyAt(row.family_id, now);
          return { ok: false, reason: 'reused' };
        }
        if (row.expires_at <= now) return { ok: false, reason: 'expired' };
        // Conditional update: of two concurrent refreshes with one token, only one wins (even across processes).
        const revoked = this.db
          .prepare('UPDATE refresh_tokens SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL')
          .run(now, hashRefreshToken(token));
        if (revoked.changes !== 1) {
          this.revokeFamilyAt(row.family_id, now);
          return { ok: false, reason: 'reused' };
        }
        return {
          ok: true,
          userId: row.user_id,
          next: this.insert(row.user_id, row.family_id, row.expires_at, now),
        };
      })
      .immediate();
  }

  revokeFamilyOf(token: string, userId?: string): boolean {
    const row = this.db
      .prepare('SELECT family_id, user_id FROM refresh_tokens WHERE token_hash = ?')
      .get(hashRefreshToken(token)) as { family_id: string; user_id: string } | undefined;
    if (!row || (userId !== undefined && row.user_id !== userId)) return false;
    this.revokeFamilyAt(row.family_id, this.clock.now().getTime());
    return true;
  }

  revokeAllOf(userId: string): number {
    const now = this.clock.now().getTime();
    // One transaction: a rotation racing the sign-out cannot leave a live successor behind.
    return this.db
      .transaction((): number => {
        const live = this.db
          .prepare(
            `SELECT COUNT(DISTINCT family_id) AS n FROM refresh_tokens
             WHERE user_id = ? AND revoked_at IS NULL AND expires_at > ?`,
          )
          .get(userId, now) as { n: number };
        this.db
          .prepare('UPDATE refresh_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL')
          .run(now, userId);
        return live.n;
      })
      .immediate();
  }

  private insert(userId: string, familyId: string, expiresAt: number, now: number): IssuedRefreshToken {
    const token = randomBytes(32).toString('base64url');
    this.db
      .prepare(
        `INSERT INTO refresh_tokens (token_hash, user_id, family_id, expires_at, created_at)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(hashRefreshToken(token), userId, familyId, expiresAt, now);
    return { token, familyId, expiresAt: new Date(expiresAt) };
  }

  private revokeFamilyAt(familyId: string, now: number) {
    this.db
      .prepare('UPDATE refresh_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL')
      .run(now, familyId);
  }

  /** Expired rows can never be used again (and reuse of an expired token is harmless): drop them. */
  private prune(now: number) {
    this.db.prepare('DELETE FROM refresh_tokens WHERE expires_at <= ?').run(now);
  }
}

interface Row {
  user_id: string;
  family_id: string;
  expires_at: number;
  revoked_at: number | null;
}
