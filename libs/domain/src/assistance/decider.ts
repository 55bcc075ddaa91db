import { EXCLUSIVE_WISHES, type AssistanceEvent, type CaseEvent } from '@nrm/contracts';
import { defined } from '../shared/command';
import { AGENCY_CONSENT_PURPOSE, consentAdmitsAgency } from '../case-scope';
import {
  consentCovers,
  evolveConsents,
  normaliseRecipient,
  type ConsentLedger,
} from '../shared/consent-ledger';
import type { Decider } from '../shared/decider';
import { assertOpen, evolveLifecycle, requireTransition } from '../shared/lifecycle';
import { RuleViolation } from '../shared/rule-violation';
import { isBefore } from '../shared/time';
import { evolveStatedWishes, wishStands } from '../shared/wishes';
import type {
  AddTeamAgency,
  AssistanceCommand,
  PlannedService,
  RecordTeamMeeting,
  RecordWishAction,
  ReopenCase,
  StateVictimWishes,
} from './commands';
import {
  INITIAL_ASSISTANCE_STATE,
  type AssistanceState,
  type ServiceState,
  type ServiceStatus,
} from './state';

/** Referring to a named provider shares the victim's data with that agency. */
function requireAssistanceConsent(consents: ConsentLedger, provider: string): void {
  if (!consentCovers(consents, 'assistance', provider, { orUnsetRecipient: true })) {
    throw new RuleViolation(
      'consent-required',
      `no active consent to share data with ${provider} for assistance`,
    );
  }
}

function refuseNonCooperationReason(reason: string): void {
  if (reason === 'victim_not_cooperating' || reason === 'non_cooperation') {
    throw new RuleViolation(
      'unconditional-assistance',
      'assistance may not be refused, reduced or closed because of the victim’s decision on cooperation',
    );
  }
}

/** The next visit falls due at its date's midnight UTC, which must come after this visit. */
function requireNextVisitAfter(nextVisitDue: string | undefined, visitAt: string): void {
  if (nextVisitDue !== undefined && !isBefore(visitAt, `${nextVisitDue}T00:00:00Z`)) {
    throw new RuleViolation(
      'invalid-request',
      `the next visit (${nextVisitDue}) must be due after this visit (${visitAt})`,
    );
  }
}

/** A time the command names for a fact (stated, acted upon) cannot lie after the command itself. */
function requireNotAfter(label: string, value: string, at: string): void {
  if (isBefore(at, value)) throw new RuleViolation('invalid-request', `${label} (${value}) is after ${at}`);
}

function stateWishes(command: StateVictimWishes, state: AssistanceState): AssistanceEvent[] {
  requireTransition(
    !state.wishStatementIds.includes(command.statementId),
    `statement ${command.statementId} was already recorded`,
  );
  for (const [a, b] of EXCLUSIVE_WISHES) {
    if (command.wishes.includes(a) && command.wishes.includes(b))
      throw new RuleViolation('invalid-request', `the wishes ${a} and ${b} exclude each other`);
  }
  const statedAt = command.statedAt ?? command.at;
  requireNotAfter('the statement', statedAt, command.at);
  if (state.wishesStatedAt !== undefined && isBefore(statedAt, state.wishesStatedAt)) {
    throw new RuleViolation(
      'invalid-request',
      `the last statement was made at ${state.wishesStatedAt}; an earlier one (${statedAt}) cannot replace it`,
    );
  }
  return [
    {
      type: 'VictimWishesStated',
      data: { statementId: command.statementId, wishes: [...new Set(command.wishes)], statedAt },
      ...(command.inTheirWords === undefined ? {} : { personal: { inTheirWords: command.inTheirWords } }),
    },
  ];
}

