import type { CaseEvent } from '@nrm/contracts';
import { CASE_ID, consentGiven, day, event, given, registered } from '../testing';

const base = { caseId: CASE_ID, at: day(10) };
const after = (n: number) => ({ caseId: CASE_ID, at: day(n) });

const returnRequested = (earlyReturnRequested = false) =>
  event('ReturnRequested', { statedBy: 'victim', earlyReturnRequested });
const riskAssessed = event('ReturnRiskAssessed', { level: 'low', familyAssessed: true }, { notes: 'n' });
const guardian = event('GuardianAppointed', { authority: 'Child Protection Authority Chisinau' });
const bestInterests = (returnInBestInterests?: boolean) =>
  event(
    'BestInterestsDetermined',
    returnInBestInterests === undefined ? { outcome: 'o' } : { outcome: 'o', returnInBestInterests },
  );
const proposed = (handoverId = 'h1') =>
  event('HandoverProposed', { handoverId, toCountry: 'MD', responseDueAt: day(24) });
const accepted = (handoverId = 'h1') => event('HandoverAccepted', { handoverId, recordedBy: 'partner_node' });
const declined = (handoverId = 'h1') =>
  event('HandoverDeclined', { handoverId, recordedBy: 'partner_node', reason: 'no_capacity' });
const travelling = event('ReturnTravelStarted', { handoverId: 'h1', departedAt: day(40) });
const arrived = event('ArrivalConfirmed', { handoverId: 'h1', arrivedAt: day(41) });
const received = event('ReceptionConfirmed', { handoverId: 'h1', receivingAgency: 'CNPT-MD' });

/** A passport the person holds, valid well past every travel date here (a journey needs one). */
const passport = event('IdentityDocumentRecorded', {
  documentId: 'd1',
  kind: 'passport',
  status: 'held',
  validUntil: '2030-12-31',
});
const ready = (early = false): CaseEvent[] => [
  ...registered(),
  returnRequested(early),
  riskAssessed,
  consentGiven('data_sharing', 'MD'),
  passport,
];
const propose = { type: 'ProposeHandover', ...base, handoverId: 'h1', toCountry: 'MD' } as const;

describe('return: RequestReturn and AssessReturnRisk', () => {
  it('records the victim’s request, early return off by default', () => {
    given(registered())
      .when({ type: 'RequestReturn', ...base, statedBy: 'victim' })
      .then([returnRequested(false)]);
  });

  it('records a request for early return', () => {
    given(registered())
      .when({ type: 'RequestReturn', ...base, statedBy: 'victim', earlyReturnRequested: true })
      .then([returnRequested(true)]);
  });

  it('records a child’s request when a guardian is appointed', () => {
    given([...registered({ presumedMinor: true }), guardian])
      .when({ type: 'RequestReturn', ...base, statedBy: 'victim' })
      .then([returnRequested(false)]);
  });

  it('refuses a child’s request without a guardian', () => {
    given(registered({ presumedMinor: true }))
      .when({ type: 'RequestReturn', ...base, statedBy: 'victim' })
      .thenRefuses('guardian-required');
  });

  it('refuses a new request while a handover is pending', () => {
    given([...ready(), proposed()])
      .when({ type: 'RequestReturn', ...base, statedBy: 'victim' })
      .thenRefuses('invalid-transition');
  });

  it('records the return risk assessment (notes in personal)', () => {
    given(registered())
      .when({ type: 'AssessReturnRisk', ...base, level: 'medium', familyAssessed: true, notes: 'n' })
      .then([event('ReturnRiskAssessed', { level: 'medium', familyAssessed: true }, { notes: 'n' })]);
  });

  it('records the family assessment as included when the officer does not say otherwise', () => {
    given(registered())
      .when({ type: 'AssessReturnRisk', ...base, level: 'low', notes: 'n' })
      .then([event('ReturnRiskAssessed', { level: 'low', familyAssessed: true }, { notes: 'n' })]);
  });

  it('records that the family was not assessed when the officer says so', () => {
    given(registered())
      .when({ type: 'AssessReturnRisk', ...base, level: 'low', familyAssessed: false, notes: 'n' })
      .then([event('ReturnRiskAssessed', { level: 'low', familyAssessed: false }, { notes: 'n' })]);
  });
});

