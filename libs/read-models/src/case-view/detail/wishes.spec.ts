import { day, walkToHandover, type Step } from '../../testing/case-fixtures';
import { foldSteps, opaqueCiphertext } from '../../testing/stored-steps';

const caseId = '6a0e4b2c-1f3d-4c5e-8a7b-9c0d1e2f3a4b';
const t0 = '2025-02-03T09:00:00.000Z';
const enc = (n: number) => opaqueCiphertext(caseId, n);
const fold = (steps: Step[]) => foldSteps(caseId, steps);

const registration = walkToHandover(caseId, t0).slice(0, 1);
const stated = (n: number, wishes: string[], words?: string): Step => ({
  type: 'VictimWishesStated',
  at: day(t0, n),
  data: { statementId: `ws-${n}`, wishes, statedAt: day(t0, n) },
  ...(words ? { personal: { inTheirWords: words } } : {}),
});
const acted = (n: number, wish: string, action: string): Step => ({
  type: 'WishActedUpon',
  at: day(t0, n),
  data: { wish, action, actedAt: day(t0, n) },
  personal: { note: 'n' },
});

describe('case detail: the victim’s wishes', () => {
  it('has no wishes until the first statement', () => {
    expect(fold(registration).wishes).toBeUndefined();
  });

  it('shows the last statement’s wishes, each with every action about it, and the statements in order', () => {
    const view = fold([
      ...registration,
      stated(1, ['recover_identity_documents', 'stay_in_destination'], 'I want my passport'),
      acted(2, 'recover_identity_documents', 'referred'),
      acted(3, 'stay_in_destination', 'in_progress'),
      stated(4, ['recover_identity_documents', 'return_to_origin']),
      acted(5, 'recover_identity_documents', 'done'),
    ]);
    const wishes = view.wishes;
    expect(wishes?.statedAt).toBe(day(t0, 4));
    expect(wishes?.current.map((c) => [c.wish, c.actions.map((a) => a.action)])).toEqual([
      ['recover_identity_documents', ['referred', 'done']],
      ['return_to_origin', []],
    ]);
    expect(wishes?.statements.map((s) => [s.statementId, s.wishes, s.inTheirWords !== undefined])).toEqual([
      ['ws-1', ['recover_identity_documents', 'stay_in_destination'], true],
      ['ws-4', ['recover_identity_documents', 'return_to_origin'], false],
    ]);
    expect(wishes?.actions).toHaveLength(3);
    // The personal parts stay ciphertext in the read model.
    expect(wishes?.statements[0].inTheirWords).toEqual(enc(1));
    expect(wishes?.actions[0].note).toEqual(enc(2));
  });

  it('records a hearing’s outcome on the hearing, the last one standing', () => {
    const hearing: Step = {
      type: 'HearingScheduled',
      at: day(t0, 1),
      data: { hearingId: 'hr-1', scheduledFor: day(t0, 20), protectiveMeasures: [] },
    };
    const outcome = (n: number, data: Record<string, unknown>): Step => ({
      type: 'HearingOutcomeRecorded',
      at: day(t0, n),
      data: { hearingId: 'hr-1', ...data },
    });
    const view = fold([
      ...registration,
      hearing,
      outcome(20, { outcome: 'postponed', rescheduledFor: day(t0, 30) }),
      outcome(30, { outcome: 'held' }),
    ]);
    expect(view.prosecution.hearings).toEqual([
      {
        hearingId: 'hr-1',
        scheduledFor: day(t0, 20),
        protectiveMeasures: [],
        outcome: { outcome: 'held', at: day(t0, 30), victimNotified: false },
      },
    ]);
  });
});
