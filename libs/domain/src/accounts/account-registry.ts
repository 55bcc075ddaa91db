/**
 * The node's operator accounts as an event-sourced registry (stream `accounts`, docs/events.md
 * "Node events"): who held which role and agency when is a fold of the log. Pure: no I/O, no
 * framework. Credentials are not here at all — the password hashes stay in the account table; an
 * event only says that an admin set a new password, never what it is.
 */

/** The role that manages accounts: the registry never lets the last enabled one go. */
export const ADMIN_ROLE = 'admin';

export interface AccountRecord {
  userId: string;
  username: string;
  role: string;
  agency?: string;
  country?: string;
  disabled: boolean;
}

export interface AccountRegistryState {
  accounts: ReadonlyMap<string, AccountRecord>;
}

export const EMPTY_ACCOUNT_REGISTRY: AccountRegistryState = { accounts: new Map() };

export type AccountCommand =
  | {
      type: 'CreateAccount';
      userId: string;
      username: string;
      role: string;
      agency?: string;
      country?: string;
      /** Recorded at start from an account table older than this log (docs/security.md, "Accounts"). */
      adopted?: boolean;
    }
  | { type: 'ChangeAccount'; userId: string; role?: string; agency?: string; country?: string }
  /** `by`: the admin who disables (they cannot disable themselves). */
  | { type: 'DisableAccount'; userId: string; by: string }
  | { type: 'EnableAccount'; userId: string }
  | { type: 'ResetAccountPassword'; userId: string };

/** A value before and after a change; `from` is absent when there was none (agency, country). */
export interface Change {
  from?: string;
  to: string;
}

export type AccountEvent =
  | {
      type: 'AccountCreated';
      data: {
        userId: string;
        username: string;
        role: string;
        agency?: string;
        country?: string;
        adopted?: boolean;
      };
    }
  | { type: 'AccountChanged'; data: { userId: string; role?: Change; agency?: Change; country?: Change } }
  | { type: 'AccountDisabled'; data: { userId: string } }
  | { type: 'AccountReenabled'; data: { userId: string } }
  | { type: 'AccountPasswordReset'; data: { userId: string } };

export const ACCOUNT_EVENT_TYPES = [
  'AccountCreated',
  'AccountChanged',
  'AccountDisabled',
  'AccountReenabled',
  'AccountPasswordReset',
] as const satisfies readonly AccountEvent['type'][];

export type AccountRefusalKind =
  /** Another account has this username (usernames are unique regardless of case). */
  | 'duplicate-username'
  /** No account has this id. */
  | 'unknown-account'
  /** The last enabled admin would lose the admin role or be disabled (rule id `last-admin`). */
  | 'last-admin'
  /** An admin disabling their own account (rule id `self-disable`). */
  | 'self-disable';

/** A refusal of the account registry; the HTTP layer answers 409, 404 or 422 with the rule id. */
export class AccountRefusal extends Error {
  constructor(
    readonly kind: AccountRefusalKind,
    message: string,
  ) {
    super(message);
    this.name = 'AccountRefusal';
  }
}

export function isAccountEventType(type: string): type is AccountEvent['type'] {
  return (ACCOUNT_EVENT_TYPES as readonly string[]).includes(type);
}

export function decideAccounts(command: AccountCommand, state: AccountRegistryState): AccountEvent[] {
  switch (command.type) {
    case 'CreateAccount': {
      const wanted = command.username.toLowerCase();
      if ([...state.accounts.values()].some((account) => account.username.toLowerCase() === wanted))
        throw new AccountRefusal('duplicate-username', `username ${command.username} is taken`);
      if (state.accounts.has(command.userId))
        throw new AccountRefusal('duplicate-username', `account ${command.userId} exists`);
      const { type: _type, ...data } = command;
      return [{ type: 'AccountCreated', data: withoutUndefined(data) }];
    }
    case 'ChangeAccount': {
      const account = known(state, command.userId);
      const changes: { role?: Change; agency?: Change; country?: Change } = {};
      for (const field of ['role', 'agency', 'country'] as const) {
        const to = command[field];
        if (to !== undefined && to !== account[field])
          changes[field] = account[field] === undefined ? { to } : { from: account[field], to };
      }
      if (changes.role && changes.role.to !== ADMIN_ROLE) keepAnAdmin(state, account);
      return Object.keys(changes).length === 0
        ? []
        : [{ type: 'AccountChanged', data: { userId: account.userId, ...changes } }];
    }
    case 'DisableAccount': {
      const account = known(state, command.userId);
      if (account.userId === command.by)
        throw new AccountRefusal('self-disable', 'An admin cannot disable their own account');
      if (account.disabled) return [];
      keepAnAdmin(state, account);
      return [{ type: 'AccountDisabled', data: { userId: account.userId } }];
    }
    case 'EnableAccount': {
      const account = known(state, command.userId);
      return account.disabled ? [{ type: 'AccountReenabled', data: { userId: account.userId } }] : [];
    }
    case 'ResetAccountPassword':
      return [{ type: 'AccountPasswordReset', data: { userId: known(state, command.userId).userId } }];
  }
}

export function evolveAccounts(state: AccountRegistryState, event: AccountEvent): AccountRegistryState {
  const accounts = new Map(state.accounts);
  const { userId } = event.data;
  const account = accounts.get(userId);
  switch (event.type) {
    case 'AccountCreated': {
      const { adopted: _adopted, ...data } = event.data;
      accounts.set(userId, { ...data, disabled: false });
      break;
    }
    case 'AccountChanged':
      if (account) {
        const { role, agency, country } = event.data;
        accounts.set(userId, {
          ...account,
          ...(role ? { role: role.to } : {}),
          ...(agency ? { agency: agency.to } : {}),
          ...(country ? { country: country.to } : {}),
        });
      }
      break;
    case 'AccountDisabled':
    case 'AccountReenabled':
      if (account) accounts.set(userId, { ...account, disabled: event.type === 'AccountDisabled' });
      break;
    case 'AccountPasswordReset':
      return state;
  }
  return { accounts };
}

/** The registry as the log's account events leave it (other event types are skipped). */
export function foldAccounts(events: readonly { type: string; data: object }[]): AccountRegistryState {
  return events.reduce(
    (state, event) => (isAccountEventType(event.type) ? evolveAccounts(state, event as AccountEvent) : state),
    EMPTY_ACCOUNT_REGISTRY,
  );
}

function known(state: AccountRegistryState, userId: string): AccountRecord {
  const account = state.accounts.get(userId);
  if (!account) throw new AccountRefusal('unknown-account', 'No such user');
  return account;
}

/** Refused when `account` is the last enabled admin: without one, nobody could manage the node. */
function keepAnAdmin(state: AccountRegistryState, account: AccountRecord): void {
  if (account.role !== ADMIN_ROLE || account.disabled) return;
  const others = [...state.accounts.values()].filter(
    (other) => other.role === ADMIN_ROLE && !other.disabled && other.userId !== account.userId,
  );
  if (others.length === 0)
    throw new AccountRefusal('last-admin', 'The node would be left without an enabled admin');
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
