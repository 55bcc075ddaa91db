import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LoginThrottle } from './login-throttle';
import { RefreshTokenStore } from './refresh-token-store';

/** Expiry of locks and sessions, with a clock the test moves (no waiting). */
describe('login throttle and refresh tokens over time', () => {
  let dir: string;
  let now: number;
  const clock = { now: () => new Date(now) };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nrm-auth-'));
    now = Date.parse('2025-03-01T08:00:00Z');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('locks after the fifth failure within the window and unlocks when the lock ends', () => {
    const throttle = new LoginThrottle(join(dir, 'accounts.sqlite'), clock, {
      maxFailures: 5,
      lockoutSeconds: 900,
    });
    for (let i = 0; i < 4; i++) expect(throttle.recordFailure('Ana')).toBe(0);
    expect(throttle.lockedForSeconds('ana')).toBe(0);
    expect(throttle.recordFailure('ANA')).toBe(900); // case does not split the count
    now += 600_000;
    expect(throttle.lockedForSeconds('ana')).toBe(300);
    now += 300_000;
    expect(throttle.lockedForSeconds('ana')).toBe(0);
    expect(throttle.recordFailure('ana')).toBe(0); // a fresh window after the lock
    throttle.close();
  });

  it('forgets failures older than the window', () => {
    const throttle = new LoginThrottle(join(dir, 'accounts.sqlite'), clock, {
      maxFailures: 5,
      lockoutSeconds: 900,
    });
    for (let i = 0; i < 4; i++) throttle.recordFailure('ion');
    now += 901_000;
    expect(throttle.recordFailure('ion')).toBe(0);
    throttle.close();
  });

  it('ends a session at the refresh TTL from login, however often it was refreshed', () => {
    const store = new RefreshTokenStore(join(dir, 'accounts.sqlite'), clock, 8 * 3600);
    let token = store.start('user-1').token;
    for (let hour = 0; hour < 7; hour++) {
      now += 3600_000;
      const rotated = store.rotate(token);
      if (!rotated.ok) throw new Error(`refresh at hour ${hour + 1} failed: ${rotated.reason}`);
      token = rotated.next.token;
    }
    now += 3600_000;
    expect(store.rotate(token)).toEqual({ ok: false, reason: 'expired' });
    store.close();
  });

  it('revokes the family when a rotated token is presented again', () => {
    const store = new RefreshTokenStore(join(dir, 'accounts.sqlite'), clock, 3600);
    const first = store.start('user-1').token;
    const second = store.rotate(first);
    expect(second.ok).toBe(true);
    expect(store.rotate(first)).toEqual({ ok: false, reason: 'reused' });
    if (second.ok) expect(store.rotate(second.next.token)).toEqual({ ok: false, reason: 'reused' });
    store.close();
  });
});