describe('return: ProposeHandover', () => {
  it('proposes a handover, due in 14 days by default', () => {
    given(ready())
      .when(propose)
      .then([event('HandoverProposed', { handoverId: 'h1', toCountry: 'MD', responseDueAt: day(24) })]);
  });

  it('keeps an explicit response deadline', () => {
    const [event0] = given(ready())
      .when({ ...propose, responseDueAt: day(15) })
      .events();
    expect(event0.data).toMatchObject({ responseDueAt: day(15) });
  });

  it('allows a new proposal after a declined one', () => {
    given([...ready(), proposed(), declined()])
      .when({ ...propose, handoverId: 'h2' })
      .then([event('HandoverProposed', { handoverId: 'h2', toCountry: 'MD', responseDueAt: day(24) })]);
  });

  it.each([
    ['in favour of return', bestInterests(true)],
    ['silent on return', bestInterests()],
  ])(
    'proposes for a child with a guardian and a best-interests determination %s',
    (_label, determination) => {
      given([...registered({ presumedMinor: true }), guardian, determination, ...ready().slice(2)])
        .when(propose)
        .then([event('HandoverProposed', { handoverId: 'h1', toCountry: 'MD', responseDueAt: day(24) })]);
    },
  );

  it.each([
    ['a handover is pending', [...ready(), proposed()], 'invalid-transition'],
    ['a handover was accepted', [...ready(), proposed(), accepted()], 'invalid-transition'],
    ['a handover is in progress', [...ready(), proposed(), accepted(), travelling], 'invalid-transition'],
    [
      'no return was requested',
      [...registered(), riskAssessed, consentGiven('data_sharing', 'MD')],
      'return-prerequisites',
    ],
    [
      'no return risk assessment',
      [...registered(), returnRequested(), consentGiven('data_sharing', 'MD')],
      'return-prerequisites',
    ],
    [
      'a child has no guardian',
      [...registered({ presumedMinor: true }), ...ready().slice(2)],
      'guardian-required',
    ],
    [
      'a child has no best-interests determination',
      [...registered({ presumedMinor: true }), guardian, ...ready().slice(2)],
      'guardian-required',
    ],
    [
      'return is not in the child’s best interests',
      [...registered({ presumedMinor: true }), guardian, bestInterests(false), ...ready().slice(2)],
      'guardian-required',
    ],
    ['no data-sharing consent', [...registered(), returnRequested(), riskAssessed], 'consent-required'],
    [
      'consent to share with another country',
      [...ready().slice(0, 4), consentGiven('data_sharing', 'RO')],
      'consent-required',
    ],
    [
      'consent withdrawn',
      [...ready(), event('ConsentWithdrawn', { purpose: 'data_sharing', recipient: 'MD' })],
      'consent-required',
    ],
    [
      'consent only for another purpose',
      [...registered(), returnRequested(), riskAssessed, consentGiven('return', 'MD')],
      'consent-required',
    ],
  ] as const)('refuses when %s', (_label, history, rule) => {
    given(history).when(propose).thenRefuses(rule);
  });

  it('checks in order: a pending handover before missing prerequisites before the child rules before consent', () => {
    given([...registered({ presumedMinor: true }), proposed()])
      .when(propose)
      .thenRefuses('invalid-transition');
    given(registered({ presumedMinor: true }))
      .when(propose)
      .thenRefuses('return-prerequisites');
    given([...registered({ presumedMinor: true }), returnRequested(), riskAssessed])
      .when(propose)
      .thenRefuses('guardian-required');
  });
});

