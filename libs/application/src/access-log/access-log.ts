import { Inject, Injectable, Optional } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@nrm/event-store/port';
import { TemporarilyUnavailableError } from '@nrm/common';
import { accessStreamOf, PERSONAL_DATA_ACCESSED, type AccessChannel } from '@nrm/contracts';
import {
  AccessLogEntry,
  ProjectionRunner,
  ProjectionTimeoutError,
  READ_MODEL_STORE,
  ReadModelStore,
} from '@nrm/read-models';
import { randomUUID } from 'node:crypto';
import { actorOf } from '../cases/command-context';
import { EventWriter } from '../log/event-writer';
import { Principal } from '@nrm/iam/roles';

export type { AccessLogEntry };

/** As long as a command waits for its own effect on the read models. */
const CATCH_UP_TIMEOUT_MS = 5000;

/** The request a read belongs to (its correlation and causation ids); a new correlation id otherwise. */
export interface AccessTrace {
  correlationId: string;
  causationId?: string;
}

export interface AccessLogFilter {
  caseId?: string;
  userId?: string;
  /** Only the newest `limit` entries (still oldest first); all of them when absent. */
  limit?: number;
  /** Only reads at or after `from` and before `to`: instants in a form `Date` reads unambiguously. */
  from?: string;
  to?: string;
  /** A page of the matches, oldest first (not with `limit`). */
  page?: { number: number; size: number };
}

/** One page of the access log and how many entries match in all. */
export interface AccessLogAnswer {
  items: AccessLogEntry[];
  total: number;
}

/** The log writes `at` with `toISOString`: a bound in another form would compare wrongly as text. */
const canonical = (instant: string | undefined): string | undefined =>
  instant === undefined ? undefined : new Date(instant).toISOString();

/**
 * Every read of personal data becomes an event in the node's own log (a stream per case, apart from
 * the case stream so that reading never changes a case's revision): auditors can answer
 * "who saw this person's file, when, and why", and the record is as tamper-evident as the case.
 * The answers come from the `access-log` read model, indexed by case and by user.
 */
@Injectable()
export class AccessLog {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly writer: EventWriter,
    // Optional so that a process that only records (the CLI's export) needs no read side.
    @Optional() @Inject(READ_MODEL_STORE) private readonly readModels?: ReadModelStore,
    @Optional() private readonly projections?: ProjectionRunner,
  ) {}

  /**
   * `reader` is an operator, or the node's partner bridge (role partner_bridge), which reads a case's
   * personal data to build a message for a partner node (channel partner).
   */
  async record(
    reader: Pick<Principal, 'userId' | 'agency'> & { role: Principal['role'] | 'partner_bridge' },
    caseId: string,
    purpose: string,
    channel: AccessChannel,
    trace: AccessTrace = { correlationId: randomUUID() },
  ): Promise<void> {
    await this.writer.append(
      accessStreamOf(caseId),
      [{ type: PERSONAL_DATA_ACCESSED, data: { caseId, purpose, channel } }],
      'any',
      {
        actor: actorOf(reader),
        correlationId: trace.correlationId,
        causationId: trace.causationId,
      },
    );
  }

  /** By case, by user, both, or neither (every access), within a time range if given; oldest first. */
  async query(filter: AccessLogFilter): Promise<AccessLogEntry[]> {
    return (await this.answer(filter, false)).items;
  }

  /** As `query`, with the number of matching entries (for paging). */
  async page(filter: AccessLogFilter): Promise<AccessLogAnswer> {
    return this.answer(filter, true);
  }

  private async answer(filter: AccessLogFilter, counted: boolean): Promise<AccessLogAnswer> {
    const readModels = this.readModels;
    if (!readModels) throw new Error('This AccessLog was built without a read model store');
    await this.caughtUp();
    const { caseId, userId, limit, page } = filter;
    const where = { caseId, userId, from: canonical(filter.from), to: canonical(filter.to) };
    const items = await readModels.accessLog({
      ...where,
      limit,
      page: page && { offset: (page.number - 1) * page.size, size: page.size },
    });
    // Without a window every match is in `items`: no second question.
    const windowed = limit !== undefined || page !== undefined;
    const total = counted && windowed ? await readModels.countAccessLog(where) : items.length;
    return { items, total };
  }

  /**
   * An audit answer holds every access recorded before the question was asked (a read is recorded
   * without waiting for the projections, and may come from another process, such as the CLI's export):
   * where the projections run in this process, they are awaited up to the log's head. A log they
   * cannot reach in time answers 503 rather than an access log that looks complete and is not.
   * Elsewhere the read model answers as it stands, as every read does.
   */
  private async caughtUp(): Promise<void> {
    if (!this.projections?.running) return;
    const head = await this.store.headPosition();
    try {
      await this.projections.waitForPosition(head, CATCH_UP_TIMEOUT_MS);
    } catch (error) {
      if (!(error instanceof ProjectionTimeoutError)) throw error;
      throw new TemporarilyUnavailableError(
        'The access log is still catching up with the node log; try again shortly',
      );
    }
  }
}
