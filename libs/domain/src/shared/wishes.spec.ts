import type { CaseEvent, VictimWish } from '@nrm/contracts';
import {
  CASE_ID,
  closed,
  consentGiven,
  day,
  event,
  given,
  handoverRequestReceived,
  registered,
} from '../testing';
import { keepsCaseSecret, lastStatedWishes } from './wishes';

const at = (n: number) => ({ caseId: CASE_ID, at: day(n) });
const stated = (wishes: VictimWish[], n = 2, statementId = `w${n}`) =>
  event('VictimWishesStated', { statementId, wishes, statedAt: day(n) });

describe('wishes: StateVictimWishes (assistance)', () => {
  it('records the whole set stated now, at the command time unless given, in their words in personal', () => {
    given(registered())
      .when({
        type: 'StateVictimWishes',
        ...at(2),
        statementId: 'w2',
        wishes: ['placed_in_safety', 'stay_in_destination'],
        inTheirWords: 'I want to stay here and work',
      })
      .then([
        event(
          'VictimWishesStated',
          { statementId: 'w2', wishes: ['placed_in_safety', 'stay_in_destination'], statedAt: day(2) },
          { inTheirWords: 'I want to stay here and work' },
        ),
      ]);
  });

  it('records an empty set (the victim wants none of the listed things any more)', () => {
    given([...registered(), stated(['keep_case_secret'])])
      .when({ type: 'StateVictimWishes', ...at(3), statementId: 'w3', wishes: [] })
      .then([stated([], 3)]);
  });

  it('refuses to stay and to return at once', () => {
    given(registered())
      .when({
        type: 'StateVictimWishes',
        ...at(2),
        statementId: 'w2',
        wishes: ['stay_in_destination', 'return_to_origin'],
      })
      .thenRefuses('invalid-request', /exclude/);
  });

  it('refuses a statement dated after the command, or before the last statement', () => {
    const command = { type: 'StateVictimWishes', ...at(5), statementId: 'w9', wishes: [] } as const;
    given(registered())
      .when({ ...command, statedAt: day(6) })
      .thenRefuses('invalid-request');
    given([...registered(), stated(['placed_in_safety'], 4)])
      .when({ ...command, statedAt: day(3) })
      .thenRefuses('invalid-request');
    given([...registered(), stated(['placed_in_safety'], 4)])
      .when({ ...command, statedAt: day(4) })
      .then([event('VictimWishesStated', { statementId: 'w9', wishes: [], statedAt: day(4) })]);
  });

  it('refuses a statement id already used, before registration and after closure', () => {
    given([...registered(), stated(['placed_in_safety'])])
      .when({ type: 'StateVictimWishes', ...at(3), statementId: 'w2', wishes: [] })
      .thenRefuses('invalid-transition');
    given([])
      .when({ type: 'StateVictimWishes', ...at(3), statementId: 'w3', wishes: [] })
      .thenRefuses('invalid-transition');
    given([...registered(), closed()])
      .when({ type: 'StateVictimWishes', ...at(3), statementId: 'w3', wishes: [] })
      .thenRefuses('invalid-transition');
  });

  it('the last statement replaces the previous set', () => {
    const history: CaseEvent[] = [
      ...registered(),
      stated(['stay_in_destination', 'keep_case_secret'], 2),
      stated(['return_to_origin'], 3),
    ];
    expect(lastStatedWishes(history)).toEqual(['return_to_origin']);
    expect(keepsCaseSecret(history)).toBe(false);
    expect(keepsCaseSecret(history.slice(0, -1))).toBe(true);
    expect(lastStatedWishes(registered())).toBeUndefined();
  });
});

describe('wishes: RecordWishAction (assistance)', () => {
  const history = [...registered(), stated(['recover_identity_documents', 'placed_in_safety'])];

  it('records what was done about a wish the victim last stated, the note in personal', () => {
    given(history)
      .when({
        type: 'RecordWishAction',
        ...at(4),
        wish: 'recover_identity_documents',
        action: 'referred',
        note: 'asked the consulate',
      })
      .then([
        event(
          'WishActedUpon',
          { wish: 'recover_identity_documents', action: 'referred', actedAt: day(4) },
          { note: 'asked the consulate' },
        ),
      ]);
  });

  it('refuses an action on a wish not (or no longer) stated', () => {
    given(history)
      .when({ type: 'RecordWishAction', ...at(4), wish: 'no_reentry_ban', action: 'done' })
      .thenRefuses('invalid-transition');
    given([...history, stated(['placed_in_safety'], 3)])
      .when({ type: 'RecordWishAction', ...at(4), wish: 'recover_identity_documents', action: 'done' })
      .thenRefuses('invalid-transition');
  });

  it('refuses an action dated after the command', () => {
    given(history)
      .when({ type: 'RecordWishAction', ...at(4), wish: 'placed_in_safety', action: 'done', actedAt: day(5) })
      .thenRefuses('invalid-request');
  });
});