function recordWishAction(command: RecordWishAction, state: AssistanceState): AssistanceEvent[] {
  requireTransition(
    wishStands(state.wishes, command.wish),
    `${command.wish} is not among the wishes the victim last stated`,
  );
  const actedAt = command.actedAt ?? command.at;
  requireNotAfter('the action', actedAt, command.at);
  return [
    {
      type: 'WishActedUpon',
      data: { wish: command.wish, action: command.action, actedAt },
      ...(command.note === undefined ? {} : { personal: { note: command.note } }),
    },
  ];
}

/**
 * A team meeting or case conference: at least one agency took part, it was not held after the command,
 * and the next review it sets falls due (its date's midnight UTC) after the meeting.
 */
function recordTeamMeeting(command: RecordTeamMeeting, state: AssistanceState): AssistanceEvent[] {
  requireTransition(
    !state.meetingIds.includes(command.meetingId),
    `meeting ${command.meetingId} was already recorded`,
  );
  if (command.agencies.length === 0) {
    throw new RuleViolation('invalid-request', 'a meeting names at least one participating agency');
  }
  const heldAt = command.heldAt ?? command.at;
  requireNotAfter('the meeting', heldAt, command.at);
  if (command.nextReviewOn !== undefined && !isBefore(heldAt, `${command.nextReviewOn}T00:00:00Z`)) {
    throw new RuleViolation(
      'invalid-request',
      `the next review (${command.nextReviewOn}) must be due after the meeting (${heldAt})`,
    );
  }
  return [
    {
      type: 'TeamMeetingRecorded',
      data: defined({
        meetingId: command.meetingId,
        kind: command.kind,
        heldAt,
        teamId: command.teamId,
        agencies: [...new Set(command.agencies)],
        participantRoles: [...new Set(command.participantRoles ?? [])],
        topics: [...new Set(command.topics)],
        nextReviewOn: command.nextReviewOn,
      }),
      ...(command.decisions === undefined ? {} : { personal: { decisions: command.decisions } }),
    },
  ];
}

function serviceIn(
  state: AssistanceState,
  serviceId: string,
  allowed: readonly ServiceStatus[],
): ServiceState {
  const service = state.services[serviceId];
  requireTransition(service, `no service ${serviceId} in this case`);
  requireTransition(
    allowed.includes(service.status),
    `service ${serviceId} is ${service.status}, expected ${allowed.join(' or ')}`,
  );
  return service;
}

function adoptPlan(
  planId: string,
  services: readonly PlannedService[],
  state: AssistanceState,
): AssistanceEvent[] {
  requireTransition(services.length > 0, 'an assistance plan needs at least one service');
  const ids = new Set(services.map((s) => s.serviceId));
  requireTransition(ids.size === services.length, 'service ids must be unique within a plan');
  for (const { serviceId } of services) {
    requireTransition(!state.services[serviceId], `service ${serviceId} already exists in this case`);
  }
  for (const { provider } of services)
    if (provider !== undefined) requireAssistanceConsent(state.consents, provider);
  const referrals: AssistanceEvent[] = services.flatMap(({ serviceId, kind, provider }) =>
    provider === undefined ? [] : [{ type: 'ServiceReferred' as const, data: { serviceId, kind, provider } }],
  );
  return [
    {
      type: 'AssistancePlanAdopted',
      data: { planId, services: services.map((service) => defined({ ...service })) },
    },
    ...referrals,
  ];
}

/**
 * Reopening is the one assistance command a closed case takes (re-trafficking, new needs, new
 * information, a closure in error). The case keeps its history: plans, services, monitoring, team and
 * wishes stay as they were, and a new plan may be adopted with new service ids.
 */
function reopen(command: ReopenCase, state: AssistanceState): AssistanceEvent[] {
  requireTransition(
    state.lifecycle !== 'unregistered',
    'ReopenCase: no presumed victim or person at risk is registered in this case',
  );
  requireTransition(
    state.lifecycle === 'closed',
    'ReopenCase: the case is open; only a closed case is reopened',
  );
  return [
    {
      type: 'CaseReopened',
      data: { reason: command.reason },
      ...(command.note === undefined ? {} : { personal: { note: command.note } }),
    },
  ];
}

