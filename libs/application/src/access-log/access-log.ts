import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@nrm/event-store/port';
import { randomUUID } from 'node:crypto';
import { CLOCK, Clock } from '../config/clock';
import { NODE_CONFIG, NodeConfig } from '../config/node-config';
import { Principal } from '../auth/roles';

export const PERSONAL_DATA_ACCESSED = 'PersonalDataAccessed';
const ACCESS_STREAM_PREFIX = 'access-';

export interface AccessLogEntry {
  at: string;
  userId: string;
  role: string;
  agency?: string;
  caseId: string;
  purpose: string;
  channel: string;
}

/**
 * Every read of personal data becomes an event in the node's own log (a stream per case, apart from
 * the case stream so that reading never changes a case's revision): auditors can answer
 * "who saw this person's file, when, and why", and the record is as tamper-evident as the case.
 */
@Injectable()
export class AccessLog {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
  ) {}

  async record(
    principal: Principal,
    caseId: string,
    purpose: string,
    channel: 'api' | 'cli' | 'export',
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
          actor: { userId: principal.userId, role: principal.role, agency: principal.agency },
          correlationId: randomUUID(),
          data: { caseId, purpose, channel },
        },
      ],
      'any',
    );
  }

  /** The access log by case (one stream) or by user (a scan of the log; a projection can replace it). */
  async query(filter: { caseId?: string; userId?: string }): Promise<AccessLogEntry[]> {
    const events = filter.caseId
      ? await this.store.readStream(`${ACCESS_STREAM_PREFIX}${filter.caseId}`)
      : await this.scanAll();
    return events
      .filter((e) => e.type === PERSONAL_DATA_ACCESSED)
      .filter((e) => !filter.userId || e.actor.userId === filter.userId)
      .map((e) => ({
        at: e.occurredAt,
        userId: e.actor.userId,
        role: e.actor.role,
        agency: e.actor.agency,
        caseId: String(e.data.caseId),
        purpose: String(e.data.purpose),
        channel: String(e.data.channel),
      }));
  }

  private async scanAll() {
    const found = [];
    for (let from: number | undefined = undefined; ;) {
      const page = await this.store.readAll({ fromPosition: from, limit: 1000 });
      if (!page.length) return found;
      found.push(...page.filter((e) => e.streamId.startsWith(ACCESS_STREAM_PREFIX)));
      from = page[page.length - 1].position;
    }
  }
}
