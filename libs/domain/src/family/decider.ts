import type { CaseEvent, FamilyAssistanceEvent, FamilyReturnEvent } from '@nrm/contracts';
import { ageBandOf } from '../shared/age-band';
import { defined } from '../shared/command';
import type { Decider, DomainEvent } from '../shared/decider';
import { assertOpen, evolveLifecycle, requireTransition } from '../shared/lifecycle';
import { RuleViolation } from '../shared/rule-violation';
import { ageOn } from '../shared/time';
import type { FamilyCommand, LinkFamilyMember } from './commands';
import { INITIAL_FAMILY_STATE, type FamilyState, type MemberState } from './state';

type FamilyEvent = FamilyAssistanceEvent | FamilyReturnEvent;

/**
 * The data subject whose key encrypts an event's personal part: a family member's own key for every
 * event about a member (`data.memberId`), the victim's for every other event of the case. Pure, and the
 * one place this is decided (the case repository asks it for each event it appends).
 */
export function subjectOfEvent(caseId: string, event: { data: object }): string {
  const memberId = (event.data as { memberId?: unknown }).memberId;
  return typeof memberId === 'string' ? memberSubjectId(caseId, memberId) : victimSubjectId(caseId);
}

/** The presumed victim of a case, as a data subject. */
export function victimSubjectId(caseId: string): string {
  return `victim:${caseId}`;
}

/** A family member linked to a case, as a data subject of their own. */
export function memberSubjectId(caseId: string, memberId: string): string {
  return `member:${caseId}:${memberId}`;
}

/** The ids of the members linked to a case, in the order they were linked (for erasure). */
export function linkedMemberIds(events: readonly DomainEvent[]): string[] {
  const ids: string[] = [];
  for (const event of events) {
    const memberId = (event.data as { memberId?: unknown }).memberId;
    if (event.type === 'FamilyMemberLinked' && typeof memberId === 'string' && !ids.includes(memberId))
      ids.push(memberId);
  }
  return ids;
}

function invalidRequest(message: string): never {
  throw new RuleViolation('invalid-request', message);
}

function memberOf(state: FamilyState, memberId: string): MemberState {
  return state.members[memberId] ?? invalidRequest(`no family member ${memberId} is linked to this case`);
}

function childMember(state: FamilyState, memberId: string, what: string): MemberState {
  const member = memberOf(state, memberId);
  requireTransition(member.presumedMinor, `${what} only for a child member (presumed or known minor)`);
  return member;
}

/**
 * Why a decision about this child member (tracing, reunification) may not go ahead, or undefined. A
 * child member needs a guardian; reunifying them also needs their best-interests determination, and
 * not one that found reunification against their interests.
 */
export function familyDecisionBlockedForChild(
  member: MemberState,
  decision: 'tracing' | 'reunification',
): string | undefined {
  if (!member.presumedMinor) return undefined;
  if (!member.guardianAppointed) return `a child member needs a guardian before family ${decision}`;
  if (decision === 'tracing') return undefined;
  if (!member.bestInterestsDetermined)
    return 'a child member’s best-interests determination must be recorded before reunification';
  if (member.reunificationInBestInterests === false)
    return 'the best-interests determination found reunification not in the child’s interests';
  return undefined;
}

function requireChildRules(member: MemberState, decision: 'tracing' | 'reunification'): void {
  const blocked = familyDecisionBlockedForChild(member, decision);
  if (blocked) throw new RuleViolation('guardian-required', blocked);
}

/**
 * The family members a plan's services name must be linked to the case (invalid-request otherwise).
 * Asked by decideForCase before the assistance or reintegration decider decides the plan.
 */
export function requireLinkedMembers(
  services: readonly { memberIds?: readonly string[] }[],
  history: readonly DomainEvent[],
): void {
  const linked = new Set(linkedMemberIds(history));
  for (const { memberIds = [] } of services)
    for (const memberId of memberIds)
      if (!linked.has(memberId))
        invalidRequest(`a planned service names ${memberId}, which is no family member linked to this case`);
}

function link(command: LinkFamilyMember, state: FamilyState): FamilyEvent[] {
  requireTransition(!state.members[command.memberId], `family member ${command.memberId} is already linked`);
  if (command.bornInDestination && command.relation !== 'child')
    invalidRequest('only a child is born in the country of destination');
  const age = command.dateOfBirth === undefined ? undefined : ageOn(command.dateOfBirth, command.at);
  if (age !== undefined && age < 0) invalidRequest('the date of birth lies after the linking');
  // As for the victim: reasons to believe the member is a child make them one; so does a known age under 18.
  const presumedMinor = command.presumedMinor === true || (age !== undefined && age < 18);
  return [
    {
      type: 'FamilyMemberLinked',
      data: defined({
        memberId: command.memberId,
        relation: command.relation,
        bornInDestination: command.bornInDestination,
        sex: command.sex,
        ageBand: age === undefined ? (command.ageBand ?? 'unknown') : ageBandOf(age),
        presumedMinor,
        linkedAt: command.at,
      }),
      personal: defined({
        givenName: command.givenName,
        familyName: command.familyName,
        dateOfBirth: command.dateOfBirth,
      }),
    },
  ];
}

