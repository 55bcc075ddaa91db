/** Histories and events for specs (also usable by read-model and application tests). */
import type { CaseEvent, CaseEventType, EventOf } from '@nrm/contracts';
import { addDays } from '../shared/time';

export const CASE_ID = '3f1c9a52-8d4b-4e7a-9c21-5b6d7e8f9a0b';
/** Registration time of the fixture case. */
export const T0 = '2025-03-01T09:00:00.000Z';
/** T0 + n days, as an ISO string. */
export const day = (n: number): string => addDays(T0, n);

/** One event, typed by its catalogue type. */
export const event = <T extends CaseEventType>(
  type: T,
  data: EventOf<T>['data'],
  personal?: EventOf<T> extends { personal?: infer P } ? P : never,
): EventOf<T> => (personal === undefined ? { type, data } : { type, data, personal }) as EventOf<T>;

/** What registration records: the presumed victim, and a reflection period of `reflectionDays`. */
export function registered({ presumedMinor = false, reflectionDays = 30 } = {}): CaseEvent[] {
  return [
    event(
      'PresumedVictimRegistered',
      {
        caseId: CASE_ID,
        referralSource: 'ngo',
        countryOfExploitation: 'DE',
        formsOfExploitation: ['forced_labour'],
        indicators: [],
        meansOfControl: [],
        sex: 'female',
        citizenship: 'MD',
        ageBand: presumedMinor ? 'unknown' : '24--26',
        ageUncertain: presumedMinor,
        presumedMinor,
        registeredAt: T0,
      },
      { givenName: 'Ana', familyName: 'Popescu' },
    ),
    event('ReflectionPeriodStarted', { startsAt: T0, endsAt: day(reflectionDays), days: reflectionDays }),
  ];
}

export const consentGiven = (purpose: EventOf<'ConsentGiven'>['data']['purpose'], recipient?: string) =>
  event('ConsentGiven', recipient === undefined ? { purpose } : { purpose, recipient });

/** What the country of origin records when a partner node (DE) asks it to take the person back. */
export const handoverRequestReceived = (data: Partial<EventOf<'HandoverRequestReceived'>['data']> = {}) =>
  event('HandoverRequestReceived', {
    caseId: CASE_ID,
    handoverId: 'h1',
    sharedCaseRef: 'r',
    fromCountry: 'DE',
    fromNode: 'nrm-de',
    responseDueAt: day(20),
    receivedAt: day(1),
    formsOfExploitation: [],
    presumedMinor: false,
    ...data,
  });

export const closed = (reason: EventOf<'CaseClosed'>['data']['reason'] = 'assistance_completed') =>
  event('CaseClosed', { reason });
