import type { CaseDetail, Deadline, DeadlineStatus } from '../port/case-views';
import { DEFAULT_DEADLINE_POLICY, isTimedKind, type DeadlinePolicy } from './deadline-policy';
import { legalStatusDeadlines } from './detail/legal-status';

const DAY_MS = 24 * 60 * 60 * 1000;

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * DAY_MS).toISOString();
}

/**
 * The case's open obligations, derived from its state (so a replay derives the same ones) and the
 * node's deadline policy (days per step, set per country).
 */
export function openDeadlines(
  detail: CaseDetail,
  policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY,
): Deadline[] {
  if (detail.stage === 'closed') return [];
  const deadlines: Deadline[] = [];
  if (detail.identification.status === 'pending' && detail.reflectionPeriod) {
    deadlines.push({ kind: 'identification_decision', dueAt: detail.reflectionPeriod.endsAt });
  }
  if (detail.presumedMinor && !detail.guardian && detail.presumedMinorSince) {
    deadlines.push({
      kind: 'guardian_appointment',
      dueAt: addDays(detail.presumedMinorSince, policy.guardian_appointment),
    });
  }
  const review = detail.identification.review;
  if (review?.status === 'requested') {
    deadlines.push({
      kind: 'identification_review',
      dueAt: addDays(review.requestedAt, policy.identification_review),
    });
  }
  deadlines.push(...handoverDeadlines(detail, policy));
  for (const service of detail.services) {
    if (service.status === 'referred' && service.referredAt) {
      deadlines.push({
        kind: 'service_referral_response',
        ref: service.serviceId,
        dueAt: addDays(service.referredAt, policy.service_referral_response),
      });
    }
  }
  const visit = monitoringVisitDue(detail, policy);
  if (visit) deadlines.push({ kind: 'monitoring_visit', dueAt: visit });
  for (const request of detail.prosecution.lawEnforcementRequests) {
    if (request.answeredAt === undefined) {
      deadlines.push({
        kind: 'law_enforcement_request_answer',
        ref: request.requestId,
        dueAt: addDays(request.receivedAt, policy.law_enforcement_request_answer),
      });
    }
  }
  deadlines.push(...legalStatusDeadlines(detail, policy));
  deadlines.push(...teamReviewDeadlines(detail));
  return afterReopening(deadlines, detail, policy);
}

/**
 * A reopened case starts its clocks again: a step left open when it closed falls due the country's
 * days after the reopening rather than at its old date (else a case reopened a year on is overdue at
 * once), and a review date a meeting set before the reopening no longer holds. Dates that are facts
 * (a permit's expiry, a partner's answer due, the end of the reflection period) stay.
 */
function afterReopening(deadlines: Deadline[], detail: CaseDetail, policy: DeadlinePolicy): Deadline[] {
  const reopenedAt = detail.reopenings?.at(-1)?.reopenedAt;
  if (reopenedAt === undefined) return deadlines;
  const from = Date.parse(reopenedAt);
  return deadlines.flatMap((deadline): Deadline[] => {
    if (Date.parse(deadline.dueAt) >= from) return [deadline];
    if (deadline.kind === 'team_review') return [];
    if (deadline.kind === 'residence_permit_expiry' || !isTimedKind(deadline.kind)) return [deadline];
    return [{ ...deadline, dueAt: addDays(reopenedAt, policy[deadline.kind]) }];
  });
}

/** The handover's next step in its journey: an answer, the departure, the arrival or the reception. */
function handoverDeadlines(detail: CaseDetail, policy: DeadlinePolicy): Deadline[] {
  return detail.return.handovers.flatMap((handover): Deadline[] => {
    const ref = handover.handoverId;
    switch (handover.status) {
      case 'proposed':
        return [{ kind: 'handover_response', ref, dueAt: handover.responseDueAt }];
      case 'accepted':
        return handover.answeredAt
          ? [{ kind: 'return_departure', ref, dueAt: addDays(handover.answeredAt, policy.return_departure) }]
          : [];
      case 'in_transit':
        return handover.departedAt
          ? [{ kind: 'return_arrival', ref, dueAt: addDays(handover.departedAt, policy.return_arrival) }]
          : [];
      case 'arrived':
        return handover.arrivedAt
          ? [
              {
                kind: 'reception_confirmation',
                ref,
                dueAt: addDays(handover.arrivedAt, policy.reception_confirmation),
              },
            ]
          : [];
      default:
        return [];
    }
  });
}

/**
 * The next monitoring visit: the date the last visit planned, else, for a case with a plan, the
 * country's interval after the last visit (or after the latest plan's adoption, before any visit).
 */
function monitoringVisitDue(detail: CaseDetail, policy: DeadlinePolicy): string | undefined {
  if (detail.monitoring?.nextVisitDue) return `${detail.monitoring.nextVisitDue}T00:00:00.000Z`;
  const adopted = [detail.assistancePlan?.adoptedAt, detail.return.reintegrationPlan?.adoptedAt]
    .filter((at): at is string => at !== undefined)
    .sort();
  if (adopted.length === 0) return undefined;
  const since = [adopted[adopted.length - 1], detail.monitoring?.at]
    .filter((at): at is string => at !== undefined)
    .sort();
  return addDays(since[since.length - 1], policy.monitoring_visit);
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
