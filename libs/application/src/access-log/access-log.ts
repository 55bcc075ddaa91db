import { Inject, Injectable, Optional } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@nrm/event-store/port';
import {
  ACCESS_STREAM_PREFIX,
  AccessLogEntry,
  PERSONAL_DATA_ACCESSED,
  ProjectionRunner,
  ProjectionTimeoutError,
  READ_MODEL_STORE,
  ReadModelStore,
} from '@nrm/read-models';
import { randomUUID } from 'node:crypto';
import { CLOCK, Clock } from '@nrm/config/clock';
import { NODE_CONFIG, NodeConfig } from '@nrm/config/node-config';
import { Principal } from '@nrm/iam/roles';
import { problem, ProblemException } from '@nrm/http/problem';

export { PERSONAL_DATA_ACCESSED };
export type { AccessLogEntry };

/** As long as a command waits for its own effect on the read models. */
const CATCH_UP_TIMEOUT_MS = 5000;

export interface AccessLogFilter {
  caseId?: string;
  userId?: string;
  /** Only the newest `limit` entries (still oldest first); all of them when absent. */
  limit?: number;
}

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
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
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
    channel: 'api' | 'cli' | 'export' | 'partner',
  ): Promise<void> {
    const at = this.clock.now().toISOString();
    await this.store.append(
      `${ACCESS_STREAM_PREFIX}${caseId}`,
      [
        {
          id: randomUUID(),
          type: PERSONAL_DATA_ACCESSED,
          schemaVersion: 1,
          occurredAt: at,
          nodeId: this.config.nodeId,
          actor: { userId: reader.userId, role: reader.role, agency: reader.agency },
          correlationId: randomUUID(),
          data: { caseId, purpose, channel },
        },
      ],
      'any',
    );
  }

  /** By case, by user, both, or neither (every access); oldest first. */
  async query(filter: AccessLogFilter): Promise<AccessLogEntry[]> {
    if (!this.readModels) throw new Error('This AccessLog was built without a read model store');
    await this.caughtUp();
    const { caseId, userId, limit } = filter;
    return this.readModels.accessLog({ caseId, userId, limit });
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
      throw new ProblemException(
        problem(503, 'The access log is still catching up with the node log; try again shortly'),
        { 'retry-after': '1' },
      );
    }
  }
}
