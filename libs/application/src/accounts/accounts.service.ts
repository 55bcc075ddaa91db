import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConflictError, NotFoundError } from '@nrm/common';
import { ACCOUNTS_STREAM } from '@nrm/contracts';
import { CLOCK, Clock } from '@nrm/config/clock';
import {
  AccountCommand,
  AccountEvent,
  AccountRecord,
  AccountRefusal,
  AccountRegistryState,
  decideAccounts,
  evolveAccounts,
  foldAccounts,
  isAccountEventType,
} from '@nrm/domain';
import { EVENT_STORE, EventStore, StoredEvent } from '@nrm/event-store/port';
import { problem, ProblemException } from '@nrm/http/problem';
import {
  AccountActor,
  AccountAdministration,
  AccountHistoryItem,
  AccountReconciliation,
  AccountTrace,
  NODE_ACTOR,
} from '@nrm/iam/accounts/account-administration.port';
import {
  Account,
  ACCOUNT_REPOSITORY,
  AccountChanges,
  AccountRepository,
  NewAccount,
} from '@nrm/iam/accounts/account-repository.port';
import { LAST_ADMIN_RULE, SELF_DISABLE_RULE } from '@nrm/iam/accounts/account-rules';
import type { Role } from '@nrm/iam/roles';
import { randomUUID } from 'node:crypto';
import { decideAndAppend } from '../log/decide-and-append';
import { EventWriter } from '../log/event-writer';

const NO_SUCH_USER = 'No such user';

/**
 * A password hash no password verifies (not an scrypt hash): what an account restored from the log
 * gets when its creation was interrupted before the table held it — an admin sets a new password.
 */
export const UNUSABLE_PASSWORD_HASH = '!restored-from-log';

/**
 * The node's accounts, event-sourced in its own log (stream `accounts`) with the account table as the
 * credential store and the guard's lookup. Each change is decided on the log, appended (the log is the
 * record), then applied to the table; a process that stops in between leaves the table behind the log,
 * never ahead of it, and `reconcile` (at every start) brings it level (docs/security.md, "Accounts").
 */
@Injectable()
export class AccountsService implements AccountAdministration {
  private readonly logger = new Logger('auth');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly writer: EventWriter,
    @Inject(ACCOUNT_REPOSITORY) private readonly table: AccountRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  count(): number {
    return this.table.count();
  }

  async create(input: NewAccount, by: AccountActor, trace?: AccountTrace): Promise<Account> {
    const userId = input.userId ?? randomUUID();
    const { role, agency, country, username } = input;
    await this.execute({ type: 'CreateAccount', userId, username, role, agency, country }, by, trace);
    return this.table.create({
      ...input,
      userId,
      createdAt: input.createdAt ?? this.clock.now().toISOString(),
    });
  }

  async update(
    userId: string,
    changes: AccountChanges,
    by: AccountActor,
    trace?: AccountTrace,
  ): Promise<Account> {
    await this.execute({ type: 'ChangeAccount', userId, ...changes }, by, trace);
    return this.table.update(userId, changes) ?? notFound();
  }

  async setDisabled(
    userId: string,
    disabled: boolean,
    by: AccountActor,
    trace?: AccountTrace,
  ): Promise<Account> {
    await this.execute(
      disabled ? { type: 'DisableAccount', userId, by: by.userId } : { type: 'EnableAccount', userId },
      by,
      trace,
    );
    return this.table.setDisabled(userId, disabled) ?? notFound();
  }

  async setPasswordHash(
    userId: string,
    passwordHash: string,
    by: AccountActor,
    trace?: AccountTrace,
  ): Promise<void> {
    await this.execute({ type: 'ResetAccountPassword', userId }, by, trace);
    if (!this.table.setPasswordHash(userId, passwordHash)) notFound();
  }

  async history(userId: string): Promise<AccountHistoryItem[]> {
    const items = (await this.events())
      .filter((event) => isAccountEventType(event.type) && event.data.userId === userId)
      .map(({ position, revision, id, type, occurredAt, actor, data }) => ({
        position,
        revision,
        eventId: id,
        type,
        occurredAt,
        actor,
        data,
      }));
    if (items.length === 0) notFound();
    return items;
  }

