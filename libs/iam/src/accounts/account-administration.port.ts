import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Account, AccountChanges, NewAccount } from './account-repository.port';

/**
 * Who changes an account: an admin (their id, role and agency at the time, as every event's actor),
 * or the node itself (role `node`) when it creates the first admin or adopts an older account table.
 */
export interface AccountActor {
  userId: string;
  role: string;
  agency?: string;
}

/** The node itself, as the actor of what no request asked for (the first admin, adopted accounts). */
export const NODE_ACTOR: AccountActor = { userId: 'node', role: 'node' };

/** The request a change belongs to: its correlation id and its own id (the causation id). */
export interface AccountTrace {
  correlationId: string;
  causationId?: string;
}

/** One event of an account's history, as GET /api/users/:userId/history answers it. */
export interface AccountHistoryItem {
  position: number;
  revision: number;
  eventId: string;
  type: string;
  occurredAt: string;
  actor: AccountActor;
  data: Record<string, unknown>;
}

/** What the start-up check of the account table against the log found and repaired. */
export interface AccountReconciliation {
  /** Accounts of an older table that the log did not hold: recorded now (AccountCreated, adopted). */
  adopted: string[];
  /** Accounts whose role, agency, country or disabled state the table had otherwise than the log. */
  repaired: string[];
  /** Accounts of the log the table lacked (a creation interrupted): added without a usable password. */
  restored: string[];
}

/**
 * Every change of an account, written first as an event of the node's log (stream `accounts`), then
 * to the account table (the credential store and the guard's lookup). Refusals: `NotFoundError`
 * (unknown account), `ConflictError` (username taken), a 422 problem with rule `last-admin` or
 * `self-disable`. Implemented by the application layer, which owns the log (docs/security.md).
 */
export interface AccountAdministration {
  /** The number of accounts in the table (the first admin is made on a node without any). */
  count(): number;
  create(input: NewAccount, by: AccountActor, trace?: AccountTrace): Promise<Account>;
  update(userId: string, changes: AccountChanges, by: AccountActor, trace?: AccountTrace): Promise<Account>;
  setDisabled(userId: string, disabled: boolean, by: AccountActor, trace?: AccountTrace): Promise<Account>;
  setPasswordHash(
    userId: string,
    passwordHash: string,
    by: AccountActor,
    trace?: AccountTrace,
  ): Promise<void>;
  /** The account's events, oldest first; NotFoundError for an id the log does not hold. */
  history(userId: string): Promise<AccountHistoryItem[]>;
  /** Makes the table agree with the log (at start, before anyone logs in). */
  reconcile(): Promise<AccountReconciliation>;
}

export const ACCOUNT_ADMINISTRATION = Symbol('ACCOUNT_ADMINISTRATION');

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** The request's X-Correlation-Id (or a new one) and its own id, for the events it writes. */
export const AccountRequestTrace = createParamDecorator(
  (_: unknown, context: ExecutionContext): AccountTrace => {
    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | string[] | undefined>; id?: unknown }>();
    const correlation = request.headers['x-correlation-id'];
    return {
      correlationId:
        typeof correlation === 'string' && CORRELATION_ID.test(correlation) ? correlation : randomUUID(),
      causationId: typeof request.id === 'string' && request.id !== '' ? request.id : undefined,
    };
  },
);
