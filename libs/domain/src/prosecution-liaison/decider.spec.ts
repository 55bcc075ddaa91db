import { CASE_ID, consentGiven, day, event, given, registered } from '../testing';

const at = (n: number) => ({ caseId: CASE_ID, at: day(n) });
const received = (requestedByVictim = false) =>
  event('LawEnforcementRequestReceived', {
    requestId: 'r1',
    agency: 'POLICE-MD',
    kind: 'interview',
    requestedByVictim,
  });
const receive = {
  type: 'ReceiveLawEnforcementRequest',
  requestId: 'r1',
  agency: 'POLICE-MD',
  kind: 'interview',
} as const;
const answer = {
  type: 'AnswerLawEnforcementRequest',
  ...at(40),
  requestId: 'r1',
  outcome: 'agreed',
} as const;
const answered = event('LawEnforcementRequestAnswered', { requestId: 'r1', outcome: 'agreed' });

describe('prosecution liaison: cooperation decision', () => {
  it('records a decision that may change over time', () => {
    given(registered())
      .when({ type: 'RecordCooperationDecision', ...at(5), willing: false })
      .then([event('CooperationDecisionRecorded', { willing: false })]);
    given([...registered(), event('CooperationDecisionRecorded', { willing: false })])
      .when({ type: 'RecordCooperationDecision', ...at(50), willing: true })
      .then([event('CooperationDecisionRecorded', { willing: true })]);
  });
});

describe('prosecution liaison: law-enforcement requests and the reflection period', () => {
  it('receives a request after the reflection period', () => {
    given(registered())
      .when({ ...receive, ...at(31) })
      .then([received(false)]);
  });

  it('receives a request inside the reflection period when the victim asked for it', () => {
    given(registered())
      .when({ ...receive, ...at(3), requestedByVictim: true })
      .then([received(true)]);
  });

  it.each([
    ['on the first day', 0],
    ['on the last day', 29],
  ])('refuses a request inside the reflection period %s', (_label, n) => {
    given(registered())
      .when({ ...receive, ...at(n) })
      .thenRefuses('reflection-period');
  });

  it('refuses a request during an extended reflection period', () => {
    given([...registered(), event('ReflectionPeriodExtended', { endsAt: day(60), days: 60 })])
      .when({ ...receive, ...at(45) })
      .thenRefuses('reflection-period');
  });

  it('refuses a request id received twice', () => {
    given([...registered(), received()])
      .when({ ...receive, ...at(40) })
      .thenRefuses('invalid-transition');
  });
});

describe('prosecution liaison: answering requests', () => {
  it('answers without sharing case data, with no consent needed', () => {
    given([...registered(), received()])
      .when(answer)
      .then([answered]);
  });

  it.each([
    ['a consent without recipient', [consentGiven('law_enforcement_cooperation')]],
    ['a consent naming the agency', [consentGiven('law_enforcement_cooperation', 'POLICE-MD')]],
  ])('shares case data with %s', (_label, consents) => {
    given([...registered(), ...consents, received()])
      .when({ ...answer, sharesCaseData: true })
      .then([answered]);
  });

  it.each([
    ['no consent', []],
    ['a consent naming another agency', [consentGiven('law_enforcement_cooperation', 'PROSECUTOR-RO')]],
    [
      'a withdrawn consent',
      [
        consentGiven('law_enforcement_cooperation'),
        event('ConsentWithdrawn', { purpose: 'law_enforcement_cooperation' }),
      ],
    ],
    ['consent for another purpose', [consentGiven('data_sharing', 'POLICE-MD')]],
  ])('refuses to share case data with %s', (_label, consents) => {
    given([...registered(), ...consents, received()])
      .when({ ...answer, sharesCaseData: true })
      .thenRefuses('consent-required');
  });

  it.each([
    ['an unknown request', registered()],
    ['an answered request', [...registered(), received(), answered]],
  ])('refuses to answer %s', (_label, history) => {
    given(history).when(answer).thenRefuses('invalid-transition');
  });
});

describe('prosecution liaison: hearings, protection, compensation, non-punishment', () => {
  const hearing = event('HearingScheduled', {
    hearingId: 'h1',
    scheduledFor: day(100),
    protectiveMeasures: ['video_testimony'],
  });

  it('schedules a hearing with protective measures', () => {
    given(registered())
      .when({
        type: 'ScheduleHearing',
        ...at(40),
        hearingId: 'h1',
        scheduledFor: day(100),
        protectiveMeasures: ['video_testimony'],
      })
      .then([hearing]);
  });

  it('refuses a hearing id twice', () => {
    given([...registered(), hearing])
      .when({
        type: 'ScheduleHearing',
        ...at(40),
        hearingId: 'h1',
        scheduledFor: day(120),
        protectiveMeasures: [],
      })
      .thenRefuses('invalid-transition');
  });

  it('orders protective measures, for a known hearing or none', () => {
    given([...registered(), hearing])
      .when({ type: 'OrderProtectiveMeasures', ...at(41), hearingId: 'h1', measures: ['anonymity'] })
      .then([event('ProtectiveMeasuresOrdered', { hearingId: 'h1', measures: ['anonymity'] })]);
    given(registered())
      .when({ type: 'OrderProtectiveMeasures', ...at(41), measures: ['police_protection'] })
      .then([event('ProtectiveMeasuresOrdered', { measures: ['police_protection'] })]);
  });

  it.each([
    ['an unknown hearing', { hearingId: 'h9', measures: ['anonymity'] }],
    ['no measure', { measures: [] }],
  ] as const)('refuses protective measures for %s', (_label, payload) => {
    given(registered())
      .when({ type: 'OrderProtectiveMeasures', ...at(41), ...payload })
      .thenRefuses('invalid-transition');
  });

  it('claims compensation once per claim id', () => {
    const claim = {
      type: 'ClaimCompensation',
      ...at(50),
      claimId: 'c1',
      against: 'offender',
      currency: 'EUR',
      amount: 5000,
    } as const;
    const claimed = event('CompensationClaimed', {
      claimId: 'c1',
      against: 'offender',
      currency: 'EUR',
      amount: 5000,
    });
    given(registered()).when(claim).then([claimed]);
    given([...registered(), claimed])
      .when(claim)
      .thenRefuses('invalid-transition');
  });

  it('flags non-punishment', () => {
    given(registered())
      .when({ type: 'FlagNonPunishment', ...at(2), basis: 'compelled_criminal_offence' })
      .then([event('NonPunishmentFlagged', { basis: 'compelled_criminal_offence' })]);
  });
});
