import type { CaseEvent } from '@nrm/contracts';
import { CASE_ID, consentGiven, day, event, given, registered } from '../testing';
import { holdsValidTravelDocument } from './documents';

const base = { caseId: CASE_ID, at: day(10) };

const recorded = (
  status: 'held' | 'withheld' | 'lost',
  kind: 'passport' | 'national_id' | 'travel_document' | 'birth_certificate' | 'other' = 'passport',
  validUntil?: string,
) =>
  event(
    'IdentityDocumentRecorded',
    validUntil === undefined
      ? { documentId: 'd1', kind, status }
      : { documentId: 'd1', kind, status, validUntil },
  );
const requested = (channel: 'consulate' | 'other_authority' = 'other_authority') =>
  event('IdentityDocumentReplacementRequested', { documentId: 'd1', channel });
const asylumApplied = event('AsylumApplicationRecorded', { appliedAt: day(5) });

describe('documents: withheld, lost, recovered, replaced, issued', () => {
  it('records a document withheld by the exploiter, without its number', () => {
    given(registered())
      .when({
        type: 'RecordIdentityDocument',
        ...base,
        documentId: 'd1',
        kind: 'passport',
        status: 'withheld',
      })
      .then([recorded('withheld')]);
  });

  it('records a document the person holds with its expiry', () => {
    given(registered())
      .when({
        type: 'RecordIdentityDocument',
        ...base,
        documentId: 'd1',
        kind: 'national_id',
        status: 'held',
        validUntil: '2027-01-01',
      })
      .then([recorded('held', 'national_id', '2027-01-01')]);
  });

  it.each(['withheld', 'lost'] as const)('recovers a %s document', (status) => {
    given([...registered(), recorded(status)])
      .when({ type: 'RecoverIdentityDocument', ...base, documentId: 'd1', validUntil: '2027-01-01' })
      .then([event('IdentityDocumentRecovered', { documentId: 'd1', validUntil: '2027-01-01' })]);
  });

  it('refuses to recover a document the person holds, or an unknown one', () => {
    given([...registered(), recorded('held')])
      .when({ type: 'RecoverIdentityDocument', ...base, documentId: 'd1' })
      .thenRefuses('invalid-transition');
    given(registered())
      .when({ type: 'RecoverIdentityDocument', ...base, documentId: 'd9' })
      .thenRefuses('invalid-transition');
  });

  it('requests a replacement through the consulate when no asylum application bars contact', () => {
    given([...registered(), recorded('lost')])
      .when({ type: 'RequestDocumentReplacement', ...base, documentId: 'd1', channel: 'consulate' })
      .then([requested('consulate')]);
    given([
      ...registered(),
      recorded('lost'),
      asylumApplied,
      event('AsylumApplicationClosed', { outcome: 'refused' }),
    ])
      .when({ type: 'RequestDocumentReplacement', ...base, documentId: 'd1', channel: 'consulate' })
      .then([requested('consulate')]);
  });

  it.each([
    ['pending', [asylumApplied]],
    ['granted', [asylumApplied, event('AsylumApplicationClosed', { outcome: 'granted' })]],
  ])('refuses the consulate while asylum is %s, and allows another authority', (_label, asylum) => {
    given([...registered(), recorded('lost'), ...asylum])
      .when({ type: 'RequestDocumentReplacement', ...base, documentId: 'd1', channel: 'consulate' })
      .thenRefuses('asylum-no-contact');
    given([...registered(), recorded('lost'), ...asylum])
      .when({ type: 'RequestDocumentReplacement', ...base, documentId: 'd1', channel: 'other_authority' })
      .then([requested('other_authority')]);
  });

  it('issues a requested replacement with its expiry', () => {
    given([...registered(), recorded('lost'), requested()])
      .when({ type: 'IssueIdentityDocument', ...base, documentId: 'd1', validUntil: '2026-03-10' })
      .then([event('IdentityDocumentIssued', { documentId: 'd1', validUntil: '2026-03-10' })]);
  });

  it('refuses an issue that was not requested, twice a request, or an expiry before the issue', () => {
    given([...registered(), recorded('lost')])
      .when({ type: 'IssueIdentityDocument', ...base, documentId: 'd1', validUntil: '2026-03-10' })
      .thenRefuses('invalid-transition');
    given([...registered(), recorded('lost'), requested()])
      .when({ type: 'RequestDocumentReplacement', ...base, documentId: 'd1', channel: 'other_authority' })
      .thenRefuses('invalid-transition');
    given([...registered(), recorded('lost'), requested()])
      .when({ type: 'IssueIdentityDocument', ...base, documentId: 'd1', validUntil: '2025-03-01' })
      .thenRefuses('invalid-request');
  });
});

describe('documents: a return journey needs a valid identity or travel document', () => {
  const ready: CaseEvent[] = [
    ...registered(),
    event('ReturnRequested', { statedBy: 'victim', earlyReturnRequested: false }),
    event('ReturnRiskAssessed', { level: 'low', familyAssessed: true }, { notes: 'n' }),
    consentGiven('data_sharing', 'MD'),
    event('HandoverProposed', { handoverId: 'h1', toCountry: 'MD', responseDueAt: day(24) }),
    event('HandoverAccepted', { handoverId: 'h1', recordedBy: 'partner_node' }),
  ];
  // Travel on day 40 = 2025-04-10.
  const travel = { type: 'StartReturnTravel', caseId: CASE_ID, at: day(40), handoverId: 'h1' } as const;
  const started = event('ReturnTravelStarted', { handoverId: 'h1', departedAt: day(40) });

  it.each<[string, CaseEvent[]]>([
    ['a passport the person holds', [recorded('held', 'passport', '2025-04-10')]],
    [
      'a recovered identity card',
      [
        recorded('withheld', 'national_id'),
        event('IdentityDocumentRecovered', { documentId: 'd1', validUntil: '2030-01-01' }),
      ],
    ],
    [
      'an issued laissez-passer',
      [
        recorded('lost', 'travel_document'),
        requested('consulate'),
        event('IdentityDocumentIssued', { documentId: 'd1', validUntil: '2025-05-01' }),
      ],
    ],
  ])('starts travel with %s valid on the day', (_label, documents) => {
    given([...ready, ...documents])
      .when(travel)
      .then([started]);
  });

  it.each<[string, CaseEvent[]]>([
    ['no document', []],
    ['a passport withheld by the exploiter', [recorded('withheld', 'passport', '2030-01-01')]],
    ['a lost passport', [recorded('lost', 'passport', '2030-01-01')]],
    ['a passport that expired the day before', [recorded('held', 'passport', '2025-04-09')]],
    ['a passport without a recorded expiry', [recorded('held', 'passport')]],
    ['a birth certificate only', [recorded('held', 'birth_certificate', '2030-01-01')]],
    ['a replacement requested, not issued', [recorded('lost', 'passport', '2030-01-01'), requested()]],
  ])('refuses travel with %s', (_label, documents) => {
    given([...ready, ...documents])
      .when(travel)
      .thenRefuses('travel-documents-required');
  });

  it('judges validity on the stated departure date', () => {
    given([...ready, recorded('held', 'passport', '2025-04-10')])
      .when({ ...travel, departedAt: day(41) })
      .thenRefuses('travel-documents-required');
    expect(
      holdsValidTravelDocument(
        { d1: { kind: 'passport', status: 'held', validUntil: '2025-04-10' } },
        '2025-04-10T23:59:59Z',
      ),
    ).toBe(true);
  });
});
