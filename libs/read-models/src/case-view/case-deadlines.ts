import type { CaseDetail, Deadline, DeadlineStatus } from '../port/case-views';
import { legalStatusDeadlines } from './detail/legal-status';

export const SERVICE_REFERRAL_RESPONSE_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * DAY_MS).toISOString();
}

/** The case's open obligations, derived from its state (so a replay derives the same ones). */
export function openDeadlines(detail: CaseDetail): Deadline[] {
  if (detail.stage === 'closed') return [];
  const deadlines: Deadline[] = [];
  if (detail.identification.status === 'pending' && detail.reflectionPeriod) {
    deadlines.push({ kind: 'identification_decision', dueAt: detail.reflectionPeriod.endsAt });
  }
  for (const handover of detail.return.handovers) {
    if (handover.status === 'proposed') {
      deadlines.push({ kind: 'handover_response', ref: handover.handoverId, dueAt: handover.responseDueAt });
    }
  }
  for (const service of detail.services) {
    if (service.status === 'referred' && service.referredAt) {
      deadlines.push({
        kind: 'service_referral_response',
        ref: service.serviceId,
        dueAt: addDays(service.referredAt, SERVICE_REFERRAL_RESPONSE_DAYS),
      });
    }
  }
  if (detail.monitoring?.nextVisitDue) {
    deadlines.push({ kind: 'monitoring_visit', dueAt: `${detail.monitoring.nextVisitDue}T00:00:00.000Z` });
  }
  deadlines.push(...legalStatusDeadlines(detail));
  deadlines.push(...teamReviewDeadlines(detail));
  return deadlines;
}

/** The next review the last meeting held set (ref: its meetingId), due at its date's midnight UTC. */
function teamReviewDeadlines(detail: CaseDetail): Deadline[] {
  const last = detail.meetings?.at(-1);
  if (!last?.nextReviewOn) return [];
  return [{ kind: 'team_review', ref: last.meetingId, dueAt: `${last.nextReviewOn}T00:00:00.000Z` }];
}

/** Overdue once `now` is past the due date. */
export function withOverdue(deadlines: readonly Deadline[], now: Date | string): DeadlineStatus[] {
  const nowMs = toMillis(now);
  return deadlines.map((deadline) => ({ ...deadline, overdue: Date.parse(deadline.dueAt) < nowMs }));
}

export function toMillis(moment: Date | string): number {
  const ms = typeof moment === 'string' ? Date.parse(moment) : moment.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not a valid moment: ${String(moment)}`);
  return ms;
}
