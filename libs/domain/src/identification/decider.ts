import type { CaseEvent, IdentificationEvent } from '@nrm/contracts';
import { ageBandOf } from '../shared/age-band';
import { evolveChildProtection } from '../shared/child-protection';
import { defined } from '../shared/command';
import { evolveConsents, isConsentActive } from '../shared/consent-ledger';
import type { Decider } from '../shared/decider';
import { assertOpen, evolveLifecycle, requireTransition } from '../shared/lifecycle';
import { evolveReflectionPeriod, MIN_REFLECTION_PERIOD_DAYS } from '../shared/reflection-period';
import { RuleViolation } from '../shared/rule-violation';
import { addDays, ageOn, daysBetween, isBefore } from '../shared/time';
import type { IdentificationCommand, RegisterPresumedVictim } from './commands';
import { INITIAL_IDENTIFICATION_STATE, type IdentificationState } from './state';

function register(command: RegisterPresumedVictim): IdentificationEvent[] {
  const { person, at } = command;
  const age = person.dateOfBirth === undefined ? undefined : ageOn(person.dateOfBirth, at);
  if (age !== undefined && age < 0) {
    throw new RuleViolation('invalid-transition', 'the date of birth lies after the registration');
  }
  const ageUncertain = person.ageUncertain ?? false;
  // Presumption of minority (CoE Convention art. 10(3)): an uncertain age with any sign of a child counts as a child.
  const presumedMinor = ageUncertain
    ? age === undefined || person.reasonsToBelieveChild === true || age < 18
    : age !== undefined && age < 18;
  const days = Math.max(MIN_REFLECTION_PERIOD_DAYS, Math.ceil(command.reflectionPeriodDays) || 0);
  return [
    {
      type: 'PresumedVictimRegistered',
      data: defined({
        caseId: command.caseId,
        referralSource: command.referralSource,
        countryOfExploitation: command.countryOfExploitation,
        formsOfExploitation: [...command.formsOfExploitation],
        indicators: [...(command.indicators ?? [])],
        meansOfControl: [...(command.meansOfControl ?? [])],
        recruiterRelation: command.recruiterRelation,
        sex: person.sex,
        citizenship: person.citizenship,
        ageBand: ageBandOf(age),
        ageUncertain,
        presumedMinor,
        registeredAt: at,
      }),
      personal: defined({
        givenName: person.givenName,
        familyName: person.familyName,
        dateOfBirth: person.dateOfBirth,
      }),
    },
    { type: 'ReflectionPeriodStarted', data: { startsAt: at, endsAt: addDays(at, days), days } },
  ];
}

function decide(command: IdentificationCommand, state: IdentificationState): IdentificationEvent[] {
  if (command.type === 'RegisterPresumedVictim') {
    requireTransition(
      state.lifecycle === 'unregistered',
      'this case already has a registered presumed victim',
    );
    return register(command);
  }
  assertOpen(state.lifecycle, command.type);
  switch (command.type) {
    case 'ExtendReflectionPeriod': {
      const current = state.reflection;
      requireTransition(current, 'no reflection period was started');
      requireTransition(
        isBefore(current.endsAt, command.endsAt),
        `the new end must be later than the current end (${current.endsAt})`,
      );
      return [
        {
          type: 'ReflectionPeriodExtended',
          data: { endsAt: command.endsAt, days: daysBetween(current.startsAt, command.endsAt) },
        },
      ];
    }
    case 'GiveConsent':
      if (command.purpose === 'data_sharing' && command.recipient === undefined) {
        throw new RuleViolation('consent-required', 'consent to data sharing must name its recipient');
      }
      return [
        { type: 'ConsentGiven', data: defined({ purpose: command.purpose, recipient: command.recipient }) },
      ];
    case 'WithdrawConsent': {
      const data = defined({ purpose: command.purpose, recipient: command.recipient });
      // Withdrawing what was never given still records the victim's "no", which blocks that sharing.
      return isConsentActive(state.consents, command.purpose, command.recipient)
        ? [{ type: 'ConsentWithdrawn', data }]
        : [{ type: 'ConsentRefused', data }];
    }
    case 'AssessAge':
      return [
        { type: 'AgeAssessed', data: { presumedMinor: command.presumedMinor, method: command.method } },
      ];
    case 'AppointGuardian':
      requireTransition(
        state.child.presumedMinor,
        'a guardian is appointed only for a presumed or known child',
      );
      return [
        {
          type: 'GuardianAppointed',
          data: { authority: command.authority },
          personal: { name: command.name },
        },
      ];
    case 'DetermineBestInterests':
      requireTransition(state.child.presumedMinor, 'a best-interests determination is made only for a child');
      if (!state.child.guardianAppointed) {
        throw new RuleViolation(
          'guardian-required',
          'appoint a guardian before determining the best interests',
        );
      }
      return [
        {
          type: 'BestInterestsDetermined',
          data: defined({ outcome: command.outcome, returnInBestInterests: command.returnInBestInterests }),
          personal: { notes: command.notes },
        },
      ];
    case 'ConcludeIdentification':
      requireTransition(
        state.status === 'presumed',
        `identification was already concluded (${state.status})`,
      );
      return [
        {
          type: 'IdentificationConcluded',
          data: {
            status: command.decision,
            decidingBody: command.decidingBody ?? 'competent_authority',
            formsOfExploitation: [...(command.formsOfExploitation ?? state.formsOfExploitation)],
          },
          personal: { reasons: command.reasons },
        },
      ];
  }
}

function evolve(state: IdentificationState, event: CaseEvent): IdentificationState {
  const next: IdentificationState = {
    ...state,
    lifecycle: evolveLifecycle(state.lifecycle, event),
    child: evolveChildProtection(state.child, event),
    consents: evolveConsents(state.consents, event),
  };
  const reflection = evolveReflectionPeriod(state.reflection, event);
  if (reflection) next.reflection = reflection;
  switch (event.type) {
    case 'PresumedVictimRegistered':
      return { ...next, formsOfExploitation: [...event.data.formsOfExploitation] };
    case 'IdentificationConcluded':
      return { ...next, status: event.data.status, formsOfExploitation: [...event.data.formsOfExploitation] };
    default:
      return next;
  }
}

export const identificationDecider = {
  initialState: INITIAL_IDENTIFICATION_STATE,
  decide,
  evolve,
} satisfies Decider<IdentificationCommand, IdentificationState, CaseEvent>;
