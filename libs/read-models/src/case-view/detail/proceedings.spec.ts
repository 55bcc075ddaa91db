import { day, walkToHandover, type Step } from '../../testing/case-fixtures';
import { foldSteps } from '../../testing/stored-steps';

const caseId = '7b1e4b2c-1f3d-4c5e-8a7b-9c0d1e2f3a4b';
const t0 = '2025-02-03T09:00:00.000Z';

const fold = (steps: Step[]) => foldSteps(caseId, steps);

const registration = walkToHandover(caseId, t0).slice(0, 1);
const step = (n: number, type: string, data: Record<string, unknown>): Step => ({
  type,
  at: day(t0, n),
  data,
  // Scheduled hearings are written in version 2 of their schema today.
  ...(type === 'HearingScheduled' ? { schemaVersion: 2 } : {}),
});
const notified = (n: number, s: string, relatesTo?: string) =>
  step(n, 'VictimNotified', {
    step: s,
    ...(relatesTo ? { relatesTo } : {}),
    channel: 'lawyer',
    notifiedAt: '2025-06-01',
  });

const proceeding = [
  step(1, 'CriminalProceedingOpened', {
    proceedingId: 'p1',
    reference: '1-123/2025',
    stage: 'investigation',
    authority: 'police',
    openedAt: '2025-02-01',
  }),
  step(2, 'ProceedingStageAdvanced', {
    proceedingId: 'p1',
    stage: 'trial',
    authority: 'court',
    advancedAt: '2025-03-01',
  }),
  step(3, 'HearingScheduled', {
    hearingId: 'h1',
    scheduledFor: day(t0, 30),
    protectiveMeasures: [],
    proceedingId: 'p1',
  }),
  step(4, 'HearingOutcomeRecorded', { hearingId: 'h1', outcome: 'held' }),
  step(5, 'VerdictRecorded', {
    proceedingId: 'p1',
    outcome: 'conviction',
    charges: ['trafficking'],
    decidedAt: '2025-05-01',
    final: true,
  }),
  step(5, 'ProceedingClosed', { proceedingId: 'p1', reason: 'final_verdict', closedAt: '2025-05-01' }),
];
const compensation = [
  step(6, 'CompensationClaimed', { claimId: 'c1', against: 'offender' }),
  step(7, 'CompensationAwarded', {
    claimId: 'c1',
    amount: 1000,
    currency: 'MDL',
    awardedBy: 'court',
    awardedAt: '2025-05-01',
  }),
  step(8, 'CompensationPaid', { claimId: 'c1', amount: 0.1, paidAt: '2025-05-10' }),
  step(9, 'CompensationPaid', { claimId: 'c1', amount: 0.2, paidAt: '2025-05-20' }),
];

describe('case detail: criminal proceedings, compensation and what the victim was told', () => {
  it('shows the proceeding with its stages, verdict and closure, and the hearing linked to it', () => {
    const view = fold([...registration, ...proceeding]);
    expect(view.prosecution.proceedings).toEqual([
      {
        proceedingId: 'p1',
        reference: '1-123/2025',
        stage: 'trial',
        authority: 'court',
        openedAt: '2025-02-01',
        at: day(t0, 1),
        stages: [{ stage: 'trial', authority: 'court', advancedAt: '2025-03-01', at: day(t0, 2) }],
        verdicts: [
          {
            outcome: 'conviction',
            charges: ['trafficking'],
            decidedAt: '2025-05-01',
            final: true,
            at: day(t0, 5),
            victimNotified: false,
          },
        ],
        closed: { reason: 'final_verdict', closedAt: '2025-05-01', at: day(t0, 5) },
      },
    ]);
    expect(view.prosecution.hearings[0]).toMatchObject({
      proceedingId: 'p1',
      outcome: { outcome: 'held', victimNotified: false },
    });
  });

  it('turns a step with an outcome to notified only when the victim is told of that step of that item', () => {
    const notYet = fold([
      ...registration,
      ...proceeding,
      notified(10, 'proceeding_opened', 'p1'),
      notified(10, 'verdict', 'p9'),
    ]);
    expect(notYet.prosecution.proceedings[0].verdicts[0].victimNotified).toBe(false);
    const told = fold([
      ...registration,
      ...proceeding,
      notified(10, 'verdict', 'p1'),
      notified(11, 'hearing_outcome', 'h1'),
    ]);
    expect(told.prosecution.proceedings[0].verdicts[0].victimNotified).toBe(true);
    expect(told.prosecution.hearings[0].outcome?.victimNotified).toBe(true);
    expect(told.prosecution.victimNotifications).toEqual([
      { step: 'verdict', relatesTo: 'p1', channel: 'lawyer', notifiedAt: '2025-06-01', at: day(t0, 10) },
      {
        step: 'hearing_outcome',
        relatesTo: 'h1',
        channel: 'lawyer',
        notifiedAt: '2025-06-01',
        at: day(t0, 11),
      },
    ]);
  });

  it('sums payments to the cent and flags each one until the victim is told', () => {
    const paid = fold([...registration, ...compensation, notified(10, 'compensation_paid', 'c1')]);
    expect(paid.prosecution.compensationClaims[0]).toMatchObject({
      award: { amount: 1000, currency: 'MDL', awardedBy: 'court', victimNotified: false },
      paidTotal: 0.3,
      payments: [
        { amount: 0.1, victimNotified: true },
        { amount: 0.2, victimNotified: true },
      ],
    });
    const later = fold([
      ...registration,
      ...compensation,
      notified(10, 'compensation_paid', 'c1'),
      step(11, 'CompensationPaid', { claimId: 'c1', amount: 5, paidAt: '2025-06-20' }),
    ]);
    expect(later.prosecution.compensationClaims[0].payments.map((p) => p.victimNotified)).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('flags a refusal as not notified until the victim is told', () => {
    const refused = [
      ...registration,
      compensation[0],
      step(7, 'CompensationRefused', { claimId: 'c1', refusedBy: 'state_fund', refusedAt: '2025-05-01' }),
    ];
    expect(fold(refused).prosecution.compensationClaims[0].refusal?.victimNotified).toBe(false);
    expect(
      fold([...refused, notified(8, 'compensation_refused', 'c1')]).prosecution.compensationClaims[0].refusal
        ?.victimNotified,
    ).toBe(true);
  });
});
