import { Injectable } from '@nestjs/common';
import { InvalidRequestError } from '@nrm/common';
import type { Principal } from '@nrm/iam/roles';
import { jsonChanges } from '@nrm/read-models';
import { RequestContext } from '../../cases/command-context';
import { CaseView, withheldFrom } from '../case-view';
import { CaseViews, PersonalDataAsked } from '../case-views.service';
import { indexAsOf, NotThenError } from './as-of';
import { CaseChange, CaseChanges, MAX_CHANGES_PER_ANSWER } from './case-changes';
import { CaseTimeline, CaseTimelines } from './case-timeline';
import { nonPersonalView } from './non-personal-view';

/** A case as it was (?asOf=) and what changed between two revisions: for auditors replaying history. */
@Injectable()
export class PastCaseViews {
  constructor(
    private readonly timelines: CaseTimelines,
    private readonly views: CaseViews,
  ) {}

  /**
   * GET /api/cases/:id?asOf=: the view as of a revision or a time, under the live view's rules for
   * personal data (and its access-log record). Overdue flags are judged at the moment asked for.
   */
  async asOf(
    caseId: string,
    asOf: string,
    context: RequestContext,
    asked: PersonalDataAsked,
  ): Promise<CaseView> {
    const { live, events, views } = await this.timelines.load(caseId, context.principal);
    const index = indexAsOf(events, asOf);
    const { revision, occurredAt } = events[index];
    const moment = /^\d+$/.test(asOf) ? occurredAt : asOf;
    const view = await this.views.disclose(views[index], live, context, asked, moment);
    return { ...view, asOf: { revision, occurredAt } };
  }

  /** GET /api/cases/:id/changes: each event in (from, to], and the non-personal fields it changed. */
  async changes(
    caseId: string,
    principal: Principal,
    range: { from?: number; to?: number },
  ): Promise<CaseChanges> {
    const timeline = await this.timelines.load(caseId, principal);
    const lastRevision = timeline.events[timeline.events.length - 1].revision;
    const { from, to } = range;
    for (const named of [from, to]) {
      if (named !== undefined && named > lastRevision)
        throw new NotThenError(`The case has no revision ${named}`);
    }
    if (from !== undefined && to !== undefined && to < from) {
      throw new InvalidRequestError('to must not be before from');
    }
    const first = from === undefined ? 0 : from + 1;
    const last = to ?? Math.min(lastRevision, first + MAX_CHANGES_PER_ANSWER - 1);
    if (last - first + 1 > MAX_CHANGES_PER_ANSWER) {
      const message = `at most ${MAX_CHANGES_PER_ANSWER} events per answer: page with from and to`;
      throw new InvalidRequestError(message);
    }
    const items: CaseChange[] = [];
    for (let index = 0; index < timeline.events.length; index++) {
      const revision = timeline.events[index].revision;
      if (revision >= first && revision <= last) items.push(changeAt(timeline, index, principal));
    }
    return {
      caseId,
      ...(from === undefined ? {} : { from }),
      to: last,
      lastRevision,
      ...(last < lastRevision ? { next: last } : {}),
      items,
    };
  }
}

function changeAt({ events, views }: CaseTimeline, index: number, principal: Principal): CaseChange {
  const { revision, occurredAt, actor, type } = events[index];
  const change: CaseChange = { revision, occurredAt, actor, type };
  if (withheldFrom(principal, type)) return change;
  const before = index === 0 ? {} : nonPersonalView(views[index - 1]);
  return { ...change, changes: jsonChanges(before, nonPersonalView(views[index])) };
}
