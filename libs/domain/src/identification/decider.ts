import type { AgeAssessmentMethod, CaseEvent, IdentificationEvent } from '@nrm/contracts';
import { ageBandOf } from '../shared/age-band';
import { evolveCaseKind } from '../shared/case-kind';
import { evolveChildProtection } from '../shared/child-protection';
import { defined } from '../shared/command';
import {
  activeConsentsOf,
  evolveConsents,
  isConsentActive,
  normaliseRecipient,
} from '../shared/consent-ledger';
import type { Decider } from '../shared/decider';
import { evolvePseudonymous } from '../shared/identity';
import { assertOpen, evolveLifecycle, requireTransition } from '../shared/lifecycle';
import { evolveReflectionPeriod, MIN_REFLECTION_PERIOD_DAYS } from '../shared/reflection-period';
import { RuleViolation } from '../shared/rule-violation';
import { addDays, ageOn, daysBetween, isBefore } from '../shared/time';
import type {
  AssessAge,
  ConvertToPresumedVictim,
  DecideIdentificationReview,
  IdentificationCommand,
  RecordIdentity,
  RequestIdentificationReview,
  PersonToRegister,
  RegisterPersonAtRisk,
  RegisterPresumedVictim,
  WithdrawConsent,
} from './commands';
import { INITIAL_IDENTIFICATION_STATE, type IdentificationState } from './state';

/** The person's non-personal facts and personal part, as every registration records them. */
function personFacts(person: PersonToRegister, at: string) {
  const named = person.givenName !== undefined || person.familyName !== undefined;
  const pseudonymous = person.pseudonym !== undefined;
  if (
    named === pseudonymous ||
    (named && (person.givenName === undefined || person.familyName === undefined))
  ) {
    throw new RuleViolation(
      'invalid-request',
      'register the person with their given and family name, or (if they will not give it yet) a pseudonym: exactly one of the two',
    );
  }
  const age = person.dateOfBirth === undefined ? undefined : ageOn(person.dateOfBirth, at);
  if (age !== undefined && age < 0) {
    throw new RuleViolation('invalid-transition', 'the date of birth lies after the registration');
  }
  const ageUncertain = person.ageUncertain ?? false;
  // Presumption of minority (CoE Convention art. 10(3); Directive 2011/36/EU art. 13(2)): reasons to
  // believe the person is a child make them a presumed child whatever age is stated; a known age under
  // 18 is a child; an uncertain age with no date of birth at all is presumed a child.
  const presumedMinor =
    person.reasonsToBelieveChild === true ||
    (age !== undefined && age < 18) ||
    (ageUncertain && age === undefined);
  return {
    ageBand: ageBandOf(age),
    ageUncertain,
    presumedMinor,
    ...(pseudonymous ? { pseudonymous } : {}),
    personal: defined({
      givenName: person.givenName,
      familyName: person.familyName,
      pseudonym: person.pseudonym,
      dateOfBirth: person.dateOfBirth,
    }),
  };
}

const reflectionStarted = (at: string, requestedDays: number): IdentificationEvent => {
  const days = Math.max(MIN_REFLECTION_PERIOD_DAYS, Math.ceil(requestedDays) || 0);
  return { type: 'ReflectionPeriodStarted', data: { startsAt: at, endsAt: addDays(at, days), days } };
};

function register(command: RegisterPresumedVictim): IdentificationEvent[] {
  const { person, at } = command;
  const { ageBand, ageUncertain, presumedMinor, pseudonymous, personal } = personFacts(person, at);
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
        ageBand,
        ageUncertain,
        presumedMinor,
        pseudonymous,
        registeredAt: at,
        district: command.district,
      }),
      personal,
    },
    reflectionStarted(at, command.reflectionPeriodDays),
  ];
}

