import { tempAccountsDatabase } from '../testing/store-fixture';
import { describeLoginAttemptStoreContract } from '../testing/login-attempt-store.contract';
import { SqliteLoginAttemptStore } from './sqlite-login-attempt-store';

describeLoginAttemptStoreContract('SqliteLoginAttemptStore', () => {
  const database = tempAccountsDatabase();
  return {
    open: (clock, options) => new SqliteLoginAttemptStore(database.connect(), clock, options),
    dispose: database.dispose,
  };
});
