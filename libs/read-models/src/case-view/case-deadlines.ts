import type { CaseDetail, Deadline, DeadlineStatus } from '../port/case-views';
import { legalStatusDeadlines } from './detail/legal-status';

export const SERVICE_REFERRAL_RESPONSE_DAYS = 14;
/**
 * Days a review or appeal of an identification decision waits for its decision. 30: the usual term
 * administrative procedure laws give an authority to decide a preliminary (administrative) appeal (e.g.
 * Moldova's Administrative Code, art. 175: 30 days), and the shortest reflection period the CoE
 * Convention (art. 13) allows, the time the person waits either way. One named constant, so that a
 * national setting can replace it.
 */
export const IDENTIFICATION_REVIEW_DAYS = 30;
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
  const review = detail.identification.review;
  if (review?.status === 'requested') {
    deadlines.push({
      kind: 'identification_review',
      dueAt: addDays(review.requestedAt, IDENTIFICATION_REVIEW_DAYS),
    });
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
  return deadlines;
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
