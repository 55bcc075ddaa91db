import { CASE_ID, consentGiven, day, event, given, registered, T0 } from '../testing';
import type { RegisterPresumedVictim } from './commands';

const base = { caseId: CASE_ID, at: day(1) };

const registration = (person: Partial<RegisterPresumedVictim['person']> = {}, reflectionPeriodDays = 30) =>
  ({
    type: 'RegisterPresumedVictim',
    caseId: CASE_ID,
    at: T0,
    referralSource: 'labour_inspectorate',
    person: { givenName: 'Ion', familyName: 'Rusu', sex: 'male', citizenship: 'MD', ...person },
    countryOfExploitation: 'PL',
    formsOfExploitation: ['forced_labour', 'forced_criminality'],
    indicators: ['withheld_documents'],
    meansOfControl: ['debt_bondage'],
    recruiterRelation: 'friend',
    reflectionPeriodDays,
  }) satisfies RegisterPresumedVictim;

const registeredData = (given: { events(): { data: object }[] }) => given.events()[0].data;

describe('identification: RegisterPresumedVictim', () => {
  it('records the presumed victim (names in personal) and starts the reflection period', () => {
    given([])
      .when(registration({ dateOfBirth: '1990-06-15' }, 45))
      .then([
        event(
          'PresumedVictimRegistered',
          {
            caseId: CASE_ID,
            referralSource: 'labour_inspectorate',
            countryOfExploitation: 'PL',
            formsOfExploitation: ['forced_labour', 'forced_criminality'],
            indicators: ['withheld_documents'],
            meansOfControl: ['debt_bondage'],
            recruiterRelation: 'friend',
            sex: 'male',
            citizenship: 'MD',
            ageBand: '30--38',
            ageUncertain: false,
            presumedMinor: false,
            registeredAt: T0,
          },
          { givenName: 'Ion', familyName: 'Rusu', dateOfBirth: '1990-06-15' },
        ),
        event('ReflectionPeriodStarted', { startsAt: T0, endsAt: day(45), days: 45 }),
      ]);
  });

  it('never starts a reflection period below 30 days, whatever the setting', () => {
    const [, started] = given([]).when(registration({}, 10)).events();
    expect(started).toEqual(event('ReflectionPeriodStarted', { startsAt: T0, endsAt: day(30), days: 30 }));
  });

  it.each([
    // dateOfBirth, ageUncertain, reasonsToBelieveChild, expected presumedMinor, expected ageBand
    ['2010-01-01', undefined, undefined, true, '9--17'],
    ['2007-03-01', undefined, undefined, false, '18--20'], // 18th birthday on the registration date
    ['2007-03-02', undefined, undefined, true, '9--17'], // one day short of 18
    [undefined, undefined, undefined, false, 'unknown'],
    [undefined, true, undefined, true, 'unknown'], // uncertain and nothing known: presumed a child
    ['2000-01-01', true, true, true, '24--26'], // reasons to believe a child override the stated adult age
    ['2000-01-01', true, false, false, '24--26'],
    ['2012-01-01', true, false, true, '9--17'],
    [undefined, undefined, true, true, 'unknown'], // reasons to believe a child alone suffice
    [undefined, false, true, true, 'unknown'],
    [undefined, true, false, true, 'unknown'], // uncertain, no date of birth at all: presumed a child
    ['2010-01-01', false, false, true, '9--17'], // a known age under 18 is a child
    ['2000-01-01', undefined, true, true, '24--26'], // a known adult age with reasons to believe a child
    ['2000-01-01', false, true, true, '24--26'],
    [undefined, false, false, false, 'unknown'],
    ['2000-01-01', false, undefined, false, '24--26'],
  ] as const)(
    'dateOfBirth %s, ageUncertain %s, reasonsToBelieveChild %s → presumedMinor %s, ageBand %s',
    (dateOfBirth, ageUncertain, reasonsToBelieveChild, presumedMinor, ageBand) => {
      const data = registeredData(
        given([]).when(registration({ dateOfBirth, ageUncertain, reasonsToBelieveChild })),
      );
      expect(data).toMatchObject({ presumedMinor, ageBand, ageUncertain: ageUncertain ?? false });
    },
  );

  it('records the district it is registered in, when given (the registry checked it before)', () => {
    expect(registeredData(given([]).when({ ...registration(), district: 'MD-CU' }))).toMatchObject({
      district: 'MD-CU',
    });
    expect(registeredData(given([]).when(registration()))).not.toHaveProperty('district');
  });

  it('keeps the date of birth out of data', () => {
    expect(registeredData(given([]).when(registration({ dateOfBirth: '1990-06-15' })))).not.toHaveProperty(
      'dateOfBirth',
    );
  });

  it('refuses a date of birth after the registration', () => {
    given([])
      .when(registration({ dateOfBirth: '2030-01-01' }))
      .thenRefuses('invalid-transition');
  });

  it('refuses to register twice', () => {
    given(registered())
      .when(registration())
      .thenRefuses('invalid-transition', /already/);
  });
});

