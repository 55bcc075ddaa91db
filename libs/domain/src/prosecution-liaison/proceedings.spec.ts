import { CASE_ID, day, event, given, registered } from '../testing';

const at = (n: number) => ({ caseId: CASE_ID, at: day(n) });
const opened = event('CriminalProceedingOpened', {
  proceedingId: 'p1',
  reference: '1-123/2025',
  stage: 'investigation',
  authority: 'police',
  openedAt: '2025-02-01',
});
const open = {
  type: 'OpenCriminalProceeding',
  ...at(40),
  proceedingId: 'p1',
  reference: '1-123/2025',
  stage: 'investigation',
  authority: 'police',
  openedAt: '2025-02-01',
} as const;
const verdict = {
  type: 'RecordVerdict',
  ...at(200),
  proceedingId: 'p1',
  outcome: 'conviction',
  charges: ['trafficking', 'forced_labour'],
  decidedAt: '2025-09-01',
  final: false,
} as const;
const verdictRecorded = (final: boolean) =>
  event('VerdictRecorded', {
    proceedingId: 'p1',
    outcome: 'conviction',
    charges: ['trafficking', 'forced_labour'],
    decidedAt: '2025-09-01',
    final,
  });
const closed = event('ProceedingClosed', {
  proceedingId: 'p1',
  reason: 'final_verdict',
  closedAt: '2025-09-01',
});
const schedule = {
  type: 'ScheduleHearing',
  ...at(60),
  hearingId: 'h1',
  scheduledFor: day(100),
  protectiveMeasures: [],
  proceedingId: 'p1',
} as const;
const scheduled = event('HearingScheduled', {
  hearingId: 'h1',
  scheduledFor: day(100),
  protectiveMeasures: [],
  proceedingId: 'p1',
});

describe('prosecution liaison: the criminal proceeding', () => {
  it('opens a proceeding once per id', () => {
    given(registered()).when(open).then([opened]);
    given([...registered(), opened])
      .when(open)
      .thenRefuses('invalid-transition');
  });

  it('advances the stage forward only, on an open proceeding', () => {
    const advance = {
      type: 'AdvanceProceedingStage',
      ...at(90),
      proceedingId: 'p1',
      stage: 'trial',
      authority: 'court',
      advancedAt: '2025-05-01',
    } as const;
    given([...registered(), opened])
      .when(advance)
      .then([
        event('ProceedingStageAdvanced', {
          proceedingId: 'p1',
          stage: 'trial',
          authority: 'court',
          advancedAt: '2025-05-01',
        }),
      ]);
    given([...registered(), opened])
      .when({ ...advance, stage: 'investigation' })
      .thenRefuses('invalid-transition');
    given([...registered(), opened, verdictRecorded(true), closed])
      .when({ ...advance, stage: 'appeal' })
      .thenRefuses('invalid-transition');
    given(registered()).when(advance).thenRefuses('invalid-transition');
  });

  it('records an appealable verdict and leaves the proceeding open', () => {
    given([...registered(), opened])
      .when(verdict)
      .then([verdictRecorded(false)]);
  });

  it('closes the proceeding with a final verdict', () => {
    given([...registered(), opened])
      .when({ ...verdict, final: true })
      .then([verdictRecorded(true), closed]);
  });

  it.each([
    ['an unknown proceeding', registered()],
    ['a closed proceeding', [...registered(), opened, verdictRecorded(true), closed]],
  ])('refuses a verdict on %s', (_label, history) => {
    given(history).when(verdict).thenRefuses('invalid-transition');
  });

  it('closes a proceeding whose verdict was not appealed, and only then', () => {
    const close = {
      type: 'CloseCriminalProceeding',
      ...at(240),
      proceedingId: 'p1',
      reason: 'verdict_not_appealed',
      closedAt: '2025-10-01',
    } as const;
    given([...registered(), opened, verdictRecorded(false)])
      .when(close)
      .then([
        event('ProceedingClosed', {
          proceedingId: 'p1',
          reason: 'verdict_not_appealed',
          closedAt: '2025-10-01',
        }),
      ]);
    given([...registered(), opened])
      .when(close)
      .thenRefuses('invalid-transition');
    given([...registered(), opened])
      .when({ ...close, reason: 'other' })
      .then([event('ProceedingClosed', { proceedingId: 'p1', reason: 'other', closedAt: '2025-10-01' })]);
    given([...registered(), opened, verdictRecorded(true), closed])
      .when({ ...close, reason: 'other' })
      .thenRefuses('invalid-transition');
  });

  it('schedules a hearing of an open proceeding', () => {
    given([...registered(), opened])
      .when(schedule)
      .then([scheduled]);
  });

  it.each([
    ['an unknown proceeding', registered()],
    ['a closed proceeding', [...registered(), opened, verdictRecorded(true), closed]],
  ])('refuses a hearing of %s', (_label, history) => {
    given(history).when(schedule).thenRefuses('invalid-transition');
  });

  it('keeps protective-measures-required for hearings of a proceeding', () => {
    given([
      ...registered(),
      event('VictimWishesStated', {
        statementId: 'w1',
        wishes: ['not_face_trafficker'],
        statedAt: day(2),
      }),
      opened,
      scheduled,
    ])
      .when({ type: 'RecordHearingOutcome', ...at(100), hearingId: 'h1', outcome: 'held' })
      .thenRefuses('protective-measures-required');
  });
});

