import type { CaseDetail } from '../../port/case-views';
import { emptyCaseStatistics, evolveCaseStatistics } from '../../statistics/case-statistics';
import { day, walkToHandover, type Step } from '../../testing/case-fixtures';
import { addDays } from '../case-deadlines';
import { DEFAULT_DEADLINE_DAYS } from '../deadline-policy';
import { foldSteps, opaqueCiphertext, storedSteps } from '../../testing/stored-steps';

const caseId = '7b1f5c3d-2e4a-4d6f-9b8c-0d1e2f3a4b5c';
const t0 = '2025-02-03T09:00:00.000Z';
const enc = (n: number) => opaqueCiphertext(caseId, n);
const stored = (steps: Step[]) => storedSteps(caseId, steps);
const fold = (steps: Step[]) => foldSteps(caseId, steps);

const [registration] = walkToHandover(caseId, t0);
const step = (type: string, n: number, data: Record<string, unknown>, personal?: object): Step => ({
  type,
  at: day(t0, n),
  data,
  ...(personal ? { personal } : {}),
});
const concluded = (status: string, n = 10) =>
  step('IdentificationConcluded', n, {
    status,
    decidingBody: 'police',
    formsOfExploitation: ['forced_labour'],
  });

describe('case detail: reopening', () => {
  const closedAndReopened = [
    registration,
    step('CaseClosed', 20, { reason: 'assistance_completed' }),
    step('CaseReopened', 30, { reason: 're_trafficking' }, { note: 'n' }),
  ];

  it('is assisted again, the closure moved into the reopening', () => {
    const view = fold(closedAndReopened);
    expect(view.stage).toBe('assisted');
    expect(view.closure).toBeUndefined();
    expect(view.reopenings).toEqual([
      {
        reason: 're_trafficking',
        reopenedAt: day(t0, 30),
        closure: { reason: 'assistance_completed', closedAt: day(t0, 20) },
      },
    ]);
  });

  it('closes again with a new closure and keeps every reopening', () => {
    const view = fold([...closedAndReopened, step('CaseClosed', 40, { reason: 'lost_contact' })]);
    expect(view.stage).toBe('closed');
    expect(view.closure).toEqual({ reason: 'lost_contact', closedAt: day(t0, 40) });
    expect(view.reopenings).toHaveLength(1);
  });

  it('starts the clocks again: what was left open falls due the country’s days after the reopening', () => {
    const plan = step('AssistancePlanAdopted', 5, {
      planId: 'p-1',
      services: [{ serviceId: 's-1', kind: 'medical' }],
    });
    const visit = step('MonitoringRecorded', 10, {
      status: 'on_track',
      nextVisitDue: day(t0, 40).slice(0, 10),
    });
    const meeting = step('TeamMeetingRecorded', 10, {
      meetingId: 'mt-1',
      kind: 'team_meeting',
      heldAt: day(t0, 10),
      agencies: ['ngo-1'],
      participantRoles: [],
      topics: ['plan_review'],
      nextReviewOn: day(t0, 200).slice(0, 10),
    });
    const referred = step('ServiceReferred', 12, { serviceId: 's-2', kind: 'legal', provider: 'ngo-1' });
    const closed = step('CaseClosed', 20, { reason: 'assistance_completed' });
    const reopened = step('CaseReopened', 400, { reason: 're_trafficking' });
    const kinds = (view: CaseDetail) => Object.fromEntries(view.deadlines.map((d) => [d.kind, d.dueAt]));
    expect(fold([registration, plan, visit, meeting, referred, closed]).deadlines).toEqual([]);
    expect(kinds(fold([registration, plan, visit, meeting, referred, closed, reopened]))).toEqual({
      service_referral_response: addDays(day(t0, 400), DEFAULT_DEADLINE_DAYS.service_referral_response),
      monitoring_visit: addDays(day(t0, 400), DEFAULT_DEADLINE_DAYS.monitoring_visit),
      // the review date the meeting set before the reopening no longer holds
    });
    // a review date still ahead at the reopening stays
    const later = fold([
      registration,
      plan,
      meeting,
      closed,
      step('CaseReopened', 100, { reason: 'new_needs' }),
    ]);
    expect(kinds(later).team_review).toBe(`${day(t0, 200).slice(0, 10)}T00:00:00.000Z`);
  });

  it('is not counted again in the statistics: the reopening counts nothing', () => {
    const facts = stored(closedAndReopened).reduce(evolveCaseStatistics, emptyCaseStatistics()).facts;
    expect(facts.filter((f) => f.table === 'registrations-by-sex')).toHaveLength(1);
    const withoutReopening = stored(closedAndReopened.slice(0, 2)).reduce(
      evolveCaseStatistics,
      emptyCaseStatistics(),
    ).facts;
    expect(facts).toEqual(withoutReopening);
  });
});

