import { consentGiven, day, event, handoverRequestReceived, registered } from '../testing';
import { sharingBar } from './partner-sharing';

const withdrawn = event('ConsentWithdrawn', { purpose: 'data_sharing', recipient: 'MD' });
const received = handoverRequestReceived();

describe('sharingBar: what may cross the border now', () => {
  it('destination: only under a data-sharing consent naming the partner country', () => {
    expect(sharingBar(registered(), 'destination', 'MD', 'return')).toBe('consent-withdrawn');
    expect(
      sharingBar([...registered(), consentGiven('data_sharing', 'MD')], 'destination', 'MD', 'return'),
    ).toBeUndefined();
    expect(
      sharingBar([...registered(), consentGiven('data_sharing', 'RO')], 'destination', 'MD', 'return'),
    ).toBe('consent-withdrawn');
  });

  it('destination: a withdrawal stops everything at once but the restriction request', () => {
    const history = [...registered(), consentGiven('data_sharing', 'MD'), withdrawn];
    expect(sharingBar(history, 'destination', 'MD', 'return')).toBe('consent-withdrawn');
    expect(sharingBar(history, 'destination', 'MD', 'restriction')).toBeUndefined();
  });

  it('destination: asylum bars all contact, the restriction request included', () => {
    const history = [
      ...registered(),
      consentGiven('data_sharing', 'MD'),
      event('AsylumApplicationRecorded', { appliedAt: day(2) }),
    ];
    expect(sharingBar(history, 'destination', 'MD', 'return')).toBe('asylum');
    expect(sharingBar(history, 'destination', 'MD', 'restriction')).toBe('asylum');
  });

  it('origin: answers travel; reintegration needs consent here; nothing after a restriction', () => {
    expect(sharingBar([received], 'origin', 'DE', 'return')).toBeUndefined();
    expect(sharingBar([received], 'origin', 'DE', 'reintegration')).toBe('no-consent');
    expect(
      sharingBar([received, consentGiven('data_sharing', 'DE')], 'origin', 'DE', 'reintegration'),
    ).toBeUndefined();
    const restricted = event('ProcessingRestrictionRequested', {
      byCountry: 'DE',
      byNode: 'nrm-de',
      requestedAt: day(3),
    });
    expect(sharingBar([received, restricted], 'origin', 'DE', 'return')).toBe('restricted');
  });
});
