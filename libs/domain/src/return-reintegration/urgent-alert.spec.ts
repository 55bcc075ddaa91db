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
import { urgentAlertSharing } from './partner-sharing';

const base = { caseId: CASE_ID, at: day(10) };
const alertId = '5f0e3a9b-8c1d-4e2f-9a3b-4c5d6e7f8a9b';
const raise = {
  type: 'RaiseUrgentAlert',
  ...base,
  alertId,
  toCountry: 'MD',
  subject: 'family_member',
  danger: 'retaliation',
} as const;
const raised = (personal?: { note: string }) =>
  event(
    'UrgentAlertRaised',
    { alertId, toCountry: 'MD', subject: 'family_member', danger: 'retaliation', raisedAt: day(10) },
    personal,
  );
const asylumApplied = event('AsylumApplicationRecorded', { appliedAt: day(5) });

describe('urgent alert (CETS 197 art. 33): raising it', () => {
  it('raises an alert on an open case, outside any handover, the note kept in the personal part', () => {
    given(registered()).when(raise).then([raised()]);
    given(registered())
      .when({ ...raise, note: 'brother threatened by the recruiter' })
      .then([raised({ note: 'brother threatened by the recruiter' })]);
  });

  it('needs no consent to raise it: consent decides what it names, not whether danger is told', () => {
    given([...registered(), event('ConsentWithdrawn', { purpose: 'data_sharing', recipient: 'MD' })])
      .when(raise)
      .then([raised()]);
  });

  it('refuses it while an asylum application is pending or granted', () => {
    given([...registered(), asylumApplied])
      .when(raise)
      .thenRefuses('asylum-no-contact', /pending/);
    given([...registered(), asylumApplied, event('AsylumApplicationClosed', { outcome: 'granted' })])
      .when(raise)
      .thenRefuses('asylum-no-contact', /granted/);
  });

  it('raises it again once the application was refused or withdrawn', () => {
    given([...registered(), asylumApplied, event('AsylumApplicationClosed', { outcome: 'refused' })])
      .when(raise)
      .then([raised()]);
  });

  it('refuses it on a closed case', () => {
    given([...registered(), closed()])
      .when(raise)
      .thenRefuses('invalid-transition');
  });
});

describe('urgentAlertSharing: what an alert may carry to the partner country', () => {
  it('links the alert to the shared case only under a data-sharing consent naming the country', () => {
    expect(urgentAlertSharing([...registered(), consentGiven('data_sharing', 'MD')], 'MD')).toBe('linked');
    expect(urgentAlertSharing(registered(), 'MD')).toBe('minimal');
    expect(urgentAlertSharing([...registered(), consentGiven('data_sharing', 'RO')], 'MD')).toBe('minimal');
    expect(
      urgentAlertSharing(
        [
          ...registered(),
          consentGiven('data_sharing', 'MD'),
          event('ConsentWithdrawn', { purpose: 'data_sharing', recipient: 'MD' }),
        ],
        'MD',
      ),
    ).toBe('minimal');
  });

  it('names no case while the victim asks to keep it secret, and names it again once they no longer do', () => {
    const consented = [...registered(), consentGiven('data_sharing', 'MD')];
    const secret = event('VictimWishesStated', {
      statementId: 's-1',
      wishes: ['keep_case_secret'],
      statedAt: day(2),
    });
    const lifted = event('VictimWishesStated', {
      statementId: 's-2',
      wishes: ['placed_in_safety'],
      statedAt: day(3),
    });
    expect(urgentAlertSharing([...consented, secret], 'MD')).toBe('minimal');
    expect(urgentAlertSharing([...consented, secret, lifted], 'MD')).toBe('linked');
  });

  it('carries nothing at all while asylum is pending or granted, consent or not', () => {
    expect(
      urgentAlertSharing([...registered(), consentGiven('data_sharing', 'MD'), asylumApplied], 'MD'),
    ).toBe('asylum');
    expect(
      urgentAlertSharing(
        [...registered(), asylumApplied, event('AsylumApplicationClosed', { outcome: 'withdrawn' })],
        'MD',
      ),
    ).toBe('minimal');
  });

  it('names no case to a partner that asked this node to restrict it', () => {
    const received = handoverRequestReceived();
    const restricted = event('ProcessingRestrictionRequested', {
      byCountry: 'DE',
      byNode: 'nrm-de',
      requestedAt: day(3),
    });
    expect(urgentAlertSharing([received, consentGiven('data_sharing', 'DE')], 'DE')).toBe('linked');
    expect(urgentAlertSharing([received, consentGiven('data_sharing', 'DE'), restricted], 'DE')).toBe(
      'minimal',
    );
  });
});
