import { Role } from '../roles';

export interface Account {
  userId: string;
  username: string;
  passwordHash: string;
  role: Role;
  agency?: string;
  country?: string;
  createdAt: string;
}

/** What creating an account takes: the repository gives the id and the creation time. */
export type NewAccount = Omit<Account, 'userId' | 'createdAt'>;

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
}

export const ACCOUNT_REPOSITORY = Symbol('ACCOUNT_REPOSITORY');
