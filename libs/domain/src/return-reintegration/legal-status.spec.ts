import { CASE_ID, closed, day, event, given, registered } from '../testing';

const base = { caseId: CASE_ID, at: day(10) };

const applied = event('ResidencePermitApplied', {
  permitId: 'p1',
  basis: 'cooperation_with_authorities',
  appliedAt: day(10),
});
const granted = event('ResidencePermitGranted', { permitId: 'p1', validUntil: '2025-09-30' });
const notified = event('RemovalOrderNotified', { orderId: 'o1', notifiedAt: day(5) });
const concluded = (status: 'identified' | 'not_identified') =>
  event('IdentificationConcluded', { status, decidingBody: 'police', formsOfExploitation: [] });

describe('legal status: residence permits', () => {
  it('records an application on a basis of art. 14, applied now by default', () => {
    given(registered())
      .when({
        type: 'ApplyForResidencePermit',
        ...base,
        permitId: 'p1',
        basis: 'cooperation_with_authorities',
      })
      .then([applied]);
  });

  it('keeps a stated application date', () => {
    given(registered())
      .when({
        type: 'ApplyForResidencePermit',
        ...base,
        permitId: 'p2',
        basis: 'personal_situation',
        appliedAt: day(3),
      })
      .then([
        event('ResidencePermitApplied', { permitId: 'p2', basis: 'personal_situation', appliedAt: day(3) }),
      ]);
  });

  it('refuses the same permit id twice', () => {
    given([...registered(), applied])
      .when({ type: 'ApplyForResidencePermit', ...base, permitId: 'p1', basis: 'personal_situation' })
      .thenRefuses('invalid-transition');
  });

  it('grants an applied permit with its expiry', () => {
    given([...registered(), applied])
      .when({
        type: 'DecideResidencePermit',
        ...base,
        permitId: 'p1',
        decision: 'granted',
        validUntil: '2025-09-30',
      })
      .then([granted]);
  });

  it('refuses an applied permit', () => {
    given([...registered(), applied])
      .when({ type: 'DecideResidencePermit', ...base, permitId: 'p1', decision: 'refused' })
      .then([event('ResidencePermitRefused', { permitId: 'p1' })]);
  });

  it.each([
    ['a grant without expiry', { decision: 'granted' as const }],
    ['a grant that expired before the decision', { decision: 'granted' as const, validUntil: '2025-03-10' }],
    ['a refusal with an expiry', { decision: 'refused' as const, validUntil: '2025-09-30' }],
  ])('refuses %s with invalid-request', (_label, decision) => {
    given([...registered(), applied])
      .when({ type: 'DecideResidencePermit', ...base, permitId: 'p1', ...decision })
      .thenRefuses('invalid-request');
  });

  it.each([
    ['no application', registered()],
    ['an already decided one', [...registered(), applied, granted]],
  ])('refuses a decision on %s', (_label, history) => {
    given(history)
      .when({ type: 'DecideResidencePermit', ...base, permitId: 'p1', decision: 'refused' })
      .thenRefuses('invalid-transition');
  });

  it('renews a granted permit to a later expiry, and again', () => {
    given([...registered(), applied, granted])
      .when({ type: 'RenewResidencePermit', ...base, permitId: 'p1', validUntil: '2026-03-31' })
      .then([event('ResidencePermitRenewed', { permitId: 'p1', validUntil: '2026-03-31' })]);
    given([
      ...registered(),
      applied,
      granted,
      event('ResidencePermitRenewed', { permitId: 'p1', validUntil: '2026-03-31' }),
    ])
      .when({ type: 'RenewResidencePermit', ...base, permitId: 'p1', validUntil: '2026-09-30' })
      .then([event('ResidencePermitRenewed', { permitId: 'p1', validUntil: '2026-09-30' })]);
  });

  it('refuses a renewal that does not extend the permit, or of a permit not granted', () => {
    given([...registered(), applied, granted])
      .when({ type: 'RenewResidencePermit', ...base, permitId: 'p1', validUntil: '2025-09-30' })
      .thenRefuses('invalid-request');
    given([...registered(), applied, event('ResidencePermitRefused', { permitId: 'p1' })])
      .when({ type: 'RenewResidencePermit', ...base, permitId: 'p1', validUntil: '2026-09-30' })
      .thenRefuses('invalid-transition');
  });
});

describe('legal status: removal orders (no removal before identification, CoE art. 10(2))', () => {
  const enforce = { type: 'EnforceRemovalOrder', ...base, orderId: 'o1' } as const;

  it('records a notified order, notified now by default', () => {
    given(registered())
      .when({ type: 'RecordRemovalOrder', ...base, orderId: 'o1' })
      .then([event('RemovalOrderNotified', { orderId: 'o1', notifiedAt: day(10) })]);
  });

  it('refuses the removal while the person is a presumed victim', () => {
    given([...registered(), notified])
      .when(enforce)
      .thenRefuses('no-removal-before-identification');
  });

  it.each(['not_identified', 'identified'] as const)(
    'records the removal once the identification concluded %s',
    (status) => {
      given([...registered(), notified, concluded(status)])
        .when({ ...enforce, removedAt: day(9) })
        .then([event('RemovalEnforced', { orderId: 'o1', removedAt: day(9) })]);
    },
  );

  it.each(['suspended', 'withdrawn'] as const)('records the order %s', (outcome) => {
    given([...registered(), notified])
      .when({ type: 'LiftRemovalOrder', ...base, orderId: 'o1', outcome })
      .then([event('RemovalOrderLifted', { orderId: 'o1', outcome })]);
  });

  it.each([
    ['an unknown order', [...registered(), concluded('not_identified')]],
    [
      'a withdrawn order',
      [
        ...registered(),
        notified,
        event('RemovalOrderLifted', { orderId: 'o1', outcome: 'withdrawn' }),
        concluded('not_identified'),
      ],
    ],
    [
      'an order already carried out',
      [
        ...registered(),
        notified,
        concluded('not_identified'),
        event('RemovalEnforced', { orderId: 'o1', removedAt: day(9) }),
      ],
    ],
  ])('refuses to enforce %s', (_label, history) => {
    given(history).when(enforce).thenRefuses('invalid-transition');
  });

  it('refuses a second order with the same id, and anything on a closed case', () => {
    given([...registered(), notified])
      .when({ type: 'RecordRemovalOrder', ...base, orderId: 'o1' })
      .thenRefuses('invalid-transition');
    given([...registered(), closed()])
      .when({ type: 'RecordRemovalOrder', ...base, orderId: 'o2' })
      .thenRefuses('invalid-transition', /closed/);
  });
});