describe('identification: ExtendReflectionPeriod', () => {
  it('extends to a later end, recording the new total length', () => {
    given(registered())
      .when({ type: 'ExtendReflectionPeriod', ...base, endsAt: day(60) })
      .then([event('ReflectionPeriodExtended', { endsAt: day(60), days: 60 })]);
  });

  it.each([
    ['the current end', day(30)],
    ['an earlier end', day(20)],
  ])('refuses %s', (_label, endsAt) => {
    given(registered())
      .when({ type: 'ExtendReflectionPeriod', ...base, endsAt })
      .thenRefuses('invalid-transition');
  });

  it('compares with the extended end, not the original one', () => {
    const history = [...registered(), event('ReflectionPeriodExtended', { endsAt: day(60), days: 60 })];
    given(history)
      .when({ type: 'ExtendReflectionPeriod', ...base, endsAt: day(45) })
      .thenRefuses('invalid-transition');
  });
});

describe('identification: consent per purpose and recipient', () => {
  it('records consent to assistance without a recipient', () => {
    given(registered())
      .when({ type: 'GiveConsent', ...base, purpose: 'assistance' })
      .then([event('ConsentGiven', { purpose: 'assistance' })]);
  });

  it('records consent to data sharing with a named recipient', () => {
    given(registered())
      .when({ type: 'GiveConsent', ...base, purpose: 'data_sharing', recipient: 'MD' })
      .then([event('ConsentGiven', { purpose: 'data_sharing', recipient: 'MD' })]);
  });

  it('refuses consent to data sharing without a recipient', () => {
    given(registered())
      .when({ type: 'GiveConsent', ...base, purpose: 'data_sharing' })
      .thenRefuses('consent-required', /recipient/);
  });

  it('withdraws an active consent', () => {
    given([...registered(), consentGiven('data_sharing', 'MD')])
      .when({ type: 'WithdrawConsent', ...base, purpose: 'data_sharing', recipient: 'MD' })
      .then([event('ConsentWithdrawn', { purpose: 'data_sharing', recipient: 'MD' })]);
  });

  it.each([
    ['never given', []],
    ['given to another recipient', [consentGiven('data_sharing', 'RO')]],
    [
      'already withdrawn',
      [
        consentGiven('data_sharing', 'MD'),
        event('ConsentWithdrawn', { purpose: 'data_sharing', recipient: 'MD' }),
      ],
    ],
  ])('records a refusal when withdrawing a consent %s', (_label, consents) => {
    given([...registered(), ...consents])
      .when({ type: 'WithdrawConsent', ...base, purpose: 'data_sharing', recipient: 'MD' })
      .then([event('ConsentRefused', { purpose: 'data_sharing', recipient: 'MD' })]);
  });

  it.each([
    ['gives', 'GiveConsent', [], 'ConsentGiven'],
    ['withdraws', 'WithdrawConsent', [consentGiven('data_sharing', 'MD')], 'ConsentWithdrawn'],
  ] as const)(
    'upper-cases a 2-letter (country) recipient when it %s consent',
    (_l, type, history, emitted) => {
      given([...registered(), ...history])
        .when({ type, ...base, purpose: 'data_sharing', recipient: 'md' })
        .then([event(emitted, { purpose: 'data_sharing', recipient: 'MD' })]);
    },
  );

  it('leaves agency codes as written', () => {
    given(registered())
      .when({ type: 'GiveConsent', ...base, purpose: 'assistance', recipient: 'ngo-La-Strada' })
      .then([event('ConsentGiven', { purpose: 'assistance', recipient: 'ngo-La-Strada' })]);
  });

  it('treats a lower-case country recorded earlier as the same recipient', () => {
    given([...registered(), event('ConsentGiven', { purpose: 'data_sharing', recipient: 'md' })])
      .when({ type: 'WithdrawConsent', ...base, purpose: 'data_sharing', recipient: 'MD' })
      .then([event('ConsentWithdrawn', { purpose: 'data_sharing', recipient: 'MD' })]);
  });

  it('withdraws every active consent of the purpose when no recipient is named', () => {
    const history = [
      ...registered(),
      consentGiven('data_sharing', 'MD'),
      consentGiven('data_sharing', 'RO'),
      consentGiven('data_sharing', 'UA'),
      event('ConsentWithdrawn', { purpose: 'data_sharing', recipient: 'UA' }),
      consentGiven('assistance', 'CLINIC-1'),
    ];
    given(history)
      .when({ type: 'WithdrawConsent', ...base, purpose: 'data_sharing' })
      .then([
        event('ConsentWithdrawn', { purpose: 'data_sharing', recipient: 'MD' }),
        event('ConsentWithdrawn', { purpose: 'data_sharing', recipient: 'RO' }),
      ]);
  });

  it('withdraws the consent without recipient and the named ones together', () => {
    given([...registered(), consentGiven('assistance', 'CLINIC-1'), consentGiven('assistance')])
      .when({ type: 'WithdrawConsent', ...base, purpose: 'assistance' })
      .then([
        event('ConsentWithdrawn', { purpose: 'assistance' }),
        event('ConsentWithdrawn', { purpose: 'assistance', recipient: 'CLINIC-1' }),
      ]);
  });

  it('records a refusal for the purpose when nothing of it is active', () => {
    given([...registered(), consentGiven('assistance', 'CLINIC-1')])
      .when({ type: 'WithdrawConsent', ...base, purpose: 'data_sharing' })
      .then([event('ConsentRefused', { purpose: 'data_sharing' })]);
  });

  it('takes the latest event per (purpose, recipient): a consent given again after withdrawal is active', () => {
    const history = [
      ...registered(),
      consentGiven('return'),
      event('ConsentWithdrawn', { purpose: 'return' }),
      consentGiven('return'),
    ];
    given(history)
      .when({ type: 'WithdrawConsent', ...base, purpose: 'return' })
      .then([event('ConsentWithdrawn', { purpose: 'return' })]);
  });
});

