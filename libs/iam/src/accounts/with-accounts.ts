import { openAccountsDatabase } from '../stores/accounts-database';
import { AccountRepository } from './account-repository.port';
import { SqliteAccountRepository } from './sqlite-account-repository';

/** The node's accounts for one short use outside the server (the CLI), closed again after it. */
export function withAccounts<T>(dataDir: string, use: (accounts: AccountRepository) => T): T {
  const db = openAccountsDatabase(dataDir);
  try {
    return use(new SqliteAccountRepository(db));
  } finally {
    db.close();
  }
}
