import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '@nrm/config/clock';
import { NODE_CONFIG, NodeConfig } from '@nrm/config/node-config';
import { ProblemException } from '@nrm/http/problem';
import { Account, ACCOUNT_REPOSITORY, AccountRepository } from '../accounts/account-repository.port';
import {
  IssuedRefreshToken,
  REFRESH_SESSION_STORE,
  RefreshSessionStore,
} from '../sessions/refresh-session-store.port';
import { TokenService } from '../sessions/token.service';

export const INVALID_REFRESH = 'The refresh token is not valid; log in again';

/** What a login or a refresh hands out, before it is written as JSON (and, for a browser, a cookie). */
export interface SessionGrant {
  account: Account;
  accessToken: string;
  /** Lifetime of the access token, in seconds. */
  expiresIn: number;
  refresh: IssuedRefreshToken;
  /** Seconds until the refresh session ends (it ends the refresh TTL after login, however refreshed). */
  sessionExpiresIn: number;
}

/**
 * Starts and rotates refresh sessions and issues the access token that goes with them: one place for
 * the JSON routes (refresh token in the body) and the browser routes (refresh token in a cookie), so
 * both rotate, detect reuse and end sessions the same way.
 */
@Injectable()
export class SessionGrants {
  constructor(
    @Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
    private readonly tokens: TokenService,
    @Inject(REFRESH_SESSION_STORE) private readonly refreshTokens: RefreshSessionStore,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A new session for an account that just proved its password. */
  start(account: Account): SessionGrant {
    return this.grant(account, this.refreshTokens.start(account.userId));
  }

  /**
   * Revokes `refreshToken` and grants its successor. 401 for an unknown, expired or reused token (a
   * reused one also ends its whole session: the store's reuse detection) and for a deleted or disabled
   * account (disabling revokes the sessions already; this holds if a refresh raced it).
   */
  rotate(refreshToken: string): SessionGrant {
    const rotated = this.refreshTokens.rotate(refreshToken);
    if (!rotated.ok) throw ProblemException.unauthorized(INVALID_REFRESH);
    const account = this.accounts.findById(rotated.userId);
    if (!account || account.disabled) {
      this.refreshTokens.revokeFamilyOf(rotated.next.token);
      throw ProblemException.unauthorized(INVALID_REFRESH);
    }
    return this.grant(account, rotated.next);
  }

  private grant(account: Account, refresh: IssuedRefreshToken): SessionGrant {
    return {
      account,
      accessToken: this.tokens.issue(account),
      expiresIn: this.config.accessTokenTtlSeconds,
      refresh,
      sessionExpiresIn: Math.max(
        0,
        Math.floor((refresh.expiresAt.getTime() - this.clock.now().getTime()) / 1000),
      ),
    };
  }
}
