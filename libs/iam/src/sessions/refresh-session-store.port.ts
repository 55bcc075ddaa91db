export interface IssuedRefreshToken {
  token: string;
  familyId: string;
  expiresAt: Date;
}

export type RotateResult =
  | { ok: true; userId: string; next: IssuedRefreshToken }
  | { ok: false; reason: 'unknown' | 'expired' | 'reused' };

/**
 * Sessions as families of opaque refresh tokens. Each login starts a family; refreshing revokes the
 * presented token and issues its successor in the same family with the same expiry (a session lasts
 * at most the refresh TTL from login). Presenting a revoked token means a copy is in someone else's
 * hands, so the whole family is revoked. Calls are synchronous: the adapters are embedded databases.
 */
export interface RefreshSessionStore {
  /** A new session (family) for a user who just logged in. */
  start(userId: string): IssuedRefreshToken;
  /** Of two rotations with one token, even in two processes, only one succeeds. */
  rotate(token: string): RotateResult;
  /** Logout: ends the session the token belongs to (if it is `userId`'s, when given). False when unknown. */
  revokeFamilyOf(token: string, userId?: string): boolean;
  /** "Sign out everywhere": ends every session of the user. The number of sessions that were live. */
  revokeAllOf(userId: string): number;
}

export const REFRESH_SESSION_STORE = Symbol('REFRESH_SESSION_STORE');