/**
 * Joining the team opens the case to the agency: an assistance consent must cover it (one naming it,
 * or one without a recipient that no withdrawal for it overrides), or a legal basis must be recorded
 * with its justification.
 */
function addTeamAgency(command: AddTeamAgency, state: AssistanceState): AssistanceEvent[] {
  const { agency, legalBasis, justification } = command;
  requireTransition(!state.team.includes(agency), `${agency} is already a member of the case's team`);
  if (legalBasis === undefined) {
    if (justification !== undefined) {
      throw new RuleViolation('invalid-request', 'a justification goes with a legal basis');
    }
    if (!consentAdmitsAgency(state.consents, agency)) {
      throw new RuleViolation(
        'agency-consent-required',
        `no active ${AGENCY_CONSENT_PURPOSE} consent covers ${agency}, and no legal basis was recorded`,
      );
    }
    return [{ type: 'AgencyJoinedTeam', data: { agency } }];
  }
  if (justification === undefined || justification.trim() === '') {
    throw new RuleViolation('invalid-request', `the legal basis ${legalBasis} needs a justification`);
  }
  return [{ type: 'AgencyJoinedTeam', data: { agency, legalBasis }, personal: { justification } }];
}

/** Team members that joined under consent and leave with this withdrawal or refusal. */
function teamLeaving(state: AssistanceState, consents: ConsentLedger, event: CaseEvent): string[] {
  if (event.type !== 'ConsentWithdrawn' && event.type !== 'ConsentRefused') return [];
  if (event.data.purpose !== AGENCY_CONSENT_PURPOSE) return [];
  const named = normaliseRecipient(event.data.recipient);
  return state.team.filter(
    (agency) =>
      !state.teamUnderLegalBasis.includes(agency) &&
      (named === undefined || named === agency) &&
      !consentAdmitsAgency(consents, agency),
  );
}

function decide(command: AssistanceCommand, state: AssistanceState): AssistanceEvent[] {
  if (command.type === 'ReopenCase') return reopen(command, state);
  assertOpen(state.lifecycle, command.type);
  switch (command.type) {
    case 'AssessNeeds':
      return [
        {
          type: 'NeedsAssessed',
          data: { needs: [...command.needs] },
          ...(command.notes === undefined ? {} : { personal: { notes: command.notes } }),
        },
      ];
    case 'AssessRisk':
      return [
        {
          type: 'RiskAssessed',
          data: { kind: command.kind, level: command.level },
          personal: { notes: command.notes },
        },
      ];
    case 'AdoptAssistancePlan':
      return adoptPlan(command.planId, command.services, state);
    case 'ReferService': {
      const existing = state.services[command.serviceId];
      if (existing) serviceIn(state, command.serviceId, ['planned', 'declined']);
      requireAssistanceConsent(state.consents, command.provider);
      return [
        {
          type: 'ServiceReferred',
          data: { serviceId: command.serviceId, kind: command.kind, provider: command.provider },
        },
      ];
    }
    case 'AcceptServiceReferral':
      serviceIn(state, command.serviceId, ['referred']);
      return [{ type: 'ServiceReferralAccepted', data: { serviceId: command.serviceId } }];
    case 'DeclineServiceReferral':
      serviceIn(state, command.serviceId, ['referred']);
      refuseNonCooperationReason(command.reason);
      return [
        { type: 'ServiceReferralDeclined', data: { serviceId: command.serviceId, reason: command.reason } },
      ];
    case 'DeliverService': {
      // A planned service without provider is delivered by the case's own agency; repeated sessions are fine.
      const service = serviceIn(state, command.serviceId, ['planned', 'accepted', 'delivered']);
      requireTransition(
        service.status !== 'planned' || service.provider === undefined,
        `service ${command.serviceId} waits for its referral to be accepted`,
      );
      return [
        {
          type: 'ServiceDelivered',
          data: { serviceId: command.serviceId, deliveredAt: command.deliveredAt ?? command.at },
        },
      ];
    }
    case 'RecordMonitoring':
      requireTransition(state.planId, 'monitoring follows an adopted assistance plan');
      requireNextVisitAfter(command.nextVisitDue, command.at);
      return [
        {
          type: 'MonitoringRecorded',
          data: defined({ status: command.status, nextVisitDue: command.nextVisitDue }),
          ...(command.notes === undefined ? {} : { personal: { notes: command.notes } }),
        },
      ];
    case 'AddTeamAgency':
      return addTeamAgency(command, state);
    case 'RecordTeamMeeting':
      return recordTeamMeeting(command, state);
    case 'CloseCase':
      refuseNonCooperationReason(command.reason);
      return [{ type: 'CaseClosed', data: { reason: command.reason } }];
    case 'StateVictimWishes':
      return stateWishes(command, state);
    case 'RecordWishAction':
      return recordWishAction(command, state);
  }
}