describe('wishes: a wish to stay stops the handover (return-reintegration)', () => {
  const ready: CaseEvent[] = [
    ...registered(),
    event('ReturnRequested', { statedBy: 'victim', earlyReturnRequested: false }),
    event('ReturnRiskAssessed', { level: 'low', familyAssessed: true }, { notes: 'n' }),
    consentGiven('data_sharing', 'MD'),
  ];
  const propose = { type: 'ProposeHandover', ...at(10), handoverId: 'h1', toCountry: 'MD' } as const;
  const proposed = event('HandoverProposed', { handoverId: 'h1', toCountry: 'MD', responseDueAt: day(24) });

  it('refuses a proposal while the last stated wish is to stay', () => {
    given([...ready, stated(['stay_in_destination', 'placed_in_safety'])])
      .when(propose)
      .thenRefuses('wish-to-stay');
  });

  it('proposes once the victim states other wishes, or with no wish stated', () => {
    given([...ready, stated(['stay_in_destination']), stated(['return_to_origin'], 3)])
      .when(propose)
      .then([proposed]);
    given(ready).when(propose).then([proposed]);
  });

  it('stops the return journey of an accepted handover when the victim now wishes to stay', () => {
    // A passport held, so that only the wish can stop the journey.
    const passport = event('IdentityDocumentRecorded', {
      documentId: 'd1',
      kind: 'passport',
      status: 'held',
      validUntil: '2030-12-31',
    });
    const acceptedHandover = [
      ...ready,
      passport,
      proposed,
      event('HandoverAccepted', { handoverId: 'h1', recordedBy: 'partner_node' }),
    ];
    const travel = { type: 'StartReturnTravel', ...at(40), handoverId: 'h1' } as const;
    given([...acceptedHandover, stated(['stay_in_destination'], 35)])
      .when(travel)
      .thenRefuses('wish-to-stay');
    given([...acceptedHandover, stated(['return_to_origin'], 35)])
      .when(travel)
      .then([event('ReturnTravelStarted', { handoverId: 'h1', departedAt: day(40) })]);
  });

  it('does not block what a partner sends: its answer to the proposal, or its handover request', () => {
    given([...ready, proposed, stated(['stay_in_destination'], 11)])
      .when({ type: 'AcceptHandover', ...at(12), handoverId: 'h1', recordedBy: 'partner_node' })
      .then([event('HandoverAccepted', { handoverId: 'h1', recordedBy: 'partner_node' })]);
    // At the country of origin the request opens the case; the wishes stated there do not refuse accepting it.
    given([handoverRequestReceived(), stated(['stay_in_destination'])])
      .when({ type: 'AcceptHandover', ...at(3), handoverId: 'h1', recordedBy: 'return_officer' })
      .then([event('HandoverAccepted', { handoverId: 'h1', recordedBy: 'return_officer' })]);
  });
});

describe('wishes: not to face the trafficker (prosecution-liaison RecordHearingOutcome)', () => {
  const scheduled = (protectiveMeasures: EventOfMeasures = []) =>
    event('HearingScheduled', { hearingId: 'hr1', scheduledFor: day(20), protectiveMeasures });
  type EventOfMeasures = ('video_testimony' | 'closed_hearing' | 'screening_from_defendant' | 'anonymity')[];
  const held = { type: 'RecordHearingOutcome', ...at(20), hearingId: 'hr1', outcome: 'held' } as const;
  const heldEvent = event('HearingOutcomeRecorded', { hearingId: 'hr1', outcome: 'held' });
  const notFace = stated(['not_face_trafficker']);

  it('records a hearing held, postponed (with its new date) or cancelled', () => {
    given([...registered(), scheduled()])
      .when(held)
      .then([heldEvent]);
    given([...registered(), scheduled()])
      .when({ ...held, outcome: 'postponed', rescheduledFor: day(30) })
      .then([
        event('HearingOutcomeRecorded', { hearingId: 'hr1', outcome: 'postponed', rescheduledFor: day(30) }),
      ]);
    given([...registered(), scheduled()])
      .when({ ...held, outcome: 'cancelled' })
      .then([event('HearingOutcomeRecorded', { hearingId: 'hr1', outcome: 'cancelled' })]);
  });

  it('refuses an unknown hearing, a second outcome after held or cancelled, and a date unless postponed', () => {
    given(registered()).when(held).thenRefuses('invalid-transition');
    given([...registered(), scheduled(), heldEvent])
      .when(held)
      .thenRefuses('invalid-transition');
    given([
      ...registered(),
      scheduled(),
      event('HearingOutcomeRecorded', { hearingId: 'hr1', outcome: 'postponed' }),
    ])
      .when(held)
      .then([heldEvent]);
    given([...registered(), scheduled()])
      .when({ ...held, rescheduledFor: day(30) })
      .thenRefuses('invalid-request');
  });

  it('refuses "held" while the victim asks not to face the trafficker and no measure spares it', () => {
    given([...registered(), notFace, scheduled()])
      .when(held)
      .thenRefuses('protective-measures-required');
    // A closed hearing keeps the public out, not the defendant; measures of another hearing do not count.
    given([
      ...registered(),
      notFace,
      scheduled(['closed_hearing', 'anonymity']),
      event('ProtectiveMeasuresOrdered', { measures: ['video_testimony'] }),
    ])
      .when(held)
      .thenRefuses('protective-measures-required');
  });

  it('records "held" with a sparing measure ordered at scheduling or later, or once the wish is gone', () => {
    given([...registered(), notFace, scheduled(['video_testimony'])])
      .when(held)
      .then([heldEvent]);
    given([
      ...registered(),
      scheduled(),
      notFace,
      event('ProtectiveMeasuresOrdered', { hearingId: 'hr1', measures: ['screening_from_defendant'] }),
    ])
      .when(held)
      .then([heldEvent]);
    given([...registered(), notFace, scheduled(), stated(['placed_in_safety'], 3)])
      .when(held)
      .then([heldEvent]);
    // Postponing or cancelling is never refused.
    given([...registered(), notFace, scheduled()])
      .when({ ...held, outcome: 'cancelled' })
      .then([event('HearingOutcomeRecorded', { hearingId: 'hr1', outcome: 'cancelled' })]);
  });
});
