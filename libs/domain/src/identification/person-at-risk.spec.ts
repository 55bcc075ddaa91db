import type { CaseCommand } from '../case-commands';
import { PRESUMED_VICTIM_ONLY_COMMANDS } from '../shared/case-kind';
import { CASE_ID, closed, consentGiven, day, event, given, registered, T0 } from '../testing';
import type { ConvertToPresumedVictim, RegisterPersonAtRisk } from './commands';

const base = { caseId: CASE_ID, at: day(1) };
const LINKED = '0b8c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d';

const registration = (
  person: Partial<RegisterPersonAtRisk['person']> = {},
  more: Partial<RegisterPersonAtRisk> = {},
) =>
  ({
    type: 'RegisterPersonAtRisk',
    caseId: CASE_ID,
    at: T0,
    referralSource: 'social_services',
    person: { givenName: 'Dan', familyName: 'Rusu', sex: 'male', citizenship: 'MD', ...person },
    vulnerabilities: ['family_member_of_victim', 'child_left_behind'],
    ...more,
  }) satisfies RegisterPersonAtRisk;

/** A person at risk registered at T0: an adult, or a presumed child. */
const atRisk = ({ presumedMinor = false } = {}) => [
  event(
    'PersonAtRiskRegistered',
    {
      caseId: CASE_ID,
      vulnerabilities: ['stranded_migrant'],
      referralSource: 'ngo',
      sex: 'female',
      citizenship: 'MD',
      ageBand: presumedMinor ? 'unknown' : '24--26',
      ageUncertain: presumedMinor,
      presumedMinor,
      registeredAt: T0,
    },
    { givenName: 'Ana', familyName: 'Popescu' },
  ),
];

const conversion = (more: Partial<ConvertToPresumedVictim> = {}) =>
  ({
    type: 'ConvertToPresumedVictim',
    ...base,
    indicators: ['withheld_documents'],
    countryOfExploitation: 'DE',
    formsOfExploitation: ['forced_labour'],
    meansOfControl: ['debt_bondage'],
    recruiterRelation: 'friend',
    reflectionPeriodDays: 30,
    ...more,
  }) satisfies ConvertToPresumedVictim;

const converted = () => [
  ...atRisk(),
  event('PersonAtRiskConverted', {
    indicators: ['withheld_documents'],
    countryOfExploitation: 'DE',
    formsOfExploitation: ['forced_labour'],
    meansOfControl: [],
    convertedAt: day(1),
  }),
  event('ReflectionPeriodStarted', { startsAt: day(1), endsAt: day(31), days: 30 }),
];

