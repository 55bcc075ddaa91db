import 'reflect-metadata';
import { validateEventPayload } from '../../registry';

describe('legal status and document payloads', () => {
  it('accepts a permit granted until a calendar date, and refuses a date-time or an unknown basis', () => {
    expect(
      validateEventPayload('ResidencePermitGranted', { permitId: 'p1', validUntil: '2026-01-31' }),
    ).toEqual([]);
    expect(
      validateEventPayload('ResidencePermitGranted', { permitId: 'p1', validUntil: '2026-01-31T00:00:00Z' }),
    ).toEqual([expect.objectContaining({ field: 'data.validUntil' })]);
    expect(
      validateEventPayload('ResidencePermitApplied', {
        permitId: 'p1',
        basis: 'humanitarian',
        appliedAt: '2026-01-01T00:00:00Z',
      }),
    ).toEqual([expect.objectContaining({ field: 'data.basis' })]);
  });

  it('records a document without its number (no such field, no personal part)', () => {
    const data = { documentId: 'd1', kind: 'passport', status: 'withheld' };
    expect(validateEventPayload('IdentityDocumentRecorded', data)).toEqual([]);
    expect(validateEventPayload('IdentityDocumentRecorded', { ...data, number: 'AB123456' })).toEqual([
      expect.objectContaining({ field: 'data.number' }),
    ]);
    expect(validateEventPayload('IdentityDocumentRecorded', data, { number: 'AB123456' })).toEqual([
      expect.objectContaining({ field: 'personal' }),
    ]);
    // A document is first recorded as found (held, withheld or lost), never as issued.
    expect(validateEventPayload('IdentityDocumentRecorded', { ...data, status: 'issued' })).toEqual([
      expect.objectContaining({ field: 'data.status' }),
    ]);
  });

  it('names the replacement channel and the removal order outcome from their code lists', () => {
    expect(
      validateEventPayload('IdentityDocumentReplacementRequested', { documentId: 'd1', channel: 'embassy' }),
    ).toEqual([expect.objectContaining({ field: 'data.channel' })]);
    expect(validateEventPayload('RemovalOrderLifted', { orderId: 'o1', outcome: 'withdrawn' })).toEqual([]);
  });
});