describe('return: the family assessment is a return prerequisite', () => {
  const noFamily = event('ReturnRiskAssessed', { level: 'low', familyAssessed: false });
  const familyRisk = (kind: 'family' | 'general') => event('RiskAssessed', { kind, level: 'medium' });
  const prerequisites = (...assessments: CaseEvent[]) => [
    ...registered(),
    returnRequested(),
    ...assessments,
    consentGiven('data_sharing', 'MD'),
  ];

  it.each([
    ['the return risk assessment included the family', [riskAssessed]],
    ['an assistance family risk assessment was recorded', [noFamily, familyRisk('family')]],
    ['the family risk assessment came first', [familyRisk('family'), noFamily]],
    ['the latest return risk assessment included the family', [noFamily, riskAssessed]],
  ])('proposes when %s', (_label, assessments) => {
    given(prerequisites(...assessments))
      .when(propose)
      .then([event('HandoverProposed', { handoverId: 'h1', toCountry: 'MD', responseDueAt: day(24) })]);
  });

  it.each([
    ['the return risk assessment did not include the family', [noFamily]],
    ['only a general risk assessment was recorded besides', [noFamily, familyRisk('general')]],
    ['the latest return risk assessment did not include the family', [riskAssessed, noFamily]],
  ])('refuses with return-prerequisites when %s', (_label, assessments) => {
    given(prerequisites(...assessments))
      .when(propose)
      .thenRefuses('return-prerequisites', /family/);
  });
});

describe('return: child protection and the victim’s will are re-checked after the proposal', () => {
  const child = () => [
    ...registered({ presumedMinor: true }),
    guardian,
    bestInterests(true),
    ...ready().slice(2),
  ];
  const accept = { type: 'AcceptHandover', ...base, handoverId: 'h1', recordedBy: 'partner_node' } as const;
  const travel = { type: 'StartReturnTravel', ...after(40), handoverId: 'h1' } as const;
  const withdrawnReturn = (recipient?: string) =>
    event(
      'ConsentWithdrawn',
      recipient === undefined ? { purpose: 'return' } : { purpose: 'return', recipient },
    );
  const refusedReturn = event('ConsentRefused', { purpose: 'return' });
  const changedMind = event('HandoverDeclined', {
    handoverId: 'h1',
    recordedBy: 'return_officer',
    reason: 'victim_changed_mind',
  });

  it('accepts and starts travel for a child with a guardian and a determination in favour of return', () => {
    given([...child(), proposed()])
      .when(accept)
      .then([event('HandoverAccepted', { handoverId: 'h1', recordedBy: 'partner_node' })]);
    given([...child(), proposed(), accepted()])
      .when(travel)
      .then([event('ReturnTravelStarted', { handoverId: 'h1', departedAt: day(40) })]);
  });

  it.each([
    ['a new determination finds return not in the child’s interests', [bestInterests(false)]],
    [
      'an age assessment presumes an adult case a child (no guardian)',
      [event('AgeAssessed', { presumedMinor: true, method: 'interview' })],
    ],
  ])('refuses acceptance and travel with guardian-required when %s', (_label, later) => {
    const adultOrChild = later[0].type === 'AgeAssessed' ? ready() : child();
    given([...adultOrChild, proposed(), ...later])
      .when(accept)
      .thenRefuses('guardian-required');
    given([...adultOrChild, proposed(), accepted(), ...later])
      .when(travel)
      .thenRefuses('guardian-required');
  });

  it('goes ahead again when a later determination finds return in the child’s interests', () => {
    given([...child(), proposed(), accepted(), bestInterests(false), bestInterests(true)])
      .when(travel)
      .then([event('ReturnTravelStarted', { handoverId: 'h1', departedAt: day(40) })]);
  });

  it.each([
    ['withdrawn (without recipient)', [consentGiven('return'), withdrawnReturn()]],
    ['withdrawn for the country', [consentGiven('return', 'MD'), withdrawnReturn('MD')]],
    ['refused (the victim said no without a consent on record)', [refusedReturn]],
  ])(
    'refuses proposal, acceptance and travel with consent-required when return consent was %s after the request',
    (_label, no) => {
      given([...ready(), ...no])
        .when(propose)
        .thenRefuses('consent-required', /withdrew consent to return/);
      given([...ready(), proposed(), ...no])
        .when(accept)
        .thenRefuses('consent-required');
      given([...ready(), proposed(), accepted(), ...no])
        .when(travel)
        .thenRefuses('consent-required');
    },
  );

  it('does not count a return consent withdrawn before the return request', () => {
    given([...registered(), consentGiven('return'), withdrawnReturn(), ...ready().slice(2)])
      .when(propose)
      .then([event('HandoverProposed', { handoverId: 'h1', toCountry: 'MD', responseDueAt: day(24) })]);
  });

  it('goes ahead when the victim gives return consent again after withdrawing it', () => {
    given([
      ...ready(),
      proposed(),
      accepted(),
      consentGiven('return'),
      withdrawnReturn(),
      consentGiven('return'),
    ])
      .when(travel)
      .then([event('ReturnTravelStarted', { handoverId: 'h1', departedAt: day(40) })]);
  });

  it('does not count a withdrawal of another purpose', () => {
    given([
      ...ready(),
      proposed(),
      consentGiven('assistance'),
      event('ConsentWithdrawn', { purpose: 'assistance' }),
    ])
      .when(accept)
      .then([event('HandoverAccepted', { handoverId: 'h1', recordedBy: 'partner_node' })]);
  });

  it('clears the return request when the victim changed their mind: a new proposal needs a new request', () => {
    given([...ready(), proposed(), changedMind])
      .when({ ...propose, handoverId: 'h2' })
      .thenRefuses('return-prerequisites', /return request/);
    given([...ready(), proposed(), changedMind])
      .when({ type: 'RequestReturn', ...base, statedBy: 'victim' })
      .then([returnRequested(false)]);
    given([...ready(), proposed(), changedMind, returnRequested()])
      .when({ ...propose, handoverId: 'h2' })
      .then([event('HandoverProposed', { handoverId: 'h2', toCountry: 'MD', responseDueAt: day(24) })]);
  });

  it('keeps the return request when a handover is declined for another reason', () => {
    given([...ready(), proposed(), declined()])
      .when({ ...propose, handoverId: 'h2' })
      .then([event('HandoverProposed', { handoverId: 'h2', toCountry: 'MD', responseDueAt: day(24) })]);
  });
});

