/**
 * Failed logins per username and the lock they lead to: after `maxFailures` failures within the
 * lockout window the username is locked for as long. Keyed by the name as typed, regardless of case,
 * whether or not such an account exists: the answers for unknown and known usernames are the same.
 * Calls are synchronous: the adapters are embedded databases.
 */
export interface LoginAttemptStore {
  /** Seconds until the username may try again, or 0 when it is not locked. */
  lockedForSeconds(username: string): number;
  /** Counts a failure; returns the lock in seconds when this failure locks the username, else 0. */
  recordFailure(username: string): number;
  /** A successful login forgets the username's failures. */
  recordSuccess(username: string): void;
}

export interface LoginThrottleOptions {
  maxFailures: number;
  /** Both the window in which failures count and the length of the lock. */
  lockoutSeconds: number;
}

export const LOGIN_ATTEMPT_STORE = Symbol('LOGIN_ATTEMPT_STORE');