describe('identification: presumption of minority, guardian, best interests', () => {
  const child = () => registered({ presumedMinor: true });
  const authority = 'Child Protection Authority Chisinau';
  const guardian = event('GuardianAppointed', { authority }, { name: 'Maria Guardian' });

  it.each(['document_verification', 'medical', 'multidisciplinary'] as const)(
    'removes the presumption of minority on an assessment by %s',
    (method) => {
      given(child())
        .when({ type: 'AssessAge', ...base, presumedMinor: false, method })
        .then([event('AgeAssessed', { presumedMinor: false, method })]);
    },
  );

  it.each(['interview', 'other'] as const)(
    'refuses to remove the presumption of minority on an assessment by %s alone',
    (method) => {
      given(child())
        .when({ type: 'AssessAge', ...base, presumedMinor: false, method })
        .thenRefuses('invalid-transition', new RegExp(`${method} alone cannot remove`));
    },
  );

  it('refuses to remove a presumption raised by an earlier assessment on an interview alone', () => {
    given([...registered(), event('AgeAssessed', { presumedMinor: true, method: 'interview' })])
      .when({ type: 'AssessAge', ...base, presumedMinor: false, method: 'interview' })
      .thenRefuses('invalid-transition');
  });

  it.each(['interview', 'other', 'medical'] as const)(
    'raises the presumption of minority on %s',
    (method) => {
      given(registered())
        .when({ type: 'AssessAge', ...base, presumedMinor: true, method })
        .then([event('AgeAssessed', { presumedMinor: true, method })]);
    },
  );

  it('confirms an adult on any method (nothing to remove)', () => {
    given(registered())
      .when({ type: 'AssessAge', ...base, presumedMinor: false, method: 'interview' })
      .then([event('AgeAssessed', { presumedMinor: false, method: 'interview' })]);
  });

  it('appoints a guardian for a presumed child (authority as free text in data, name in personal)', () => {
    given(child())
      .when({ type: 'AppointGuardian', ...base, name: 'Maria Guardian', authority })
      .then([guardian]);
  });

  it('appoints a guardian once an age assessment presumes minority', () => {
    given([...registered(), event('AgeAssessed', { presumedMinor: true, method: 'interview' })])
      .when({ type: 'AppointGuardian', ...base, name: 'X', authority: 'GUARD-MD' })
      .then([event('GuardianAppointed', { authority: 'GUARD-MD' }, { name: 'X' })]);
  });

  it.each([
    ['an adult', registered()],
    [
      'a child assessed as adult',
      [...child(), event('AgeAssessed', { presumedMinor: false, method: 'medical' })],
    ],
  ])('refuses a guardian for %s', (_label, history) => {
    given(history)
      .when({ type: 'AppointGuardian', ...base, name: 'X', authority: 'GUARD-MD' })
      .thenRefuses('invalid-transition');
  });

  it('determines the best interests of a child with a guardian (notes in personal)', () => {
    given([...child(), guardian])
      .when({
        type: 'DetermineBestInterests',
        ...base,
        outcome: 'return with family support',
        returnInBestInterests: true,
        notes: 'n',
      })
      .then([
        event(
          'BestInterestsDetermined',
          { outcome: 'return with family support', returnInBestInterests: true },
          { notes: 'n' },
        ),
      ]);
  });

  it('refuses a best-interests determination for an adult', () => {
    given(registered())
      .when({ type: 'DetermineBestInterests', ...base, outcome: 'o', notes: 'n' })
      .thenRefuses('invalid-transition');
  });

  it('refuses a best-interests determination without a guardian', () => {
    given(child())
      .when({ type: 'DetermineBestInterests', ...base, outcome: 'o', notes: 'n' })
      .thenRefuses('guardian-required');
  });
});