function withService(
  state: AssistanceState,
  serviceId: string,
  change: Partial<ServiceState>,
): AssistanceState {
  const service = state.services[serviceId];
  if (!service) return state;
  return { ...state, services: { ...state.services, [serviceId]: { ...service, ...change } } };
}

function evolve(state: AssistanceState, event: CaseEvent): AssistanceState {
  const lifecycle = evolveLifecycle(state.lifecycle, event);
  const consents = evolveConsents(state.consents, event);
  const leaving = teamLeaving(state, consents, event);
  const team = leaving.length ? state.team.filter((a) => !leaving.includes(a)) : state.team;
  const next =
    lifecycle === state.lifecycle && consents === state.consents && team === state.team
      ? state
      : { ...state, lifecycle, consents, team };
  switch (event.type) {
    case 'NeedsAssessed':
      return { ...next, needs: [...event.data.needs] };
    case 'RiskAssessed':
      return { ...next, risks: { ...next.risks, [event.data.kind]: event.data.level } };
    case 'AssistancePlanAdopted': {
      const services = { ...next.services };
      for (const { serviceId, kind, provider } of event.data.services) {
        services[serviceId] = defined({ kind, provider, status: 'planned' as const });
      }
      return { ...next, planId: event.data.planId, services };
    }
    case 'ServiceReferred': {
      const { serviceId, kind, provider } = event.data;
      return { ...next, services: { ...next.services, [serviceId]: { kind, provider, status: 'referred' } } };
    }
    case 'ServiceReferralAccepted':
      return withService(next, event.data.serviceId, { status: 'accepted' });
    case 'ServiceReferralDeclined':
      return withService(next, event.data.serviceId, {
        status: 'declined',
        declineReason: event.data.reason,
      });
    case 'ServiceDelivered':
      return withService(next, event.data.serviceId, { status: 'delivered' });
    case 'MonitoringRecorded':
      return { ...next, monitoring: event.data.status };
    case 'AgencyJoinedTeam': {
      const { agency, legalBasis } = event.data;
      return {
        ...next,
        team: next.team.includes(agency) ? next.team : [...next.team, agency],
        teamUnderLegalBasis:
          legalBasis === undefined || next.teamUnderLegalBasis.includes(agency)
            ? next.teamUnderLegalBasis
            : [...next.teamUnderLegalBasis, agency],
      };
    }
    case 'VictimWishesStated':
      return {
        ...next,
        wishes: evolveStatedWishes(next.wishes, event),
        wishesStatedAt: event.data.statedAt,
        wishStatementIds: [...next.wishStatementIds, event.data.statementId],
      };
    case 'TeamMeetingRecorded':
      return { ...next, meetingIds: [...next.meetingIds, event.data.meetingId] };
    default:
      return next;
  }
}

export const assistanceDecider = {
  initialState: INITIAL_ASSISTANCE_STATE,
  decide,
  evolve,
} satisfies Decider<AssistanceCommand, AssistanceState, CaseEvent>;
