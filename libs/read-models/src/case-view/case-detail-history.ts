import type { StoredEvent } from '@nrm/event-store/port';
import type { CaseDetail } from '../port/case-views';
import { DEFAULT_DEADLINE_POLICY, type DeadlinePolicy } from './deadline-policy';
import { evolveCaseDetail } from './evolve-case-detail';
import { projectable } from './projectable-event';

/**
 * The case's detail view after each of its events, oldest first: the i-th entry is the view as it
 * stood right after `events[i]`. The same upcasting and the same fold as the live projection (the
 * SQLite and MongoDB adapters), so a past view reads exactly as the live one read then. `events` are
 * one case's stream in revision order, as the event store hands them back.
 */
export function caseDetailsAfterEach(
  caseId: string,
  events: readonly StoredEvent[],
  policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY,
): CaseDetail[] {
  const views: CaseDetail[] = [];
  let detail: CaseDetail | undefined;
  for (const event of events) {
    detail = evolveCaseDetail(detail, caseId, projectable(event), policy);
    views.push(detail);
  }
  return views;
}
