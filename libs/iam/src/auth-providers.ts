import { Provider } from '@nestjs/common';
import { join } from 'node:path';
import { Clock, CLOCK } from '@nrm/config/clock';
import { NODE_CONFIG, NodeConfig } from '@nrm/config/node-config';
import { ACCOUNTS_FILE } from './account-store';
import { LoginThrottle } from './login-throttle';
import { OidcVerifier } from './oidc-verifier';
import { RefreshTokenStore } from './refresh-token-store';

/** Sessions, login throttling and the identity provider: every process that authenticates needs them. */
export const AUTH_PROVIDERS: Provider[] = [
  OidcVerifier,
  {
    provide: RefreshTokenStore,
    useFactory: (config: NodeConfig, clock: Clock) =>
      new RefreshTokenStore(join(config.dataDir, ACCOUNTS_FILE), clock, config.refreshTokenTtlSeconds),
    inject: [NODE_CONFIG, CLOCK],
  },
  {
    provide: LoginThrottle,
    useFactory: (config: NodeConfig, clock: Clock) =>
      new LoginThrottle(join(config.dataDir, ACCOUNTS_FILE), clock, {
        maxFailures: config.loginMaxFailures,
        lockoutSeconds: config.loginLockoutSeconds,
      }),
    inject: [NODE_CONFIG, CLOCK],
  },
];
