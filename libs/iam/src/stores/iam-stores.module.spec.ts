import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { CLOCK, systemClock } from '@nrm/config/clock';
import { NODE_CONFIG, readNodeConfig } from '@nrm/config/node-config';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACCOUNT_REPOSITORY, AccountRepository } from '../accounts/account-repository.port';
import { LOGIN_ATTEMPT_STORE, LoginAttemptStore } from '../login-throttle/login-attempt-store.port';
import { REFRESH_SESSION_STORE, RefreshSessionStore } from '../sessions/refresh-session-store.port';
import { withAccounts } from '../accounts/with-accounts';
import { IamStoresModule } from './iam-stores.module';

describe('IamStoresModule', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'nrm-iam-stores-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  async function start() {
    @Global()
    @Module({
      providers: [
        {
          provide: NODE_CONFIG,
          useValue: readNodeConfig({ NRM_DATA_DIR: dataDir, NRM_LOGIN_MAX_FAILURES: '2' }),
        },
        { provide: CLOCK, useValue: systemClock },
      ],
      exports: [NODE_CONFIG, CLOCK],
    })
    class ConfigStub {}
    const app = await Test.createTestingModule({ imports: [ConfigStub, IamStoresModule] }).compile();
    await app.init();
    return app;
  }

  it('provides the stores on the accounts database of the data dir, configured from the node config', async () => {
    const app = await start();
    const account = app
      .get<AccountRepository>(ACCOUNT_REPOSITORY)
      .create({ username: 'ana', passwordHash: 'h', role: 'admin' });
    expect(app.get<RefreshSessionStore>(REFRESH_SESSION_STORE).start(account.userId).token).toBeTruthy();
    const attempts = app.get<LoginAttemptStore>(LOGIN_ATTEMPT_STORE);
    expect(attempts.recordFailure('ana')).toBe(0);
    expect(attempts.recordFailure('ana')).toBeGreaterThan(0);
    await app.close();
    expect(withAccounts(dataDir, (accounts) => accounts.findByUsername('ana'))).toEqual(account);
  });

  it('closes the database on shutdown', async () => {
    const app = await start();
    const accounts = app.get<AccountRepository>(ACCOUNT_REPOSITORY);
    const attempts = app.get<LoginAttemptStore>(LOGIN_ATTEMPT_STORE);
    await app.close();
    expect(() => accounts.count()).toThrow(/not open/);
    expect(() => attempts.recordSuccess('ana')).toThrow(/not open/);
  });
});