describe('identification: RegisterPersonAtRisk', () => {
  it('records the person at risk (names in personal), with no reflection period', () => {
    given([])
      .when(registration({ dateOfBirth: '2012-06-15' }, { linkedCaseId: LINKED }))
      .then([
        event(
          'PersonAtRiskRegistered',
          {
            caseId: CASE_ID,
            vulnerabilities: ['family_member_of_victim', 'child_left_behind'],
            referralSource: 'social_services',
            sex: 'male',
            citizenship: 'MD',
            ageBand: '9--17',
            ageUncertain: false,
            presumedMinor: true,
            registeredAt: T0,
            linkedCaseId: LINKED,
          },
          { givenName: 'Dan', familyName: 'Rusu', dateOfBirth: '2012-06-15' },
        ),
      ]);
  });

  it.each([
    // dateOfBirth, ageUncertain, reasonsToBelieveChild, expected presumedMinor
    ['1990-01-01', undefined, undefined, false],
    [undefined, true, undefined, true],
    ['2000-01-01', true, true, true],
    [undefined, undefined, undefined, false],
  ] as const)(
    'applies the presumption of minority: dateOfBirth %s, ageUncertain %s, reasons %s → %s',
    (dateOfBirth, ageUncertain, reasonsToBelieveChild, presumedMinor) => {
      const [registered] = given([])
        .when(registration({ dateOfBirth, ageUncertain, reasonsToBelieveChild }))
        .events();
      expect(registered.data).toMatchObject({ presumedMinor });
    },
  );

  it('records the district it is registered in, when given', () => {
    const [registered] = given([])
      .when(registration({}, { district: 'MD-CU' }))
      .events();
    expect(registered.data).toMatchObject({ district: 'MD-CU' });
  });

  it('names each vulnerability once', () => {
    const [registered] = given([])
      .when(registration({}, { vulnerabilities: ['neglect', 'neglect', 'abuse_victim'] }))
      .events();
    expect(registered.data).toMatchObject({ vulnerabilities: ['neglect', 'abuse_victim'] });
  });

  it('refuses a registration without any vulnerability', () => {
    given([])
      .when(registration({}, { vulnerabilities: [] }))
      .thenRefuses('invalid-request', /vulnerability/);
  });

  it('refuses a date of birth after the registration', () => {
    given([])
      .when(registration({ dateOfBirth: '2030-01-01' }))
      .thenRefuses('invalid-transition');
  });

  it.each([
    ['a person at risk', atRisk()],
    ['a presumed victim', registered()],
  ])('refuses to register over %s', (_label, history) => {
    given(history)
      .when(registration())
      .thenRefuses('invalid-transition', /already/);
  });

  it('refuses to register a presumed victim over a person at risk (convert instead)', () => {
    given(atRisk())
      .when({
        type: 'RegisterPresumedVictim',
        caseId: CASE_ID,
        at: T0,
        referralSource: 'ngo',
        person: { givenName: 'A', familyName: 'B', sex: 'female', citizenship: 'MD' },
        countryOfExploitation: 'DE',
        formsOfExploitation: ['forced_labour'],
        reflectionPeriodDays: 30,
      })
      .thenRefuses('invalid-transition');
  });
});

describe('a person at risk’s case: assessed, planned and monitored without an identification', () => {
  const plan = {
    type: 'AdoptAssistancePlan',
    ...base,
    planId: 'p1',
    services: [{ serviceId: 's1', kind: 'psychological' }],
  } as const;

  it.each<[string, CaseCommand]>([
    ['a needs assessment', { type: 'AssessNeeds', ...base, needs: ['psychological'] }],
    ['a risk assessment', { type: 'AssessRisk', ...base, kind: 'family', level: 'high', notes: 'n' }],
    ['an assistance plan', plan],
    // (no consent recorded here: under a legal basis, as for a child left behind)
    [
      'a team agency',
      {
        type: 'AddTeamAgency',
        ...base,
        agency: 'ngo-1',
        legalBasis: 'child_protection',
        justification: 'a child left alone',
      },
    ],
    ['a consent', { type: 'GiveConsent', ...base, purpose: 'assistance' }],
    ['an asylum application', { type: 'RecordAsylumApplication', ...base }],
    ['the closure', { type: 'CloseCase', ...base, reason: 'assistance_completed' }],
  ])('allows %s', (_label, command) => {
    expect(given(atRisk()).when(command).events().length).toBeGreaterThan(0);
  });

  it('allows monitoring after the plan', () => {
    given([...atRisk(), event('AssistancePlanAdopted', { planId: 'p1', services: [] })])
      .when({ type: 'RecordMonitoring', ...base, status: 'on_track' })
      .then([event('MonitoringRecorded', { status: 'on_track' })]);
  });

  it('appoints a guardian for a child at risk and determines their best interests', () => {
    const guardian = event('GuardianAppointed', { authority: 'GUARD-MD' }, { name: 'G' });
    given(atRisk({ presumedMinor: true }))
      .when({ type: 'AppointGuardian', ...base, name: 'G', authority: 'GUARD-MD' })
      .then([guardian]);
    given([...atRisk({ presumedMinor: true }), guardian])
      .when({ type: 'DetermineBestInterests', ...base, outcome: 'stay with family', notes: 'n' })
      .then([event('BestInterestsDetermined', { outcome: 'stay with family' }, { notes: 'n' })]);
  });

  const refused: [string, CaseCommand][] = [
    ['ExtendReflectionPeriod', { type: 'ExtendReflectionPeriod', ...base, endsAt: day(60) }],
    [
      'ConcludeIdentification',
      { type: 'ConcludeIdentification', ...base, decision: 'identified', reasons: 'r' },
    ],
    ['RequestReturn', { type: 'RequestReturn', ...base, statedBy: 'victim' }],
    ['ProposeHandover', { type: 'ProposeHandover', ...base, handoverId: 'h1', toCountry: 'MD' }],
    ['RecordCooperationDecision', { type: 'RecordCooperationDecision', ...base, willing: true }],
    ['ClaimCompensation', { type: 'ClaimCompensation', ...base, claimId: 'c1', against: 'state_fund' }],
    ['RecordHearingOutcome', { type: 'RecordHearingOutcome', ...base, hearingId: 'h1', outcome: 'held' }],
    [
      'RecordVictimNotified',
      { type: 'RecordVictimNotified', ...base, step: 'other', channel: 'letter', notifiedAt: '2025-01-01' },
    ],
    [
      'ApplyForResidencePermit',
      { type: 'ApplyForResidencePermit', ...base, permitId: 'p1', basis: 'personal_situation' },
    ],
  ];

  it.each(refused)('refuses %s (not-a-presumed-victim) until conversion', (_label, command) => {
    given(atRisk())
      .when(command)
      .thenRefuses('not-a-presumed-victim', /person at risk/);
  });

  it('lists only commands of the catalogue as presumed-victim steps', () => {
    for (const [type] of refused) expect(PRESUMED_VICTIM_ONLY_COMMANDS.has(type)).toBe(true);
    expect(PRESUMED_VICTIM_ONLY_COMMANDS.has('AdoptAssistancePlan')).toBe(false);
    expect(PRESUMED_VICTIM_ONLY_COMMANDS.has('AppointGuardian')).toBe(false);
  });

  it.each(refused)('allows %s after the conversion (no kind refusal)', (_label, command) => {
    let outcome: unknown;
    try {
      given(converted()).when(command).events();
    } catch (error) {
      outcome = error;
    }
    expect((outcome as { rule?: string } | undefined)?.rule).not.toBe('not-a-presumed-victim');
  });
});

