import { Inject, Injectable } from '@nestjs/common';
import { ProblemException } from '@nrm/http/problem';
import { Account, ACCOUNT_REPOSITORY, AccountRepository } from '../accounts/account-repository.port';
import { LOGIN_ATTEMPT_STORE, LoginAttemptStore } from '../login-throttle/login-attempt-store.port';
import { DUMMY_HASH_PROMISE, verifyPassword } from '../passwords/password-hasher';

const WRONG_CREDENTIALS = 'Unknown username or wrong password';

/**
 * The password check of every way to log in (POST /api/auth/login for API clients, POST
 * /api/auth/session for the browser), so that each gets the same lockout and the same timing.
 */
@Injectable()
export class PasswordLogin {
  constructor(
    @Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
    @Inject(LOGIN_ATTEMPT_STORE) private readonly throttle: LoginAttemptStore,
  ) {}

  /**
   * The account of a right username and password; 429 while the username is locked, else 401. A
   * disabled account gets the same 401 as a wrong password, after the same work: the answer does not
   * tell a guesser that the password was right.
   */
  async authenticate(username: string, password: string): Promise<Account> {
    const locked = this.throttle.lockedForSeconds(username);
    if (locked > 0) throw ProblemException.tooManyRequests(locked, 'Too many failed logins; try again later');
    const account = this.accounts.findByUsername(username);
    // Same work whether or not the user exists, so timing does not reveal usernames.
    const valid = await verifyPassword(password, account?.passwordHash ?? (await DUMMY_HASH_PROMISE()));
    if (!account || !valid || account.disabled) {
      this.throttle.recordFailure(username);
      throw ProblemException.unauthorized(WRONG_CREDENTIALS);
    }
    this.throttle.recordSuccess(username);
    return account;
  }
}
