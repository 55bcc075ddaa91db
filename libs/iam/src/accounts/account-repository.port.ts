import { Role } from '../roles';

export interface Account {
  userId: string;
  username: string;
  passwordHash: string;
  role: Role;
  agency?: string;
  country?: string;
  createdAt: string;
  /** A disabled account cannot log in nor refresh; it keeps its id, role and history. */
  disabled: boolean;
}

/**
 * What creating an account takes; it starts enabled. The id and the creation time are the repository's
 * unless given (the account administration gives them: the log's event names the id first).
 */
export type NewAccount = Omit<Account, 'userId' | 'createdAt' | 'disabled'> &
  Partial<Pick<Account, 'userId' | 'createdAt'>>;

/** What an admin may change of an account's profile; absent fields stay as they are. */
export type AccountChanges = Partial<Pick<Account, 'role' | 'agency' | 'country'>>;

export class DuplicateUsernameError extends Error {
  constructor(username: string) {
    super(`username ${username} is taken`);
    this.name = 'DuplicateUsernameError';
  }
}

/**
 * The local accounts of a node (an OIDC provider replaces them in production). Usernames are unique
 * regardless of case. Calls are synchronous: the adapters are embedded databases.
 */
export interface AccountRepository {
  count(): number;
  /** Throws DuplicateUsernameError when the username is taken (in any case). */
  create(input: NewAccount): Account;
  /** Regardless of case. */
  findByUsername(username: string): Account | undefined;
  findById(userId: string): Account | undefined;
  /** Every account, by username (a node has a few dozen operators: no paging). */
  list(): Account[];
  /** Applies the changes; the account as it is now, or undefined for an unknown id. */
  update(userId: string, changes: AccountChanges): Account | undefined;
  /** Disables or re-enables; the account as it is now, or undefined for an unknown id. */
  setDisabled(userId: string, disabled: boolean): Account | undefined;
  /** Replaces the password hash; the account as it is now, or undefined for an unknown id. */
  setPasswordHash(userId: string, passwordHash: string): Account | undefined;
}

export const ACCOUNT_REPOSITORY = Symbol('ACCOUNT_REPOSITORY');