describe('identification: ConvertToPresumedVictim', () => {
  it('converts in the same case, then starts the reflection period (never below 30 days)', () => {
    given(atRisk())
      .when(conversion({ reflectionPeriodDays: 10 }))
      .then([
        event('PersonAtRiskConverted', {
          indicators: ['withheld_documents'],
          countryOfExploitation: 'DE',
          formsOfExploitation: ['forced_labour'],
          meansOfControl: ['debt_bondage'],
          recruiterRelation: 'friend',
          convertedAt: day(1),
        }),
        event('ReflectionPeriodStarted', { startsAt: day(1), endsAt: day(31), days: 30 }),
      ]);
  });

  it('refuses a conversion without indicators of trafficking', () => {
    given(atRisk())
      .when(conversion({ indicators: [] }))
      .thenRefuses('indicators-required');
  });

  it.each([
    ['a presumed victim’s case', registered()],
    ['a case already converted', converted()],
  ])('refuses to convert %s', (_label, history) => {
    given(history)
      .when(conversion())
      .thenRefuses('invalid-transition', /already/);
  });

  it('refuses to convert a closed case or one never registered', () => {
    given([...atRisk(), closed()])
      .when(conversion())
      .thenRefuses('invalid-transition', /closed/);
    given([])
      .when(conversion())
      .thenRefuses('invalid-transition', /no presumed victim or person at risk/);
  });

  it('concludes the identification of a converted case with the forms found at conversion', () => {
    given(converted())
      .when({ type: 'ConcludeIdentification', ...base, decision: 'identified', reasons: 'r' })
      .then([
        event(
          'IdentificationConcluded',
          {
            status: 'identified',
            decidingBody: 'competent_authority',
            formsOfExploitation: ['forced_labour'],
          },
          { reasons: 'r' },
        ),
      ]);
  });

  it('extends the reflection period a conversion started', () => {
    given([...converted(), consentGiven('assistance')])
      .when({ type: 'ExtendReflectionPeriod', ...base, endsAt: day(61) })
      .then([event('ReflectionPeriodExtended', { endsAt: day(61), days: 60 })]);
  });
});
