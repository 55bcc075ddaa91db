import type { ServiceLine } from '@nrm/contracts';
import type { MeetingView, ServiceView, WishActionView, WishesView } from '../../port/case-views';
import type { ContextFold, StoredEventOf } from './case-events';
import { evolveFamily } from './family';
import { adoptedPlan, updateFirst } from './updates';

/** Assessments, the assistance plan, service referrals, monitoring and closure. */
export const evolveAssistance: ContextFold<'assistance'> = (view, event) => {
  const at = event.occurredAt;
  // No default: the compiler checks that every assistance event has a case.
  switch (event.type) {
    case 'NeedsAssessed':
      return { ...view, assessments: { ...view.assessments, needs: { needs: event.data.needs, at } } };
    case 'RiskAssessed': {
      const { kind, level } = event.data;
      return {
        ...view,
        assessments: { ...view.assessments, risks: [...view.assessments.risks, { kind, level, at }] },
      };
    }
    case 'AssistancePlanAdopted':
      return {
        ...view,
        assistancePlan: adoptedPlan(event.data.planId, event.data.services, at),
        services: event.data.services.reduce(withPlanned, view.services),
      };
    case 'ServiceReferred': {
      const { serviceId, kind, provider } = event.data;
      return {
        ...view,
        services: withService(
          view.services,
          serviceId,
          { kind, provider, status: 'referred', referredAt: at },
          kind,
        ),
      };
    }
    case 'ServiceReferralAccepted':
      return {
        ...view,
        services: withService(view.services, event.data.serviceId, { status: 'accepted', answeredAt: at }),
      };
    case 'ServiceReferralDeclined':
      return {
        ...view,
        services: withService(view.services, event.data.serviceId, {
          status: 'declined',
          answeredAt: at,
          declineReason: event.data.reason,
        }),
      };
    case 'ServiceDelivered':
      return {
        ...view,
        services: withService(view.services, event.data.serviceId, {
          status: 'delivered',
          deliveredAt: event.data.deliveredAt,
        }),
      };
    case 'MonitoringRecorded': {
      // A later visit replaces the earlier one, and with it the next visit that one planned.
      const { status, nextVisitDue } = event.data;
      return { ...view, monitoring: { status, at, ...(nextVisitDue === undefined ? {} : { nextVisitDue }) } };
    }
    case 'CaseClosed':
      return { ...view, closure: { reason: event.data.reason, closedAt: at } };
    case 'CaseReopened': {
      // The case is open again: its closure moves into the reopening that ended it.
      const { closure, ...open } = view;
      const reopening = { reason: event.data.reason, reopenedAt: at, ...(closure ? { closure } : {}) };
      return { ...open, reopenings: [...(view.reopenings ?? []), reopening] };
    }
    case 'FamilyMemberLinked':
    case 'MemberGuardianAppointed':
    case 'MemberBestInterestsDetermined':
    case 'FamilyAssessed':
    case 'ParentageRecognitionStarted':
    case 'ParentageRecognitionStepRecorded':
    case 'ParentageRecognitionConcluded':
      return evolveFamily(view, event);
    case 'AgencyJoinedTeam': {
      // The case's agencies (scope) are derived for every event by evolveCaseDetail.
      const { agency, legalBasis } = event.data;
      const member = { agency, ...(legalBasis === undefined ? {} : { legalBasis }), joinedAt: at };
      return { ...view, team: [...(view.team ?? []), member] };
    }
    case 'VictimWishesStated': {
      const { statementId, wishes, statedAt } = event.data;
      const statement = { statementId, wishes, statedAt, at, ...personal(event.personal, 'inTheirWords') };
      const actions = view.wishes?.actions ?? [];
      return {
        ...view,
        wishes: {
          statedAt,
          current: currentWishes(wishes, actions),
          statements: [...(view.wishes?.statements ?? []), statement],
          actions,
        },
      };
    }
    case 'WishActedUpon': {
      if (!view.wishes) return view;
      const { wish, action, actedAt } = event.data;
      const actions = [
        ...view.wishes.actions,
        { wish, action, actedAt, at, ...personal(event.personal, 'note') },
      ];
      const stated = view.wishes.current.map((c) => c.wish);
      return { ...view, wishes: { ...view.wishes, actions, current: currentWishes(stated, actions) } };
    }
    case 'TeamMeetingRecorded': {
      const meeting: MeetingView = { ...event.data, at, ...personal(event.personal, 'decisions') };
      return { ...view, meetings: inOrderHeld([...(view.meetings ?? []), meeting]) };
    }
  }
};

/** Meetings by when they were held (one recorded late takes its place), recorded order among equals. */
function inOrderHeld(meetings: MeetingView[]): MeetingView[] {
  return meetings
    .map((meeting, i) => ({ meeting, i, t: Date.parse(meeting.heldAt) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map(({ meeting }) => meeting);
}

/** The ciphertext of an event's personal part under `key`, when the event has one. */
function personal<K extends string>(enc: StoredEventOf<'assistance'>['personal'], key: K) {
  return enc === undefined ? {} : ({ [key]: enc } as Record<K, NonNullable<typeof enc>>);
}

/** Each wish of the last statement with every action recorded about it. */
function currentWishes(wishes: readonly string[], actions: readonly WishActionView[]): WishesView['current'] {
  return wishes.map((wish) => ({ wish, actions: actions.filter((a) => a.wish === wish) }));
}

/** A plan line becomes a planned service, unless the case already has that service. */
function withPlanned(services: ServiceView[], line: ServiceLine): ServiceView[] {
  if (services.some((s) => s.serviceId === line.serviceId)) return services;
  return [
    ...services,
    { serviceId: line.serviceId, kind: line.kind, provider: line.provider, status: 'planned' },
  ];
}

/** Tolerates answers to a referral this node never saw (e.g. recorded by a partner node): adds it first. */
function withService(
  services: ServiceView[],
  serviceId: string,
  changes: Partial<ServiceView>,
  kind = 'unknown',
): ServiceView[] {
  const unseen: ServiceView = { serviceId, kind, status: 'planned' };
  const known = services.some((s) => s.serviceId === serviceId) ? services : [...services, unseen];
  return updateFirst(
    known,
    (s) => s.serviceId === serviceId,
    (s) => ({ ...s, ...changes }),
  );
}