function decide(command: FamilyCommand, state: FamilyState): FamilyEvent[] {
  assertOpen(state.lifecycle, command.type);
  switch (command.type) {
    case 'LinkFamilyMember':
      return link(command, state);
    case 'AppointMemberGuardian':
      childMember(state, command.memberId, 'a guardian is appointed');
      return [
        {
          type: 'MemberGuardianAppointed',
          data: { memberId: command.memberId, authority: command.authority },
          ...(command.name === undefined ? {} : { personal: { name: command.name } }),
        },
      ];
    case 'DetermineMemberBestInterests': {
      const member = childMember(state, command.memberId, 'a best-interests determination is made');
      if (!member.guardianAppointed)
        throw new RuleViolation(
          'guardian-required',
          'appoint the child’s guardian before determining their best interests',
        );
      return [
        {
          type: 'MemberBestInterestsDetermined',
          data: defined({
            memberId: command.memberId,
            outcome: command.outcome,
            reunificationInBestInterests: command.reunificationInBestInterests,
          }),
          ...(command.notes === undefined ? {} : { personal: { notes: command.notes } }),
        },
      ];
    }
    case 'AssessFamily': {
      const linked = Object.keys(state.members);
      requireTransition(linked.length > 0, 'a family assessment needs family members linked to the case');
      for (const memberId of command.memberIds) memberOf(state, memberId);
      const missing = linked.filter((id) => !command.memberIds.includes(id));
      if (missing.length)
        invalidRequest(
          `the family assessment must cover every linked member; missing: ${missing.join(', ')}`,
        );
      return [
        {
          type: 'FamilyAssessed',
          data: { memberIds: [...new Set(command.memberIds)], needs: [...command.needs] },
          ...(command.notes === undefined ? {} : { personal: { notes: command.notes } }),
        },
      ];
    }
    case 'StartParentageRecognition': {
      const member = memberOf(state, command.memberId);
      if (member.relation !== 'child' || !member.bornInDestination)
        invalidRequest('parentage recognition is for a child born in the country of destination');
      requireTransition(!state.parentage[command.proceedingId], `proceeding ${command.proceedingId} exists`);
      requireTransition(
        !Object.values(state.parentage).some((p) => p.memberId === command.memberId && !p.outcome),
        'a parentage recognition for this child is already under way',
      );
      return [
        {
          type: 'ParentageRecognitionStarted',
          data: {
            memberId: command.memberId,
            proceedingId: command.proceedingId,
            authority: command.authority,
          },
        },
      ];
    }
    case 'RecordParentageStep': {
      const proceeding = openProceeding(state, command.proceedingId);
      return [
        {
          type: 'ParentageRecognitionStepRecorded',
          data: { memberId: proceeding.memberId, proceedingId: command.proceedingId, step: command.step },
          ...(command.notes === undefined ? {} : { personal: { notes: command.notes } }),
        },
      ];
    }
    case 'ConcludeParentageRecognition': {
      const proceeding = openProceeding(state, command.proceedingId);
      return [
        {
          type: 'ParentageRecognitionConcluded',
          data: {
            memberId: proceeding.memberId,
            proceedingId: command.proceedingId,
            outcome: command.outcome,
          },
        },
      ];
    }
    case 'RequestFamilyTracing': {
      const member = memberOf(state, command.memberId);
      requireTransition(!state.tracings[command.tracingId], `tracing ${command.tracingId} exists`);
      requireNoAsylumContact(state, command.country);
      requireChildRules(member, 'tracing');
      return [
        {
          type: 'FamilyTracingRequested',
          data: {
            tracingId: command.tracingId,
            memberId: command.memberId,
            country: command.country,
          },
        },
      ];
    }
    case 'RecordFamilyTracingOutcome': {
      const tracing = state.tracings[command.tracingId];
      requireTransition(tracing, `no tracing ${command.tracingId} was requested`);
      requireTransition(!tracing.outcome, `tracing ${command.tracingId} is concluded`);
      return [
        {
          type: 'FamilyTracingConcluded',
          data: { tracingId: command.tracingId, memberId: tracing.memberId, outcome: command.outcome },
          ...(command.notes === undefined ? {} : { personal: { notes: command.notes } }),
        },
      ];
    }
    case 'ReunifyFamily': {
      const tracing = concludedTracing(state, command.tracingId);
      requireTransition(
        tracing.outcome === 'found',
        tracing.outcome === 'not_safe'
          ? 'the tracing found the family not safe: no reunification'
          : 'the tracing did not find the family',
      );
      requireChildRules(memberOf(state, tracing.memberId), 'reunification');
      return [
        { type: 'FamilyReunified', data: { tracingId: command.tracingId, memberId: tracing.memberId } },
      ];
    }
    case 'RefuseFamilyReunification': {
      const tracing = concludedTracing(state, command.tracingId);
      return [
        {
          type: 'FamilyReunificationRefused',
          data: { tracingId: command.tracingId, memberId: tracing.memberId, reason: command.reason },
          ...(command.notes === undefined ? {} : { personal: { notes: command.notes } }),
        },
      ];
    }
  }
}