describe('return: handover answers', () => {
  it('accepts the pending handover', () => {
    given([...ready(), proposed()])
      .when({
        type: 'AcceptHandover',
        ...base,
        handoverId: 'h1',
        recordedBy: 'partner_node',
        receivingAgency: 'CNPT-MD',
      })
      .then([
        event('HandoverAccepted', {
          handoverId: 'h1',
          recordedBy: 'partner_node',
          receivingAgency: 'CNPT-MD',
        }),
      ]);
  });

  it('declines the pending handover (reasons in personal)', () => {
    given([...ready(), proposed()])
      .when({
        type: 'DeclineHandover',
        ...base,
        handoverId: 'h1',
        recordedBy: 'return_officer',
        reason: 'safety_risk',
        reasons: 'r',
      })
      .then([
        event(
          'HandoverDeclined',
          { handoverId: 'h1', recordedBy: 'return_officer', reason: 'safety_risk' },
          { reasons: 'r' },
        ),
      ]);
  });

  it.each([
    ['accept without a proposal', ready(), 'AcceptHandover', 'h1'],
    ['accept another handover', [...ready(), proposed()], 'AcceptHandover', 'h9'],
    ['accept twice', [...ready(), proposed(), accepted()], 'AcceptHandover', 'h1'],
    ['decline a declined handover', [...ready(), proposed(), declined()], 'DeclineHandover', 'h1'],
    ['decline an accepted handover', [...ready(), proposed(), accepted()], 'DeclineHandover', 'h1'],
  ] as const)('refuses to %s', (_label, history, type, handoverId: string) => {
    const command =
      type === 'AcceptHandover'
        ? ({ type, ...base, handoverId, recordedBy: 'partner_node' } as const)
        : ({ type, ...base, handoverId, recordedBy: 'partner_node', reason: 'other' } as const);
    given(history).when(command).thenRefuses('invalid-transition');
  });
});

