import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { Clock, CLOCK } from '@nrm/config/clock';
import { NODE_CONFIG, NodeConfig } from '@nrm/config/node-config';
import { ACCOUNT_REPOSITORY } from '../accounts/account-repository.port';
import { SqliteAccountRepository } from '../accounts/sqlite-account-repository';
import { LOGIN_ATTEMPT_STORE } from '../login-throttle/login-attempt-store.port';
import { SqliteLoginAttemptStore } from '../login-throttle/sqlite-login-attempt-store';
import { REFRESH_SESSION_STORE } from '../sessions/refresh-session-store.port';
import { SqliteRefreshSessionStore } from '../sessions/sqlite-refresh-session-store';
import { openAccountsDatabase } from './accounts-database';

/** The one connection to the accounts database that the stores of a process share. */
const ACCOUNTS_DATABASE = Symbol('ACCOUNTS_DATABASE');

/**
 * The stores of accounts, sessions and login throttling, each behind its port, all in the accounts
 * database of the node's data dir. Needs NODE_CONFIG and CLOCK (PlatformModule provides them). The
 * database is opened once per process and closed once, on shutdown.
 */
@Module({
  providers: [
    {
      provide: ACCOUNTS_DATABASE,
      useFactory: (config: NodeConfig) => openAccountsDatabase(config.dataDir),
      inject: [NODE_CONFIG],
    },
    {
      provide: ACCOUNT_REPOSITORY,
      useFactory: (db: Database.Database) => new SqliteAccountRepository(db),
      inject: [ACCOUNTS_DATABASE],
    },
    {
      provide: REFRESH_SESSION_STORE,
      useFactory: (db: Database.Database, config: NodeConfig, clock: Clock) =>
        new SqliteRefreshSessionStore(db, clock, config.refreshTokenTtlSeconds),
      inject: [ACCOUNTS_DATABASE, NODE_CONFIG, CLOCK],
    },
    {
      provide: LOGIN_ATTEMPT_STORE,
      useFactory: (db: Database.Database, config: NodeConfig, clock: Clock) =>
        new SqliteLoginAttemptStore(db, clock, {
          maxFailures: config.loginMaxFailures,
          lockoutSeconds: config.loginLockoutSeconds,
        }),
      inject: [ACCOUNTS_DATABASE, NODE_CONFIG, CLOCK],
    },
  ],
  exports: [ACCOUNT_REPOSITORY, REFRESH_SESSION_STORE, LOGIN_ATTEMPT_STORE],
})
export class IamStoresModule implements OnApplicationShutdown {
  constructor(@Inject(ACCOUNTS_DATABASE) private readonly db: Database.Database) {}

  onApplicationShutdown(): void {
    if (this.db.open) this.db.close();
  }
}
