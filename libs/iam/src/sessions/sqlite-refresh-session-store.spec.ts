import { tempAccountsDatabase } from '../testing/store-fixture';
import { describeRefreshSessionStoreContract } from '../testing/refresh-session-store.contract';
import { SqliteRefreshSessionStore } from './sqlite-refresh-session-store';

describeRefreshSessionStoreContract('SqliteRefreshSessionStore', () => {
  const database = tempAccountsDatabase();
  return {
    open: (clock, ttlSeconds) => new SqliteRefreshSessionStore(database.connect(), clock, ttlSeconds),
    dispose: database.dispose,
  };
});