describe('identification: ConcludeIdentification', () => {
  it('concludes once, by default by the competent authority with the registered forms', () => {
    given(registered())
      .when({
        type: 'ConcludeIdentification',
        ...base,
        decision: 'identified',
        reasons: 'indicators confirmed',
      })
      .then([
        event(
          'IdentificationConcluded',
          {
            status: 'identified',
            decidingBody: 'competent_authority',
            formsOfExploitation: ['forced_labour'],
          },
          { reasons: 'indicators confirmed' },
        ),
      ]);
  });

  it('records the deciding body and revised forms when given', () => {
    const [concluded] = given(registered())
      .when({
        type: 'ConcludeIdentification',
        ...base,
        decision: 'not_identified',
        decidingBody: 'police',
        formsOfExploitation: [],
        reasons: 'r',
      })
      .events();
    expect(concluded.data).toEqual({
      status: 'not_identified',
      decidingBody: 'police',
      formsOfExploitation: [],
    });
  });

  it('refuses a second conclusion', () => {
    const history = [
      ...registered(),
      event('IdentificationConcluded', {
        status: 'identified',
        decidingBody: 'police',
        formsOfExploitation: [],
      }),
    ];
    given(history)
      .when({ type: 'ConcludeIdentification', ...base, decision: 'not_identified', reasons: 'r' })
      .thenRefuses('invalid-transition', /already/);
  });
});
