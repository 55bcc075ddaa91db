import { consentLedgerOfLatest, evolveScope } from '@nrm/domain/case-scope';
import type { StoredEvent } from '@nrm/event-store/port';
import type { CaseDetail } from '../port/case-views';
import { openDeadlines } from './case-deadlines';
import { DEFAULT_DEADLINE_POLICY, type DeadlinePolicy } from './deadline-policy';
import { nextStage } from './case-stage';
import { isStoredCaseEvent } from './detail/case-events';
import { evolveFacts } from './detail/evolve-facts';
import { evolveFamilyErasure } from './detail/family';

export function emptyCaseDetail(caseId: string, at: string): CaseDetail {
  return {
    caseId,
    stage: 'registered',
    revision: -1,
    updatedAt: at,
    presumedMinor: false,
    ageAssessments: [],
    consents: [],
    identification: { status: 'pending' },
    assessments: { risks: [] },
    services: [],
    return: { handovers: [] },
    prosecution: {
      lawEnforcementRequests: [],
      hearings: [],
      protectiveMeasures: [],
      compensationClaims: [],
      proceedings: [],
      victimNotifications: [],
    },
    deadlines: [],
    agencies: [],
    actors: [],
  };
}

/**
 * Folds one upcast event of the case's stream into its detail view. Pure: returns a new view and
 * leaves `detail` and `event` as they were (parts the event did not touch are shared). Reads
 * `personal` only to copy the ciphertext that names the person. Deadlines fall due by `policy`,
 * the node's days per step.
 */
export function evolveCaseDetail(
  detail: CaseDetail | undefined,
  caseId: string,
  event: StoredEvent,
  policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY,
): CaseDetail {
  return foldCaseDetail(detail, caseId, [event], policy);
}

/**
 * Folds several events of one case in order: the same view as evolveCaseDetail event by event, with the
 * deadlines derived once at the end (they follow from the state alone), as projections apply a batch.
 */
export function foldCaseDetail(
  detail: CaseDetail | undefined,
  caseId: string,
  events: readonly StoredEvent[],
  policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY,
): CaseDetail {
  let view = detail;
  for (const event of events) view = evolveState(view, caseId, event);
  if (!view) throw new RangeError('foldCaseDetail needs a detail or at least one event');
  return { ...view, deadlines: openDeadlines(view, policy) };
}

/** One event folded into everything but the deadlines (left as they were). */
function evolveState(detail: CaseDetail | undefined, caseId: string, event: StoredEvent): CaseDetail {
  const at = event.occurredAt;
  const moved: CaseDetail = {
    ...(detail ?? emptyCaseDetail(caseId, at)),
    stage: nextStage(detail?.stage, event.type, event.data),
    revision: event.revision,
    updatedAt: at,
  };
  // A type outside the catalogue carries no facts the view knows, yet still moves the revision.
  const view = isStoredCaseEvent(event) ? evolveFacts(moved, event) : evolveFamilyErasure(moved, event);
  // The same pure rule decides scope on the command side (from the event history); the consents are
  // those before this event, which the rule folds itself.
  const scope = evolveScope(
    {
      agencies: view.agencies,
      byConsent: view.agenciesByConsent ?? [],
      consents: consentLedgerOfLatest(moved.consents),
    },
    event,
  );
  const { agenciesByConsent: _before, ...rest } = view;
  return {
    ...rest,
    agencies: [...scope.agencies],
    ...(scope.byConsent.length ? { agenciesByConsent: [...scope.byConsent] } : {}),
    actors: withActorOf(view.actors, event),
  };
}

/** The case's actors with the event's one added (once, in the order users first acted). */
function withActorOf(actors: readonly string[] | undefined, event: StoredEvent): string[] {
  const known = actors ?? [];
  const userId = event.actor?.userId;
  return !userId || known.includes(userId) ? [...known] : [...known, userId];
}
