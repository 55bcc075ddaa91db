import type { CaseDetail } from '../../port/case-views';
import { openDeadlines } from '../case-deadlines';
import { day, walkToHandover, type Step } from '../../testing/case-fixtures';
import { foldSteps, opaqueCiphertext } from '../../testing/stored-steps';

const caseId = '7b1f5c3d-2a4e-4d6f-9b8c-0d1e2f3a4b5c';
const t0 = '2025-02-03T09:00:00.000Z';
const enc = (n: number) => opaqueCiphertext(caseId, n);
const fold = (steps: Step[]) => foldSteps(caseId, steps);

const registration = walkToHandover(caseId, t0).slice(0, 1);
const met = (
  id: string,
  recorded: number,
  held: number,
  nextReviewOn?: number,
  decisions?: string,
): Step => ({
  type: 'TeamMeetingRecorded',
  at: day(t0, recorded),
  data: {
    meetingId: id,
    kind: 'team_meeting',
    heldAt: day(t0, held),
    agencies: ['DMT-1'],
    participantRoles: [],
    topics: ['plan_review'],
    ...(nextReviewOn === undefined ? {} : { nextReviewOn: day(t0, nextReviewOn).slice(0, 10) }),
  },
  ...(decisions ? { personal: { decisions } } : {}),
});
const reviews = (detail: CaseDetail) => openDeadlines(detail).filter((d) => d.kind === 'team_review');

describe('case detail: team meetings and the team_review deadline', () => {
  it('lists meetings with the ciphertext of their decisions, and the next review as a deadline', () => {
    const detail = fold([...registration, met('m1', 2, 2, 30, 'd')]);
    expect(detail.meetings).toEqual([
      {
        meetingId: 'm1',
        kind: 'team_meeting',
        heldAt: day(t0, 2),
        agencies: ['DMT-1'],
        participantRoles: [],
        topics: ['plan_review'],
        nextReviewOn: day(t0, 30).slice(0, 10),
        at: day(t0, 2),
        decisions: enc(1),
      },
    ]);
    expect(reviews(detail)).toEqual([
      { kind: 'team_review', ref: 'm1', dueAt: `${day(t0, 30).slice(0, 10)}T00:00:00.000Z` },
    ]);
    expect(detail.deadlines).toContainEqual(reviews(detail)[0]);
  });

  it('moves the review with a later meeting, and clears it when that meeting sets none', () => {
    const moved = fold([...registration, met('m1', 2, 2, 30), met('m2', 20, 20, 50)]);
    expect(reviews(moved).map((d) => d.ref)).toEqual(['m2']);
    const cleared = fold([...registration, met('m1', 2, 2, 30), met('m2', 20, 20)]);
    expect(reviews(cleared)).toEqual([]);
  });

  it('places a meeting recorded late among the others by when it was held: it does not move the review', () => {
    const detail = fold([...registration, met('m2', 20, 20, 50), met('m1', 21, 2, 30)]);
    expect(detail.meetings?.map((m) => m.meetingId)).toEqual(['m1', 'm2']);
    expect(reviews(detail).map((d) => d.ref)).toEqual(['m2']);
  });

  it('has no review without a meeting, nor once the case is closed', () => {
    expect(fold(registration).meetings).toBeUndefined();
    expect(reviews(fold(registration))).toEqual([]);
    const closed = fold([
      ...registration,
      met('m1', 2, 2, 30),
      { type: 'CaseClosed', at: day(t0, 3), data: { reason: 'assistance_completed' } },
    ]);
    expect(reviews(closed)).toEqual([]);
  });
});