describe('case detail: review or appeal of the identification decision', () => {
  const requested = step(
    'IdentificationReviewRequested',
    15,
    { kind: 'appeal', requestedAt: day(t0, 14) },
    {
      grounds: 'g',
    },
  );
  const overturned = step('IdentificationReviewDecided', 40, {
    outcome: 'overturned',
    status: 'identified',
    decidedAt: day(t0, 40),
  });

  it('shows the pending review with its deadline, then the decision and the new status', () => {
    const pending = fold([registration, concluded('not_identified'), requested]);
    expect(pending.identification).toMatchObject({
      status: 'not_identified',
      review: { kind: 'appeal', status: 'requested', requestedAt: day(t0, 14) },
    });
    expect(pending.deadlines).toContainEqual({
      kind: 'identification_review',
      dueAt: addDays(day(t0, 14), DEFAULT_DEADLINE_DAYS.identification_review),
    });
    const decided = fold([registration, concluded('not_identified'), requested, overturned]);
    expect(decided.identification).toMatchObject({
      status: 'identified',
      review: { kind: 'appeal', status: 'overturned', requestedAt: day(t0, 14), decidedAt: day(t0, 40) },
    });
    expect(decided.stage).toBe('identified');
    expect(decided.deadlines.map((d) => d.kind)).not.toContain('identification_review');
  });

  it('counts the final status of the year, and leaves a published year as counted', () => {
    const outcomes = (steps: Step[]) =>
      stored(steps)
        .reduce(evolveCaseStatistics, emptyCaseStatistics())
        .facts.filter((f) => f.table === 'identifications-by-outcome')
        .map((f) => [f.category, f.year, f.quarter]);
    // Same year: the outcome is replaced where it was counted.
    expect(outcomes([registration, concluded('not_identified'), requested, overturned])).toEqual([
      ['identified', 2025, 1],
    ]);
    // Decided in 2025, overturned in 2026: 2025 may be published and stays.
    const nextYear = { ...overturned, at: '2026-02-01T00:00:00.000Z' };
    expect(outcomes([registration, concluded('not_identified'), requested, nextYear])).toEqual([
      ['not_identified', 2025, 1],
    ]);
    const upheld = step('IdentificationReviewDecided', 40, {
      outcome: 'upheld',
      status: 'not_identified',
      decidedAt: day(t0, 40),
    });
    expect(outcomes([registration, concluded('not_identified'), requested, upheld])).toEqual([
      ['not_identified', 2025, 1],
    ]);
  });
});

describe('case detail: a person registered under a pseudonym', () => {
  const pseudonymous: Step = {
    ...registration,
    data: { ...registration.data, pseudonymous: true },
    personal: { pseudonym: 'Rose' },
  };

  it('is marked pseudonymous until the identity replaces the person’s ciphertext', () => {
    const before = fold([pseudonymous]);
    expect(before.pseudonym).toEqual({});
    expect(before.person).toEqual(enc(0));
    const after = fold([
      pseudonymous,
      step('IdentityRecorded', 5, { recordedAt: day(t0, 5) }, { givenName: 'A' }),
    ]);
    expect(after.pseudonym).toEqual({ identityRecordedAt: day(t0, 5) });
    expect(after.person).toEqual(enc(1));
    expect(fold([registration]).pseudonym).toBeUndefined();
  });
});
