import { tempAccountsDatabase } from '../testing/store-fixture';
import { describeAccountRepositoryContract } from '../testing/account-repository.contract';
import { SqliteAccountRepository } from './sqlite-account-repository';

describeAccountRepositoryContract('SqliteAccountRepository', () => {
  const database = tempAccountsDatabase();
  return { open: () => new SqliteAccountRepository(database.connect()), dispose: database.dispose };
});

describe('SqliteAccountRepository on a database made before accounts could be disabled', () => {
  it('adds the column and keeps every existing account enabled', () => {
    const database = tempAccountsDatabase();
    try {
      const old = database.connect();
      old.exec(`CREATE TABLE accounts (
        user_id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE COLLATE NOCASE, password_hash TEXT NOT NULL,
        role TEXT NOT NULL, agency TEXT, country TEXT, created_at TEXT NOT NULL)`);
      old
        .prepare(
          `INSERT INTO accounts VALUES ('u1', 'admin', 'h', 'admin', NULL, NULL, '2025-01-01T00:00:00Z')`,
        )
        .run();
      const accounts = new SqliteAccountRepository(database.connect());
      expect(accounts.findById('u1')).toMatchObject({ username: 'admin', disabled: false });
      expect(accounts.setDisabled('u1', true)?.disabled).toBe(true);
      // Opening it again (another process, a restart) finds the column and adds nothing.
      expect(new SqliteAccountRepository(database.connect()).findById('u1')?.disabled).toBe(true);
    } finally {
      database.dispose();
    }
  });
});