const claimed = event('CompensationClaimed', { claimId: 'c1', against: 'offender' });
const award = {
  type: 'RecordCompensationAwarded',
  ...at(200),
  claimId: 'c1',
  amount: 1000.3,
  currency: 'MDL',
  awardedBy: 'court',
  awardedAt: '2025-09-01',
} as const;
const awarded = event('CompensationAwarded', {
  claimId: 'c1',
  amount: 1000.3,
  currency: 'MDL',
  awardedBy: 'court',
  awardedAt: '2025-09-01',
});
const refused = event('CompensationRefused', {
  claimId: 'c1',
  refusedBy: 'state_fund',
  refusedAt: '2025-09-01',
});
const pay = (amount: number) =>
  ({ type: 'RecordCompensationPaid', ...at(220), claimId: 'c1', amount, paidAt: '2025-10-01' }) as const;
const paid = (amount: number) => event('CompensationPaid', { claimId: 'c1', amount, paidAt: '2025-10-01' });

describe('prosecution liaison: compensation awarded, paid or refused', () => {
  it('awards a claim once', () => {
    given([...registered(), claimed])
      .when(award)
      .then([awarded]);
  });

  it.each([
    ['an unknown claim', registered()],
    ['an awarded claim', [...registered(), claimed, awarded]],
    ['a refused claim', [...registered(), claimed, refused]],
  ])('refuses to award %s', (_label, history) => {
    given(history).when(award).thenRefuses('invalid-transition');
  });

  it('refuses compensation on an undecided claim only', () => {
    const refuse = {
      type: 'RefuseCompensation',
      ...at(200),
      claimId: 'c1',
      refusedBy: 'state_fund',
      refusedAt: '2025-09-01',
    } as const;
    given([...registered(), claimed])
      .when(refuse)
      .then([refused]);
    given([...registered(), claimed, awarded])
      .when(refuse)
      .thenRefuses('invalid-transition');
    given([...registered(), claimed, refused])
      .when(refuse)
      .thenRefuses('invalid-transition');
  });

  it('records partial payments up to the award, to the cent', () => {
    given([...registered(), claimed, awarded])
      .when(pay(500.1))
      .then([paid(500.1)]);
    given([...registered(), claimed, awarded, paid(500.1)])
      .when(pay(500.2))
      .then([paid(500.2)]);
  });

  it.each([
    ['more than the award', [], 1000.31],
    ['payments beyond the award', [paid(500.1), paid(500.2)], 0.01],
    ['nothing', [], 0],
  ])('refuses a payment of %s', (_label, payments, amount) => {
    given([...registered(), claimed, awarded, ...payments])
      .when(pay(amount))
      .thenRefuses('invalid-request');
  });

  it.each([
    ['an unknown claim', registered()],
    ['a claim not awarded', [...registered(), claimed]],
    ['a refused claim', [...registered(), claimed, refused]],
  ])('refuses a payment on %s', (_label, history) => {
    given(history).when(pay(10)).thenRefuses('invalid-transition');
  });
});

describe('prosecution liaison: the victim told of each step', () => {
  const notify = (step: string, relatesTo?: string) =>
    ({
      type: 'RecordVictimNotified',
      ...at(210),
      step,
      ...(relatesTo === undefined ? {} : { relatesTo }),
      channel: 'lawyer',
      notifiedAt: '2025-09-02',
    }) as never;
  const notified = (step: string, relatesTo?: string) =>
    event('VictimNotified', {
      step,
      ...(relatesTo === undefined ? {} : { relatesTo }),
      channel: 'lawyer',
      notifiedAt: '2025-09-02',
    } as never);
  const history = [
    ...registered(),
    opened,
    scheduled,
    event('HearingOutcomeRecorded', { hearingId: 'h1', outcome: 'cancelled' }),
    verdictRecorded(true),
    closed,
    claimed,
    awarded,
    paid(10),
  ];

  it.each([
    ['proceeding_opened', 'p1'],
    ['verdict', 'p1'],
    ['proceeding_closed', 'p1'],
    ['hearing_scheduled', 'h1'],
    ['hearing_outcome', 'h1'],
    ['compensation_awarded', 'c1'],
    ['compensation_paid', 'c1'],
    ['offender_released', 'p1'],
    ['offender_released', undefined],
  ])('records that the victim was told of %s of %s', (step, relatesTo) => {
    given(history)
      .when(notify(step, relatesTo))
      .then([notified(step, relatesTo)]);
  });

  it.each([
    ['a verdict not recorded', [...registered(), opened], 'verdict', 'p1'],
    ['a stage never advanced', [...registered(), opened], 'stage_advanced', 'p1'],
    ['a hearing without outcome', [...registered(), opened, scheduled], 'hearing_outcome', 'h1'],
    ['an award on a refused claim', [...registered(), claimed, refused], 'compensation_awarded', 'c1'],
    ['a payment not made', [...registered(), claimed, awarded], 'compensation_paid', 'c1'],
    ['an unknown proceeding', registered(), 'proceeding_opened', 'p9'],
    ['a release in an unknown proceeding', registered(), 'offender_released', 'p9'],
  ])('refuses to record notification of %s', (_label, past, step, relatesTo) => {
    given(past).when(notify(step, relatesTo)).thenRefuses('invalid-transition');
  });

  it('refuses a step of a proceeding, hearing or claim that names none', () => {
    given(history).when(notify('verdict')).thenRefuses('invalid-request');
  });
});