/** Tracing in the country of origin contacts it: never while the victim's asylum application is pending or granted. */
function requireNoAsylumContact(state: FamilyState, country: string): void {
  if ((state.asylum === 'pending' || state.asylum === 'granted') && country === state.citizenship)
    throw new RuleViolation(
      'asylum-no-contact',
      `the person's asylum application is ${state.asylum}: no family tracing in the country of origin`,
    );
}

function openProceeding(state: FamilyState, proceedingId: string) {
  const proceeding = state.parentage[proceedingId];
  requireTransition(proceeding, `no parentage recognition ${proceedingId} was started`);
  requireTransition(!proceeding.outcome, `parentage recognition ${proceedingId} is concluded`);
  return proceeding;
}

function concludedTracing(state: FamilyState, tracingId: string) {
  const tracing = state.tracings[tracingId];
  requireTransition(tracing, `no tracing ${tracingId} was requested`);
  requireTransition(tracing.outcome, `tracing ${tracingId} has no outcome yet`);
  requireTransition(!tracing.reunification, `reunification after tracing ${tracingId} is already decided`);
  return tracing;
}

function withMember(state: FamilyState, memberId: string, change: Partial<MemberState>): FamilyState {
  const member = state.members[memberId];
  return member ? { ...state, members: { ...state.members, [memberId]: { ...member, ...change } } } : state;
}

function withTracing(state: FamilyState, tracingId: string, change: object): FamilyState {
  const tracing = state.tracings[tracingId];
  return tracing
    ? { ...state, tracings: { ...state.tracings, [tracingId]: { ...tracing, ...change } } }
    : state;
}

function evolve(state: FamilyState, event: CaseEvent): FamilyState {
  const lifecycle = evolveLifecycle(state.lifecycle, event);
  const next = lifecycle === state.lifecycle ? state : { ...state, lifecycle };
  switch (event.type) {
    case 'PresumedVictimRegistered':
      return { ...next, citizenship: event.data.citizenship };
    case 'AsylumApplicationRecorded':
      return { ...next, asylum: 'pending' };
    case 'AsylumApplicationClosed':
      return { ...next, asylum: event.data.outcome };
    case 'FamilyMemberLinked': {
      const { memberId, relation, presumedMinor, bornInDestination } = event.data;
      if (next.members[memberId]) return next;
      const member: MemberState = {
        relation,
        presumedMinor,
        bornInDestination: bornInDestination ?? false,
        guardianAppointed: false,
        bestInterestsDetermined: false,
      };
      return { ...next, members: { ...next.members, [memberId]: member } };
    }
    case 'MemberGuardianAppointed':
      return withMember(next, event.data.memberId, { guardianAppointed: true });
    case 'MemberBestInterestsDetermined': {
      // A new determination replaces the previous one entirely.
      const member = next.members[event.data.memberId];
      if (!member) return next;
      const { reunificationInBestInterests: _previous, ...rest } = member;
      const found = event.data.reunificationInBestInterests;
      const determined: MemberState = { ...rest, bestInterestsDetermined: true };
      return {
        ...next,
        members: {
          ...next.members,
          [event.data.memberId]:
            found === undefined ? determined : { ...determined, reunificationInBestInterests: found },
        },
      };
    }
    case 'ParentageRecognitionStarted':
      return {
        ...next,
        parentage: { ...next.parentage, [event.data.proceedingId]: { memberId: event.data.memberId } },
      };
    case 'ParentageRecognitionConcluded': {
      const proceeding = next.parentage[event.data.proceedingId];
      if (!proceeding) return next;
      return {
        ...next,
        parentage: {
          ...next.parentage,
          [event.data.proceedingId]: { ...proceeding, outcome: event.data.outcome },
        },
      };
    }
    case 'FamilyTracingRequested':
      return {
        ...next,
        tracings: { ...next.tracings, [event.data.tracingId]: { memberId: event.data.memberId } },
      };
    case 'FamilyTracingConcluded':
      return withTracing(next, event.data.tracingId, { outcome: event.data.outcome });
    case 'FamilyReunified':
      return withTracing(next, event.data.tracingId, { reunification: 'reunified' });
    case 'FamilyReunificationRefused':
      return withTracing(next, event.data.tracingId, { reunification: event.data.reason });
    default:
      return next;
  }
}

/** Family members, their child rules, tracing and reunification, and parentage recognition. */
export const familyDecider = {
  initialState: INITIAL_FAMILY_STATE,
  decide,
  evolve,
} satisfies Decider<FamilyCommand, FamilyState, CaseEvent>;