  async reconcile(): Promise<AccountReconciliation> {
    const found: AccountReconciliation = { adopted: [], repaired: [], restored: [] };
    // An account table older than the log: its accounts are recorded once, by the node.
    for (const account of this.table.list()) {
      const { state } = await this.state();
      if (state.accounts.has(account.userId)) continue;
      const { userId, username, role, agency, country } = account;
      await this.execute(
        { type: 'CreateAccount', userId, username, role, agency, country, adopted: true },
        NODE_ACTOR,
      );
      if (account.disabled)
        await this.execute({ type: 'DisableAccount', userId, by: NODE_ACTOR.userId }, NODE_ACTOR);
      found.adopted.push(userId);
    }
    const { state } = await this.state();
    for (const record of state.accounts.values()) {
      const row = this.table.findById(record.userId);
      if (!row) {
        this.table.create({
          ...profileOf(record),
          userId: record.userId,
          passwordHash: UNUSABLE_PASSWORD_HASH,
        });
        if (record.disabled) this.table.setDisabled(record.userId, true);
        found.restored.push(record.userId);
      } else if (differs(row, record)) {
        this.table.update(record.userId, {
          role: profileOf(record).role,
          agency: record.agency,
          country: record.country,
        });
        this.table.setDisabled(record.userId, record.disabled);
        found.repaired.push(record.userId);
      }
    }
    if (found.adopted.length + found.repaired.length + found.restored.length > 0)
      this.logger.warn({ msg: 'account table reconciled with the log', ...found });
    return found;
  }

  private async events(): Promise<StoredEvent[]> {
    return this.store.readStream(ACCOUNTS_STREAM);
  }

  private async state(): Promise<{ state: AccountRegistryState; revision: number }> {
    const events = await this.events();
    return {
      state: foldAccounts(events),
      revision: events.length ? events[events.length - 1].revision : -1,
    };
  }

  /** Decides on the log and appends; nothing is written on a refusal. */
  private async execute(
    command: AccountCommand,
    by: AccountActor,
    trace?: AccountTrace,
  ): Promise<AccountRegistryState> {
    const decided = await decideAndAppend<AccountRegistryState, AccountEvent>({
      load: () => this.state(),
      decide: ({ state }) => decideOrRefuse(command, state),
      append: (events, expected) =>
        this.writer.append(ACCOUNTS_STREAM, events, expected, {
          actor: { userId: by.userId, role: by.role, agency: by.agency },
          correlationId: trace?.correlationId ?? randomUUID(),
          causationId: trace?.causationId,
        }),
    });
    return decided.events.reduce(evolveAccounts, decided.state);
  }
}

function decideOrRefuse(command: AccountCommand, state: AccountRegistryState): AccountEvent[] {
  try {
    return decideAccounts(command, state);
  } catch (error) {
    if (!(error instanceof AccountRefusal)) throw error;
    switch (error.kind) {
      case 'unknown-account':
        throw new NotFoundError(NO_SUCH_USER);
      case 'duplicate-username':
        throw new ConflictError(error.message);
      case 'last-admin':
        throw new ProblemException(problem(422, error.message, { rule: LAST_ADMIN_RULE }));
      case 'self-disable':
        throw new ProblemException(problem(422, error.message, { rule: SELF_DISABLE_RULE }));
    }
  }
}

function notFound(): never {
  throw new NotFoundError(NO_SUCH_USER);
}

function profileOf(record: AccountRecord): {
  username: string;
  role: Role;
  agency?: string;
  country?: string;
} {
  return {
    username: record.username,
    role: record.role as Role,
    agency: record.agency,
    country: record.country,
  };
}

function differs(row: Account, record: AccountRecord): boolean {
  return (
    row.role !== record.role ||
    (row.agency ?? undefined) !== record.agency ||
    (row.country ?? undefined) !== record.country ||
    row.disabled !== record.disabled
  );
}