/** A person at risk: the same person facts, the vulnerabilities instead of an exploitation, no reflection period. */
function registerPersonAtRisk(command: RegisterPersonAtRisk): IdentificationEvent[] {
  const { person, at } = command;
  if (command.vulnerabilities.length === 0) {
    throw new RuleViolation('invalid-request', 'name at least one vulnerability of the person at risk');
  }
  const { ageBand, ageUncertain, presumedMinor, pseudonymous, personal } = personFacts(person, at);
  return [
    {
      type: 'PersonAtRiskRegistered',
      data: defined({
        caseId: command.caseId,
        vulnerabilities: [...new Set(command.vulnerabilities)],
        referralSource: command.referralSource,
        sex: person.sex,
        citizenship: person.citizenship,
        ageBand,
        ageUncertain,
        presumedMinor,
        pseudonymous,
        registeredAt: at,
        linkedCaseId: command.linkedCaseId,
        district: command.district,
      }),
      personal,
    },
  ];
}

/** Indicators of trafficking turn the person at risk's case into a presumed victim's, history kept. */
function convert(command: ConvertToPresumedVictim, state: IdentificationState): IdentificationEvent[] {
  requireTransition(
    state.kind === 'person_at_risk',
    'only the case of a person at risk is converted; this case is already a presumed victim’s',
  );
  if (command.indicators.length === 0) {
    throw new RuleViolation(
      'indicators-required',
      'name the indicators of trafficking that make the person a presumed victim',
    );
  }
  return [
    {
      type: 'PersonAtRiskConverted',
      data: defined({
        indicators: [...command.indicators],
        countryOfExploitation: command.countryOfExploitation,
        formsOfExploitation: [...command.formsOfExploitation],
        meansOfControl: [...(command.meansOfControl ?? [])],
        recruiterRelation: command.recruiterRelation,
        convertedAt: command.at,
      }),
    },
    reflectionStarted(command.at, command.reflectionPeriodDays),
  ];
}

/**
 * A withdrawal stops sharing at once. Naming a recipient withdraws that one consent; without a
 * recipient it withdraws every active consent of the purpose (all recipients). Withdrawing what is not
 * active still records the victim's "no" (ConsentRefused), which blocks that sharing.
 */
function withdrawConsent(command: WithdrawConsent, state: IdentificationState): IdentificationEvent[] {
  const { purpose } = command;
  const recipient = normaliseRecipient(command.recipient);
  if (recipient === undefined) {
    const active = activeConsentsOf(state.consents, purpose);
    if (active.length === 0) return [{ type: 'ConsentRefused', data: { purpose } }];
    // The consent without recipient first, then the named recipients in the order they were recorded.
    const ordered = [
      ...active.filter((e) => e.recipient === undefined),
      ...active.filter((e) => e.recipient !== undefined),
    ];
    return ordered.map((entry) => ({
      type: 'ConsentWithdrawn' as const,
      data: defined({ purpose, recipient: entry.recipient }),
    }));
  }
  const data = { purpose, recipient };
  return isConsentActive(state.consents, purpose, recipient)
    ? [{ type: 'ConsentWithdrawn', data }]
    : [{ type: 'ConsentRefused', data }];
}

/** Methods that may remove a presumption of minority (a mere interview or "other" may not). */
export const METHODS_REMOVING_MINORITY: readonly AgeAssessmentMethod[] = [
  'document_verification',
  'medical',
  'multidisciplinary',
];

function assessAge(command: AssessAge, state: IdentificationState): IdentificationEvent[] {
  const removes = state.child.presumedMinor && !command.presumedMinor;
  requireTransition(
    !removes || METHODS_REMOVING_MINORITY.includes(command.method),
    `the presumption of minority stays until an assessment by ${METHODS_REMOVING_MINORITY.join(', ')} ` +
      `finds an adult; ${command.method} alone cannot remove it (in doubt, the person is treated as a child)`,
  );
  return [{ type: 'AgeAssessed', data: { presumedMinor: command.presumedMinor, method: command.method } }];
}

/** Review (by the identifying authority) or appeal (by the person) of a concluded decision, one at a time. */
function requestReview(
  command: RequestIdentificationReview,
  state: IdentificationState,
): IdentificationEvent[] {
  requireTransition(
    state.status !== 'presumed',
    'only a concluded identification decision can be reviewed or appealed',
  );
  requireTransition(
    !state.pendingReview,
    `a ${state.pendingReview?.kind} of the identification decision is already pending`,
  );
  const requestedAt = command.requestedAt ?? command.at;
  if (isBefore(command.at, requestedAt))
    throw new RuleViolation('invalid-request', `the request (${requestedAt}) is after ${command.at}`);
  return [
    {
      type: 'IdentificationReviewRequested',
      data: { kind: command.kind, requestedAt },
      personal: { grounds: command.grounds },
    },
  ];
}

