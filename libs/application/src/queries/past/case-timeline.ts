import { Inject, Injectable } from '@nestjs/common';
import { NODE_CONFIG, type NodeConfig } from '@nrm/config';
import { caseStreamId } from '@nrm/contracts';
import { CaseNotFoundError } from '@nrm/domain';
import { EVENT_STORE, EventStore, StoredEvent } from '@nrm/event-store/port';
import type { Principal } from '@nrm/iam/roles';
import { CaseDetail, caseDetailsAfterEach } from '@nrm/read-models';
import { CaseViews } from '../case-views.service';

/** A case's events from the log, and its view after each of them, for a caller admitted to the live case. */
export interface CaseTimeline {
  /** The live case (read model): the one the caller's scope and the personal-data policy are judged on. */
  live: CaseDetail;
  /** The case's stream, in revision order. */
  events: StoredEvent[];
  /** `views[i]`: the case view right after `events[i]`, folded by the live projection's code. */
  views: CaseDetail[];
}

/** Reads a case's past from the event log, after the same scope check as the live view. */
@Injectable()
export class CaseTimelines {
  constructor(
    private readonly views: CaseViews,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
  ) {}

  async load(caseId: string, principal: Principal): Promise<CaseTimeline> {
    const live = await this.views.inScope(caseId, principal);
    const events = await this.store.readStream(caseStreamId(caseId));
    if (!events.length) throw new CaseNotFoundError(caseId);
    return { live, events, views: caseDetailsAfterEach(caseId, events, this.config.deadlinePolicy) };
  }
}
