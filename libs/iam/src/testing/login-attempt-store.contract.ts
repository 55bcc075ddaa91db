import { Clock } from '@nrm/config/clock';
import { LoginAttemptStore, LoginThrottleOptions } from '../login-throttle/login-attempt-store.port';
import { StoreFixture, testClock, TestClock } from './store-fixture';

export type LoginAttemptStoreFixture = StoreFixture<
  (clock: Clock, options: LoginThrottleOptions) => LoginAttemptStore
>;

const OPTIONS: LoginThrottleOptions = { maxFailures: 5, lockoutSeconds: 900 };

/** The behaviour every LoginAttemptStore adapter must show: lockout after N failures, and its end. */
export function describeLoginAttemptStoreContract(name: string, newFixture: () => LoginAttemptStoreFixture) {
  describe(`LoginAttemptStore contract: ${name}`, () => {
    let fixture: LoginAttemptStoreFixture;
    let clock: TestClock;
    let attempts: LoginAttemptStore;
    beforeEach(() => {
      fixture = newFixture();
      clock = testClock();
      attempts = fixture.open(clock, OPTIONS);
    });
    afterEach(() => fixture.dispose());

    const fail = (username: string, times: number) => {
      for (let i = 0; i < times; i++) expect(attempts.recordFailure(username)).toBe(0);
    };

    it('locks after the fifth failure within the window and unlocks when the lock ends', () => {
      fail('Ana', 4);
      expect(attempts.lockedForSeconds('ana')).toBe(0);
      expect(attempts.recordFailure('ANA')).toBe(900); // case does not split the count
      clock.advanceSeconds(600);
      expect(attempts.lockedForSeconds('ana')).toBe(300);
      clock.advanceSeconds(300);
      expect(attempts.lockedForSeconds('ana')).toBe(0);
      expect(attempts.recordFailure('ana')).toBe(0); // a fresh window after the lock
    });

    it('forgets failures older than the window', () => {
      fail('ion', 4);
      clock.advanceSeconds(901);
      fail('ion', 4);
      expect(attempts.lockedForSeconds('ion')).toBe(0);
      expect(attempts.recordFailure('ion')).toBe(900);
    });

    it('forgets the failures of a username that logs in successfully', () => {
      fail('ion', 4);
      attempts.recordSuccess('Ion');
      fail('ion', 4);
      expect(attempts.lockedForSeconds('ion')).toBe(0);
    });

    it('counts each username on its own, whether or not an account has it', () => {
      fail('ana', 4);
      expect(attempts.recordFailure('nobody-at-all')).toBe(0);
      fail('nobody-at-all', 3);
      expect(attempts.recordFailure('nobody-at-all')).toBe(900);
      expect(attempts.lockedForSeconds('ana')).toBe(0);
    });

    it('takes its limits from the options', () => {
      const strict = fixture.open(clock, { maxFailures: 2, lockoutSeconds: 60 });
      expect(strict.recordFailure('mara')).toBe(0);
      expect(strict.recordFailure('mara')).toBe(60);
      expect(strict.lockedForSeconds('mara')).toBe(60);
    });

    it('shares the count between connections: every gateway process sees the lock', () => {
      const other = fixture.open(clock, OPTIONS);
      fail('ana', 2);
      for (let i = 0; i < 2; i++) expect(other.recordFailure('ana')).toBe(0);
      expect(attempts.recordFailure('ana')).toBe(900);
      expect(other.lockedForSeconds('ana')).toBe(900);
    });
  });
}
