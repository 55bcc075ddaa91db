import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { Role } from '../roles';
import {
  Account,
  AccountChanges,
  AccountRepository,
  DuplicateUsernameError,
  NewAccount,
} from './account-repository.port';

/** Accounts in a table of the accounts database (stores/accounts-database.ts). */
export class SqliteAccountRepository implements AccountRepository {
  private byId?: Database.Statement;

  constructor(private readonly db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS accounts (
      user_id TEXT PRIMARY KEY,
      username TEXT NOT NULL UNIQUE COLLATE NOCASE,
      password_hash TEXT NOT NULL,
      role TEXT NOT NULL,
      agency TEXT,
      country TEXT,
      created_at TEXT NOT NULL,
      disabled INTEGER NOT NULL DEFAULT 0
    )`);
    // Databases made before accounts could be disabled: the column is added, every account enabled.
    const columns = db.prepare('PRAGMA table_info(accounts)').all() as { name: string }[];
    if (!columns.some((column) => column.name === 'disabled'))
      db.exec('ALTER TABLE accounts ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0');
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM accounts').get() as { n: number }).n;
  }

  create(input: NewAccount): Account {
    const account: Account = {
      ...input,
      userId: input.userId ?? randomUUID(),
      createdAt: input.createdAt ?? new Date().toISOString(),
      disabled: false,
    };
    try {
      this.db
        .prepare(
          `INSERT INTO accounts (user_id, username, password_hash, role, agency, country, created_at)
           VALUES (@userId, @username, @passwordHash, @role, @agency, @country, @createdAt)`,
        )
        .run({
          userId: account.userId,
          username: account.username,
          passwordHash: account.passwordHash,
          role: account.role,
          agency: account.agency ?? null,
          country: account.country ?? null,
          createdAt: account.createdAt,
        });
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
    // The guard asks on every request: prepared once.
    this.byId ??= this.db.prepare('SELECT * FROM accounts WHERE user_id = ?');
    const row = this.byId.get(userId) as Row | undefined;
    return row && toAccount(row);
  }

  list(): Account[] {
    const rows = this.db.prepare('SELECT * FROM accounts ORDER BY username COLLATE NOCASE').all() as Row[];
    return rows.map(toAccount);
  }

  update(userId: string, changes: AccountChanges): Account | undefined {
    // COALESCE: a field left out keeps its value (the port has no way to clear agency or country).
    this.db
      .prepare(
        `UPDATE accounts SET role = COALESCE(@role, role), agency = COALESCE(@agency, agency),
         country = COALESCE(@country, country) WHERE user_id = @userId`,
      )
      .run({
        userId,
        role: changes.role ?? null,
        agency: changes.agency ?? null,
        country: changes.country ?? null,
      });
    return this.findById(userId);
  }

  setDisabled(userId: string, disabled: boolean): Account | undefined {
    this.db.prepare('UPDATE accounts SET disabled = ? WHERE user_id = ?').run(disabled ? 1 : 0, userId);
    return this.findById(userId);
  }

  setPasswordHash(userId: string, passwordHash: string): Account | undefined {
    this.db.prepare('UPDATE accounts SET password_hash = ? WHERE user_id = ?').run(passwordHash, userId);
    return this.findById(userId);
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
  disabled: number;
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
    disabled: row.disabled === 1,
  };
}
