import {
  AccountCommand,
  AccountEvent,
  AccountRefusal,
  AccountRefusalKind,
  decideAccounts,
  foldAccounts,
} from './account-registry';

/** given(history).when(command).then(events) / .thenRefuses(kind), as the case deciders' specs. */
function given(history: readonly AccountEvent[] = []) {
  return {
    when(command: AccountCommand) {
      const run = () => decideAccounts(command, foldAccounts(history));
      return {
        then: (expected: readonly AccountEvent[]) => expect(run()).toEqual(expected),
        thenRefuses(kind: AccountRefusalKind) {
          let outcome: unknown;
          try {
            outcome = run();
          } catch (error) {
            outcome = error;
          }
          expect(outcome).toBeInstanceOf(AccountRefusal);
          expect((outcome as AccountRefusal).kind).toBe(kind);
        },
      };
    },
  };
}

const created = (userId: string, username: string, role: string, agency?: string): AccountEvent => ({
  type: 'AccountCreated',
  data: { userId, username, role, ...(agency ? { agency } : {}) },
});
const ADMIN = created('a1', 'admin', 'admin');
const WORKER = created('w1', 'ion.worker', 'case_worker', 'ngo-x');

describe('the account registry', () => {
  describe('creating an account', () => {
    it('records the account with its role, agency and country', () =>
      given([ADMIN])
        .when({
          type: 'CreateAccount',
          userId: 'w1',
          username: 'ion.worker',
          role: 'case_worker',
          agency: 'ngo-x',
          country: 'MD',
        })
        .then([
          {
            type: 'AccountCreated',
            data: {
              userId: 'w1',
              username: 'ion.worker',
              role: 'case_worker',
              agency: 'ngo-x',
              country: 'MD',
            },
          },
        ]));

    it('refuses a username taken, regardless of case', () =>
      given([ADMIN, WORKER])
        .when({ type: 'CreateAccount', userId: 'w2', username: 'ION.Worker', role: 'auditor' })
        .thenRefuses('duplicate-username'));
  });

  describe('changing an account', () => {
    it('records only what changes, with its value before and after', () =>
      given([ADMIN, WORKER])
        .when({ type: 'ChangeAccount', userId: 'w1', role: 'auditor', agency: 'ngo-x', country: 'MD' })
        .then([
          {
            type: 'AccountChanged',
            data: { userId: 'w1', role: { from: 'case_worker', to: 'auditor' }, country: { to: 'MD' } },
          },
        ]));

    it('records nothing when nothing changes', () =>
      given([ADMIN, WORKER]).when({ type: 'ChangeAccount', userId: 'w1', role: 'case_worker' }).then([]));

    it('refuses a change of an unknown account', () =>
      given([ADMIN])
        .when({ type: 'ChangeAccount', userId: 'nobody', role: 'auditor' })
        .thenRefuses('unknown-account'));

    it('refuses to take the admin role from the last enabled admin', () =>
      given([ADMIN, WORKER])
        .when({ type: 'ChangeAccount', userId: 'a1', role: 'auditor' })
        .thenRefuses('last-admin'));

    it('takes it from an admin while another enabled admin remains', () =>
      given([ADMIN, created('a2', 'second', 'admin')])
        .when({ type: 'ChangeAccount', userId: 'a1', role: 'auditor' })
        .then([{ type: 'AccountChanged', data: { userId: 'a1', role: { from: 'admin', to: 'auditor' } } }]));

    it('does not count a disabled admin as the one that remains', () =>
      given([ADMIN, created('a2', 'second', 'admin'), { type: 'AccountDisabled', data: { userId: 'a2' } }])
        .when({ type: 'ChangeAccount', userId: 'a1', role: 'auditor' })
        .thenRefuses('last-admin'));
  });

  describe('disabling and enabling', () => {
    it('disables an account', () =>
      given([ADMIN, WORKER])
        .when({ type: 'DisableAccount', userId: 'w1', by: 'a1' })
        .then([{ type: 'AccountDisabled', data: { userId: 'w1' } }]));

    it('refuses an admin disabling their own account', () =>
      given([ADMIN, created('a2', 'second', 'admin')])
        .when({ type: 'DisableAccount', userId: 'a1', by: 'a1' })
        .thenRefuses('self-disable'));

    it('refuses to disable the last enabled admin', () =>
      given([ADMIN, created('a2', 'second', 'admin'), { type: 'AccountDisabled', data: { userId: 'a2' } }])
        .when({ type: 'DisableAccount', userId: 'a1', by: 'a2' })
        .thenRefuses('last-admin'));

    it('disables an admin while another enabled admin remains', () =>
      given([ADMIN, created('a2', 'second', 'admin')])
        .when({ type: 'DisableAccount', userId: 'a1', by: 'a2' })
        .then([{ type: 'AccountDisabled', data: { userId: 'a1' } }]));

    it('records nothing when the account is disabled already', () =>
      given([ADMIN, WORKER, { type: 'AccountDisabled', data: { userId: 'w1' } }])
        .when({ type: 'DisableAccount', userId: 'w1', by: 'a1' })
        .then([]));

    it('refuses to disable an unknown account', () =>
      given([ADMIN])
        .when({ type: 'DisableAccount', userId: 'nobody', by: 'a1' })
        .thenRefuses('unknown-account'));

    it('enables a disabled account again, and records nothing for an enabled one', () => {
      given([ADMIN, WORKER, { type: 'AccountDisabled', data: { userId: 'w1' } }])
        .when({ type: 'EnableAccount', userId: 'w1' })
        .then([{ type: 'AccountReenabled', data: { userId: 'w1' } }]);
      given([ADMIN, WORKER]).when({ type: 'EnableAccount', userId: 'w1' }).then([]);
    });

    it('refuses to enable an unknown account', () =>
      given([ADMIN]).when({ type: 'EnableAccount', userId: 'nobody' }).thenRefuses('unknown-account'));
  });

  describe('resetting a password', () => {
    it('records that it was reset, and nothing of the password', () =>
      given([ADMIN, WORKER])
        .when({ type: 'ResetAccountPassword', userId: 'w1' })
        .then([{ type: 'AccountPasswordReset', data: { userId: 'w1' } }]));

    it('refuses an unknown account', () =>
      given([ADMIN]).when({ type: 'ResetAccountPassword', userId: 'nobody' }).thenRefuses('unknown-account'));
  });

  it('folds the log into who holds which role, agency and state', () => {
    const state = foldAccounts([
      ADMIN,
      WORKER,
      {
        type: 'AccountChanged',
        data: {
          userId: 'w1',
          role: { from: 'case_worker', to: 'auditor' },
          agency: { from: 'ngo-x', to: 'police' },
        },
      },
      { type: 'AccountDisabled', data: { userId: 'w1' } },
      { type: 'AccountPasswordReset', data: { userId: 'w1' } },
    ]);
    expect(state.accounts.get('w1')).toEqual({
      userId: 'w1',
      username: 'ion.worker',
      role: 'auditor',
      agency: 'police',
      disabled: true,
    });
  });
});
