import { tempAccountsDatabase } from '../testing/store-fixture';
import { describeAccountRepositoryContract } from '../testing/account-repository.contract';
import { SqliteAccountRepository } from './sqlite-account-repository';

describeAccountRepositoryContract('SqliteAccountRepository', () => {
  const database = tempAccountsDatabase();
  return { open: () => new SqliteAccountRepository(database.connect()), dispose: database.dispose };
});
