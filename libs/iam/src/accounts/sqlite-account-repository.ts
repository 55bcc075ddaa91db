import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { Role } from '../roles';
import { Account, AccountRepository, DuplicateUsernameError, NewAccount } from './account-repository.port';

/** Accounts in a table of the accounts database (stores/accounts-database.ts). */
export class SqliteAccountRepository implements AccountRepository {
  constructor(private readonly db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS accounts (
      user_id TEXT PRIMARY KEY,
      username TEXT NOT NULL UNIQUE COLLATE NOCASE,
      password_hash TEXT NOT NULL,
      role TEXT NOT NULL,
      agency TEXT,
      country TEXT,
      created_at TEXT NOT NULL
    )`);
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM accounts').get() as { n: number }).n;
  }

  create(input: NewAccount): Account {
    const account: Account = { ...input, userId: randomUUID(), createdAt: new Date().toISOString() };
    try {
      this.db
        .prepare(
          `INSERT INTO accounts (user_id, username, password_hash, role, agency, country, created_at)
           VALUES (@userId, @username, @passwordHash, @role, @agency, @country, @createdAt)`,
        )
        .run({ ...account, agency: account.agency ?? null, country: account.country ?? null });
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE')
        throw new DuplicateUsernameError(input.username);
      throw error;
    }
    return account;
  }

  findByUsername(username: string): Account | undefined {
    const row = this.db.prepare('SELECT * FROM accounts WHERE username = ?').get(username) as Row | undefined;
    return row && toAccount(row);
  }

  findById(userId: string): Account | undefined {
    const row = this.db.prepare('SELECT * FROM accounts WHERE user_id = ?').get(userId) as Row | undefined;
    return row && toAccount(row);
  }

  list(): Account[] {
    const rows = this.db.prepare('SELECT * FROM accounts ORDER BY username COLLATE NOCASE').all() as Row[];
    return rows.map(toAccount);
  }
}

interface Row {
  user_id: string;
  username: string;
  password_hash: string;
  role: Role;
  agency: string | null;
  country: string | null;
  created_at: string;
}

function toAccount(row: Row): Account {
  return {
    userId: row.user_id,
    username: row.username,
    passwordHash: row.password_hash,
    role: row.role,
    agency: row.agency ?? undefined,
    country: row.country ?? undefined,
    createdAt: row.created_at,
  };
}
