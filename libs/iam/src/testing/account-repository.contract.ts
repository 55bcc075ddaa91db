import { AccountRepository, DuplicateUsernameError, NewAccount } from '../accounts/account-repository.port';
import { StoreFixture } from './store-fixture';

export type AccountRepositoryFixture = StoreFixture<() => AccountRepository>;

const ANA: NewAccount = {
  username: 'ana.popescu',
  passwordHash: 'scrypt$hash-of-ana',
  role: 'case_manager',
  agency: 'ANITP',
  country: 'RO',
};

/**
 * The behaviour every AccountRepository adapter must show. Call it from the adapter's spec:
 * `describeAccountRepositoryContract('SqliteAccountRepository', () => fixture)`.
 */
export function describeAccountRepositoryContract(name: string, newFixture: () => AccountRepositoryFixture) {
  describe(`AccountRepository contract: ${name}`, () => {
    let fixture: AccountRepositoryFixture;
    let accounts: AccountRepository;
    beforeEach(() => {
      fixture = newFixture();
      accounts = fixture.open();
    });
    afterEach(() => fixture.dispose());

    it('starts empty and counts the accounts it creates', () => {
      expect(accounts.count()).toBe(0);
      accounts.create(ANA);
      accounts.create({ username: 'admin', passwordHash: 'h', role: 'admin' });
      expect(accounts.count()).toBe(2);
    });

    it('gives each account a fresh id and its creation time, and finds it by id and by username', () => {
      const created = accounts.create(ANA);
      const other = accounts.create({ ...ANA, username: 'ion.ionescu' });
      expect(created).toMatchObject(ANA);
      expect(created.userId).not.toBe(other.userId);
      expect(Number.isNaN(Date.parse(created.createdAt))).toBe(false);
      expect(accounts.findById(created.userId)).toEqual(created);
      expect(accounts.findByUsername('ana.popescu')).toEqual(created);
    });

    it('finds a username regardless of case', () => {
      const created = accounts.create(ANA);
      expect(accounts.findByUsername('Ana.Popescu')?.userId).toBe(created.userId);
    });

    it('keeps agency and country absent when not given', () => {
      const created = accounts.create({ username: 'admin', passwordHash: 'h', role: 'admin' });
      const found = accounts.findById(created.userId);
      expect(found).toEqual(created);
      expect(found?.agency).toBeUndefined();
      expect(found?.country).toBeUndefined();
    });

    it('refuses a username that is taken, in any case, and keeps the first account', () => {
      const first = accounts.create(ANA);
      expect(() => accounts.create({ ...ANA, passwordHash: 'other' })).toThrow(DuplicateUsernameError);
      expect(() => accounts.create({ ...ANA, username: 'ANA.POPESCU', role: 'admin' })).toThrow(
        DuplicateUsernameError,
      );
      expect(accounts.count()).toBe(1);
      expect(accounts.findByUsername('ana.popescu')).toEqual(first);
    });

    it('lists every account by username regardless of case, as created', () => {
      expect(accounts.list()).toEqual([]);
      const ion = accounts.create({ ...ANA, username: 'Ion.Ionescu', role: 'auditor' });
      const admin = accounts.create({ username: 'admin', passwordHash: 'h', role: 'admin' });
      const ana = accounts.create(ANA);
      expect(accounts.list()).toEqual([admin, ana, ion]);
    });

    it('answers undefined for an unknown username or id', () => {
      accounts.create(ANA);
      expect(accounts.findByUsername('nobody')).toBeUndefined();
      expect(accounts.findById('00000000-0000-4000-8000-000000000000')).toBeUndefined();
    });

    it('creates accounts enabled', () => {
      expect(accounts.create(ANA).disabled).toBe(false);
    });

    it('changes role, agency and country, keeping what the changes leave out', () => {
      const created = accounts.create(ANA);
      const changed = accounts.update(created.userId, { role: 'auditor' });
      expect(changed).toEqual({ ...created, role: 'auditor' });
      const moved = accounts.update(created.userId, { agency: 'national-police', country: 'MD' });
      expect(moved).toEqual({ ...created, role: 'auditor', agency: 'national-police', country: 'MD' });
      expect(accounts.findById(created.userId)).toEqual(moved);
      expect(accounts.update(created.userId, {})).toEqual(moved);
    });

    it('disables and re-enables an account, which keeps everything else', () => {
      const created = accounts.create(ANA);
      expect(accounts.setDisabled(created.userId, true)).toEqual({ ...created, disabled: true });
      expect(accounts.findByUsername('ana.popescu')?.disabled).toBe(true);
      expect(accounts.list()[0].disabled).toBe(true);
      expect(accounts.setDisabled(created.userId, false)).toEqual(created);
      expect(accounts.findById(created.userId)?.disabled).toBe(false);
    });

    it('replaces the password hash of one account only', () => {
      const created = accounts.create(ANA);
      const other = accounts.create({ ...ANA, username: 'ion.ionescu' });
      expect(accounts.setPasswordHash(created.userId, 'scrypt$new')).toEqual({
        ...created,
        passwordHash: 'scrypt$new',
      });
      expect(accounts.findById(other.userId)).toEqual(other);
    });

    it('answers undefined when changing an unknown id, and creates nothing', () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      expect(accounts.update(unknown, { role: 'admin' })).toBeUndefined();
      expect(accounts.setDisabled(unknown, true)).toBeUndefined();
      expect(accounts.setPasswordHash(unknown, 'h')).toBeUndefined();
      expect(accounts.count()).toBe(0);
    });

    it('shares changes between connections', () => {
      const other = fixture.open();
      const created = accounts.create(ANA);
      accounts.setDisabled(created.userId, true);
      accounts.update(created.userId, { role: 'auditor' });
      expect(other.findById(created.userId)).toMatchObject({ disabled: true, role: 'auditor' });
    });

    it('shares accounts between connections: one created in one process is found and taken in another', () => {
      const other = fixture.open();
      const created = accounts.create(ANA);
      expect(other.findById(created.userId)).toEqual(created);
      expect(() => other.create(ANA)).toThrow(DuplicateUsernameError);
    });
  });
}
