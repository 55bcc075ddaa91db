import type { DomainEvent } from '@nrm/domain';
import { consentGiven, day, event, registered } from '@nrm/domain/testing';
import type { CaseFact } from '../protocol/case-messages';
import { checkPayload } from '../protocol/minimal-payload';
import type { Partner } from '../registry/partner';
import { makeTestPartner } from '../testing/test-partner';
import { judgeUrgentAlert, UrgentAlertContext } from './outgoing-policy';

const PARTNER: Partner = makeTestPartner({ nodeId: 'nrm-md', country: 'MD' }).partner;
const ALERT = '5f0e3a9b-8c1d-4e2f-9a3b-4c5d6e7f8a9b';
const REF = '0b9f5a51-7a4e-4c1e-9f57-3c2b1a0d9e8f';
const raised = event(
  'UrgentAlertRaised',
  { alertId: ALERT, toCountry: 'MD', subject: 'witness', danger: 'abduction', raisedAt: day(10) },
  { note: 'seen near the school' },
);
const asylumApplied = event('AsylumApplicationRecorded', { appliedAt: day(5) });
const facts = (events: readonly DomainEvent[]): CaseFact[] => events as CaseFact[];
const judge = (history: readonly DomainEvent[], extra: Partial<UrgentAlertContext> = {}) =>
  judgeUrgentAlert({
    history: facts([...history, raised]),
    partner: PARTNER,
    sharedCaseRef: REF,
    signedCheckpoint: true,
    ...extra,
  });
const CODES = { alertId: ALERT, subject: 'witness', danger: 'abduction', raisedAt: day(10) };

describe('judgeUrgentAlert: what an urgent alert carries, and when it does not go', () => {
  it('without consent for the country: the minimal alert, codes only, no case reference, no note', () => {
    const judged = judge(registered());
    expect(judged).toEqual({ verdict: 'send', partner: PARTNER, payload: CODES, linked: false });
  });

  it('with consent naming the country: the alert names the shared case of the handover', () => {
    const judged = judge([...registered(), consentGiven('data_sharing', 'MD')]);
    expect(judged).toEqual({
      verdict: 'send',
      partner: PARTNER,
      payload: { ...CODES, sharedCaseRef: REF },
      linked: true,
    });
    // No handover with the partner: nothing to name.
    expect(
      judge([...registered(), consentGiven('data_sharing', 'MD')], { sharedCaseRef: undefined }),
    ).toEqual({ verdict: 'send', partner: PARTNER, payload: CODES, linked: false });
  });

  it('withholds it under asylum, whatever the consent', () => {
    expect(judge([...registered(), consentGiven('data_sharing', 'MD'), asylumApplied])).toEqual({
      verdict: 'withhold',
      reason: 'asylum',
    });
  });

  it('withholds it with no partner for the country, a removed one, or no signed checkpoint', () => {
    expect(judge(registered(), { partner: undefined })).toMatchObject({ reason: 'partner-removed' });
    expect(judge(registered(), { partner: { ...PARTNER, status: 'removed' } })).toMatchObject({
      reason: 'partner-removed',
    });
    expect(judge(registered(), { partner: { ...PARTNER, country: 'RO' } })).toMatchObject({
      reason: 'partner-removed',
    });
    expect(judge(registered(), { signedCheckpoint: false })).toMatchObject({
      reason: 'no-signed-checkpoint',
    });
  });

  it('goes under any agreement (a treaty duty, codes only); the receiver refuses anything more', () => {
    const noPurposes = { ...PARTNER, agreement: { reference: 'MoU', fields: {}, validUntil: day(1) } };
    expect(judge(registered(), { partner: noPurposes })).toMatchObject({ verdict: 'send' });
    expect(checkPayload('alert.urgent', CODES, noPurposes.agreement)).toEqual({ ok: true });
    expect(checkPayload('alert.urgent', { ...CODES, sharedCaseRef: REF }, noPurposes.agreement)).toEqual({
      ok: true,
    });
    expect(checkPayload('alert.urgent', { ...CODES, note: 'x' }, noPurposes.agreement)).toMatchObject({
      ok: false,
      reason: 'out-of-agreement',
    });
    expect(checkPayload('alert.urgent', { ...CODES, danger: 'boredom' }, noPurposes.agreement)).toMatchObject(
      {
        ok: false,
        reason: 'malformed',
      },
    );
  });
});
