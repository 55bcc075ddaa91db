import { Clock } from '@nrm/config/clock';
import { RefreshSessionStore } from '../sessions/refresh-session-store.port';
import { StoreFixture, testClock, TestClock } from './store-fixture';

export type RefreshSessionStoreFixture = StoreFixture<
  (clock: Clock, ttlSeconds: number) => RefreshSessionStore
>;

const TTL = 8 * 3600;

/**
 * The behaviour every RefreshSessionStore adapter must show: rotation, reuse detection, the session's
 * fixed end, logout, signing out everywhere. Call it from the adapter's spec with a fixture.
 */
export function describeRefreshSessionStoreContract(
  name: string,
  newFixture: () => RefreshSessionStoreFixture,
) {
  describe(`RefreshSessionStore contract: ${name}`, () => {
    let fixture: RefreshSessionStoreFixture;
    let clock: TestClock;
    let sessions: RefreshSessionStore;
    beforeEach(() => {
      fixture = newFixture();
      clock = testClock();
      sessions = fixture.open(clock, TTL);
    });
    afterEach(() => fixture.dispose());

    /** Rotates and fails the test when the store refuses. */
    const rotated = (token: string) => {
      const result = sessions.rotate(token);
      if (!result.ok) throw new Error(`rotation refused: ${result.reason}`);
      return result;
    };

    it('starts a session that ends the TTL after login, with an opaque token', () => {
      const issued = sessions.start('user-1');
      expect(issued.expiresAt.getTime()).toBe(clock.now().getTime() + TTL * 1000);
      expect(issued.token.length).toBeGreaterThanOrEqual(32);
      expect(sessions.start('user-1').token).not.toBe(issued.token);
      expect(sessions.start('user-1').familyId).not.toBe(issued.familyId);
    });

    it('rotates: the next token belongs to the same user, session and end', () => {
      const first = sessions.start('user-1');
      clock.advanceSeconds(60);
      const result = rotated(first.token);
      expect(result.userId).toBe('user-1');
      expect(result.next.token).not.toBe(first.token);
      expect(result.next.familyId).toBe(first.familyId);
      expect(result.next.expiresAt).toEqual(first.expiresAt);
      expect(rotated(result.next.token).userId).toBe('user-1');
    });

    it('answers unknown for a token it never issued', () => {
      sessions.start('user-1');
      expect(sessions.rotate('not-a-token')).toEqual({ ok: false, reason: 'unknown' });
    });

    it('treats a rotated token presented again as stolen: the whole session is revoked', () => {
      const first = sessions.start('user-1').token;
      const second = rotated(first).next.token;
      expect(sessions.rotate(first)).toEqual({ ok: false, reason: 'reused' });
      expect(sessions.rotate(second)).toEqual({ ok: false, reason: 'reused' });
    });

    it('revokes only the session of the reused token, not the other sessions of the user', () => {
      const stolen = sessions.start('user-1').token;
      const other = sessions.start('user-1').token;
      rotated(stolen);
      sessions.rotate(stolen);
      expect(rotated(other).userId).toBe('user-1');
    });

    it('ends a session at the TTL from login, however often it was refreshed', () => {
      let token = sessions.start('user-1').token;
      for (let hour = 1; hour < 8; hour++) {
        clock.advanceSeconds(3600);
        token = rotated(token).next.token;
      }
      clock.advanceSeconds(3600);
      expect(sessions.rotate(token)).toEqual({ ok: false, reason: 'expired' });
    });

    it('logout ends the session of the token, for its own user only', () => {
      const first = sessions.start('user-1').token;
      const current = rotated(first).next.token;
      expect(sessions.revokeFamilyOf(current, 'user-2')).toBe(false);
      expect(rotated(current).userId).toBe('user-1');
      const last = sessions.start('user-1').token;
      expect(sessions.revokeFamilyOf(last, 'user-1')).toBe(true);
      expect(sessions.rotate(last).ok).toBe(false);
    });

    it('logout without a user ends the session; an unknown token answers false', () => {
      const token = sessions.start('user-1').token;
      expect(sessions.revokeFamilyOf(token)).toBe(true);
      expect(sessions.rotate(token).ok).toBe(false);
      expect(sessions.revokeFamilyOf('not-a-token')).toBe(false);
    });

    it("signing out everywhere ends every session of the user, and no other user's", () => {
      const laptop = sessions.start('user-1').token;
      const phone = rotated(sessions.start('user-1').token).next.token;
      const colleague = sessions.start('user-2').token;
      expect(sessions.revokeAllOf('user-1')).toBe(2);
      expect(sessions.rotate(laptop).ok).toBe(false);
      expect(sessions.rotate(phone).ok).toBe(false);
      expect(rotated(colleague).userId).toBe('user-2');
      expect(sessions.revokeAllOf('user-1')).toBe(0);
      // A login after the sign-out starts a session that works.
      expect(rotated(sessions.start('user-1').token).userId).toBe('user-1');
    });

    it('does not count expired sessions as ended by signing out', () => {
      sessions.start('user-1');
      clock.advanceSeconds(TTL);
      const live = sessions.start('user-1').token;
      expect(sessions.revokeAllOf('user-1')).toBe(1);
      expect(sessions.rotate(live).ok).toBe(false);
    });

    it('detects reuse across connections: a token rotated in one process is refused in another', () => {
      const other = fixture.open(clock, TTL);
      const first = sessions.start('user-1').token;
      const second = rotated(first).next.token;
      expect(other.rotate(first)).toEqual({ ok: false, reason: 'reused' });
      expect(sessions.rotate(second)).toEqual({ ok: false, reason: 'reused' });
    });
  });
}
