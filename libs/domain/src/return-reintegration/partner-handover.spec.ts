import { CASE_ID, consentGiven, day, event, given, registered } from '../testing';

const base = { caseId: CASE_ID, at: day(10) };
const ready = [
  ...registered(),
  event('ReturnRequested', { statedBy: 'victim', earlyReturnRequested: false }),
  event('ReturnRiskAssessed', { level: 'low', familyAssessed: true }, { notes: 'n' }),
  consentGiven('data_sharing', 'MD'),
];
const propose = { type: 'ProposeHandover', ...base, handoverId: 'h1', toCountry: 'MD' } as const;
const asylumApplied = event('AsylumApplicationRecorded', { appliedAt: day(5) });

const receive = {
  type: 'ReceiveHandoverRequest',
  ...base,
  handoverId: 'h1',
  sharedCaseRef: 'c0ffee00-1111-4222-8333-444455556666',
  fromCountry: 'DE',
  fromNode: 'nrm-de',
  responseDueAt: day(24),
  formsOfExploitation: ['forced_labour'],
  sex: 'female',
  citizenship: 'MD',
  presumedMinor: false,
  returnRiskLevel: 'low',
  person: { givenName: 'Ana', familyName: 'Rusu' },
} as const;
const requestReceived = event(
  'HandoverRequestReceived',
  {
    caseId: CASE_ID,
    handoverId: 'h1',
    sharedCaseRef: receive.sharedCaseRef,
    fromCountry: 'DE',
    fromNode: 'nrm-de',
    responseDueAt: day(24),
    receivedAt: day(10),
    formsOfExploitation: ['forced_labour'],
    sex: 'female',
    citizenship: 'MD',
    presumedMinor: false,
    returnRiskLevel: 'low',
  },
  { givenName: 'Ana', familyName: 'Rusu' },
);

describe('return: asylum bars every contact with the country of origin', () => {
  it('refuses a handover proposal while an asylum application is pending', () => {
    given([...ready, asylumApplied])
      .when(propose)
      .thenRefuses('asylum-no-contact', /pending/);
  });

  it('refuses it for good once asylum is granted', () => {
    given([...ready, asylumApplied, event('AsylumApplicationClosed', { outcome: 'granted' })])
      .when(propose)
      .thenRefuses('asylum-no-contact', /granted/);
  });

  it('lets the return go ahead again after the application was withdrawn', () => {
    given([...ready, asylumApplied, event('AsylumApplicationClosed', { outcome: 'withdrawn' })])
      .when({ ...propose, sharedCaseRef: 'ref-9' })
      .then([
        event('HandoverProposed', {
          handoverId: 'h1',
          toCountry: 'MD',
          responseDueAt: day(24),
          sharedCaseRef: 'ref-9',
        }),
      ]);
  });

  it('stops a handover already under way: no acceptance, no travel', () => {
    const proposed = event('HandoverProposed', { handoverId: 'h1', toCountry: 'MD', responseDueAt: day(24) });
    given([...ready, proposed, asylumApplied])
      .when({ type: 'AcceptHandover', ...base, handoverId: 'h1', recordedBy: 'partner_node' })
      .thenRefuses('asylum-no-contact');
    given([
      ...ready,
      proposed,
      event('HandoverAccepted', { handoverId: 'h1', recordedBy: 'partner_node' }),
      asylumApplied,
    ])
      .when({ type: 'StartReturnTravel', ...base, at: day(40), handoverId: 'h1' })
      .thenRefuses('asylum-no-contact');
  });

  it('records an application once, and closes only a pending one', () => {
    given(registered())
      .when({ type: 'RecordAsylumApplication', ...base })
      .then([event('AsylumApplicationRecorded', { appliedAt: day(10) })]);
    given([...registered(), asylumApplied])
      .when({ type: 'RecordAsylumApplication', ...base })
      .thenRefuses('invalid-transition');
    given(registered())
      .when({ type: 'CloseAsylumApplication', ...base, outcome: 'refused' })
      .thenRefuses('invalid-transition');
  });
});

describe('return: a case received from a partner (country of origin)', () => {
  it('opens a new case with what the partner sent, personal data apart', () => {
    given([]).when(receive).then([requestReceived]);
  });

  it('never receives a request into an existing case', () => {
    given(registered())
      .when(receive)
      .thenRefuses('invalid-transition', /new case/);
  });

  it('accepts the handover on the received case', () => {
    given([requestReceived])
      .when({ type: 'AcceptHandover', ...base, handoverId: 'h1', recordedBy: 'return_officer' })
      .then([event('HandoverAccepted', { handoverId: 'h1', recordedBy: 'return_officer' })]);
  });

  it('needs the guardian and best-interests determination the partner reported for a child', () => {
    const child = event('HandoverRequestReceived', { ...requestReceived.data, presumedMinor: true });
    given([child])
      .when({ type: 'AcceptHandover', ...base, handoverId: 'h1', recordedBy: 'return_officer' })
      .thenRefuses('guardian-required');
  });

  it('does not propose a handover of a case it received', () => {
    given([requestReceived, consentGiven('data_sharing', 'MD')])
      .when(propose)
      .thenRefuses('invalid-transition', /partner country/);
  });

  it('records the partner’s restriction request once', () => {
    const restrict = { type: 'RestrictProcessing', ...base, byCountry: 'DE', byNode: 'nrm-de' } as const;
    const restricted = event('ProcessingRestrictionRequested', {
      byCountry: 'DE',
      byNode: 'nrm-de',
      requestedAt: day(10),
    });
    given([requestReceived]).when(restrict).then([restricted]);
    given([requestReceived, restricted])
      .when(restrict)
      .thenRefuses('invalid-transition', /already/);
    given(ready)
      .when(restrict)
      .thenRefuses('invalid-transition', /received from a partner/);
  });
});