describe('return: travel and the reflection period', () => {
  const travel = { type: 'StartReturnTravel', handoverId: 'h1' } as const;

  it('starts travel after acceptance once the reflection period is over', () => {
    given([...ready(), proposed(), accepted()])
      .when({ ...travel, ...after(40) })
      .then([event('ReturnTravelStarted', { handoverId: 'h1', departedAt: day(40) })]);
  });

  it('starts travel inside the reflection period when the victim asked for early return', () => {
    given([...ready(true), proposed(), accepted()])
      .when({ ...travel, ...after(12) })
      .then([event('ReturnTravelStarted', { handoverId: 'h1', departedAt: day(12) })]);
  });

  it('refuses travel inside the reflection period without the victim’s request', () => {
    given([...ready(), proposed(), accepted()])
      .when({ ...travel, ...after(12) })
      .thenRefuses('reflection-period');
  });

  it('refuses a forward-dated departure recorded inside the reflection period', () => {
    given([...ready(), proposed(), accepted()])
      .when({ ...travel, ...after(12), departedAt: day(40) })
      .thenRefuses('reflection-period');
  });

  it('follows an extended reflection period', () => {
    const history = [
      ...ready(),
      event('ReflectionPeriodExtended', { endsAt: day(60), days: 60 }),
      proposed(),
      accepted(),
    ];
    given(history)
      .when({ ...travel, ...after(40) })
      .thenRefuses('reflection-period');
  });

  it.each([
    ['the handover is only proposed', [...ready(), proposed()]],
    ['the handover was declined', [...ready(), proposed(), declined()]],
    ['there is no handover', ready()],
  ])('refuses travel when %s', (_label, history) => {
    given(history)
      .when({ ...travel, ...after(40) })
      .thenRefuses('invalid-transition');
  });
});

describe('return: arrival, reception, reintegration', () => {
  const inTransit = () => [...ready(), proposed(), accepted(), travelling];
  const plan = {
    type: 'AdoptReintegrationPlan',
    ...after(45),
    planId: 'rp1',
    services: [{ serviceId: 'r1', kind: 'employment' }],
  } as const;
  const planned = event('ReintegrationPlanAdopted', {
    planId: 'rp1',
    services: [{ serviceId: 'r1', kind: 'employment' }],
  });

  it('walks arrival, reception, plan and progress in order', () => {
    given(inTransit())
      .when({ type: 'ConfirmArrival', ...after(41), handoverId: 'h1' })
      .then([event('ArrivalConfirmed', { handoverId: 'h1', arrivedAt: day(41) })]);
    given([...inTransit(), arrived])
      .when({ type: 'ConfirmReception', ...after(41), handoverId: 'h1', receivingAgency: 'CNPT-MD' })
      .then([received]);
    given([...inTransit(), arrived, received])
      .when(plan)
      .then([planned]);
    given([...inTransit(), arrived, received, planned])
      .when({ type: 'RecordReintegrationProgress', ...after(90), status: 'completed' })
      .then([event('ReintegrationProgressRecorded', { status: 'completed' })]);
  });

  it.each([
    [
      'confirm arrival before travel',
      [...ready(), proposed(), accepted()],
      { type: 'ConfirmArrival', handoverId: 'h1' },
    ],
    [
      'confirm reception before arrival',
      inTransit(),
      { type: 'ConfirmReception', handoverId: 'h1', receivingAgency: 'X' },
    ],
    ['adopt a reintegration plan before reception', [...inTransit(), arrived], plan],
    [
      'adopt a reintegration plan without services',
      [...inTransit(), arrived, received],
      { ...plan, services: [] },
    ],
    [
      'record progress without a plan',
      [...inTransit(), arrived, received],
      { type: 'RecordReintegrationProgress', status: 'on_track' },
    ],
  ] as const)('refuses to %s', (_label, history, command) => {
    given(history)
      .when({ ...after(45), ...command })
      .thenRefuses('invalid-transition');
  });
});
