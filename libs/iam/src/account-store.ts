import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { Role } from './roles';

export interface Account {
  userId: string;
  username: string;
  passwordHash: string;
  role: Role;
  agency?: string;
  country?: string;
  createdAt: string;
}

export class DuplicateUsernameError extends Error {
  constructor(username: string) {
    super(`username ${username} is taken`);
    this.name = 'DuplicateUsernameError';
  }
}

/** The accounts database in the node's data dir (accounts, sessions, login throttling). */
export const ACCOUNTS_FILE = 'accounts.sqlite';

/** Local accounts of the embedded default (an OIDC provider replaces them in production). */
export class AccountStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS accounts (
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

  create(input: Omit<Account, 'userId' | 'createdAt'>): Account {
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

  close() {
    this.db.close();
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