/**
 * The review's decision. Overturned reverses the decision (identified ↔ not identified) through the
 * event's `status`, which every context folds like a conclusion. A person identified on appeal is a
 * victim again with the assistance that goes with it; the reflection period is not started again (it
 * ran from the registration, the decision it preceded was taken).
 */
function decideReview(
  command: DecideIdentificationReview,
  state: IdentificationState,
): IdentificationEvent[] {
  requireTransition(state.pendingReview, 'no review or appeal of the identification decision is pending');
  const current = state.status === 'identified' ? 'identified' : 'not_identified';
  const reversed = current === 'identified' ? 'not_identified' : 'identified';
  return [
    {
      type: 'IdentificationReviewDecided',
      data: {
        outcome: command.outcome,
        status: command.outcome === 'overturned' ? reversed : current,
        decidedAt: command.at,
      },
      ...(command.reasons === undefined ? {} : { personal: { reasons: command.reasons } }),
    },
  ];
}

function recordIdentity(command: RecordIdentity, state: IdentificationState): IdentificationEvent[] {
  requireTransition(
    state.pseudonymous,
    'the person’s identity is already recorded (only a person registered under a pseudonym gets one later)',
  );
  if (command.dateOfBirth !== undefined && isBefore(command.at, `${command.dateOfBirth}T00:00:00Z`))
    throw new RuleViolation('invalid-request', 'the date of birth lies in the future');
  return [
    {
      type: 'IdentityRecorded',
      data: { recordedAt: command.at },
      personal: defined({
        givenName: command.givenName,
        familyName: command.familyName,
        dateOfBirth: command.dateOfBirth,
      }),
    },
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
  if (command.type === 'RegisterPersonAtRisk') {
    requireTransition(state.lifecycle === 'unregistered', 'this case already has a registered person');
    return registerPersonAtRisk(command);
  }
  if (command.type === 'WithdrawConsent') {
    // The victim's "no" must always be recordable, also after the case is closed.
    requireTransition(
      state.lifecycle !== 'unregistered',
      `${command.type}: no presumed victim or person at risk is registered in this case`,
    );
    return withdrawConsent(command, state);
  }
  assertOpen(state.lifecycle, command.type);
  switch (command.type) {
    case 'ConvertToPresumedVictim':
      return convert(command, state);
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
    case 'GiveConsent': {
      const recipient = normaliseRecipient(command.recipient);
      if (command.purpose === 'data_sharing' && recipient === undefined) {
        throw new RuleViolation('consent-required', 'consent to data sharing must name its recipient');
      }
      return [{ type: 'ConsentGiven', data: defined({ purpose: command.purpose, recipient }) }];
    }
    case 'AssessAge':
      return assessAge(command, state);
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
    case 'RequestIdentificationReview':
      return requestReview(command, state);
    case 'DecideIdentificationReview':
      return decideReview(command, state);
    case 'RecordIdentity':
      return recordIdentity(command, state);
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
    kind: evolveCaseKind(state.kind, event),
    child: evolveChildProtection(state.child, event),
    consents: evolveConsents(state.consents, event),
    pseudonymous: evolvePseudonymous(state.pseudonymous, event),
  };
  const reflection = evolveReflectionPeriod(state.reflection, event);
  if (reflection) next.reflection = reflection;
  switch (event.type) {
    case 'PresumedVictimRegistered':
    case 'PersonAtRiskConverted':
      return { ...next, formsOfExploitation: [...event.data.formsOfExploitation] };
    case 'IdentificationConcluded':
      return { ...next, status: event.data.status, formsOfExploitation: [...event.data.formsOfExploitation] };
    case 'IdentificationReviewRequested':
      return { ...next, pendingReview: { kind: event.data.kind } };
    case 'IdentificationReviewDecided': {
      const { pendingReview: _decided, ...rest } = next;
      return { ...rest, status: event.data.status };
    }
    default:
      return next;
  }
}

export const identificationDecider = {
  initialState: INITIAL_IDENTIFICATION_STATE,
  decide,
  evolve,
} satisfies Decider<IdentificationCommand, IdentificationState, CaseEvent>;
