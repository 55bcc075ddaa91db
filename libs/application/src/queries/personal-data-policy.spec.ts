import type { Principal } from '@nrm/iam/roles';
import { emptyCaseDetail, type CaseDetail, type ConsentView } from '@nrm/read-models';
import { DEFAULT_PURPOSE, personalDataPurpose, personalDataWithheld } from './personal-data-policy';

const AT = '2026-01-01T00:00:00Z';
const as = (role: Principal['role'], agency?: string): Principal => ({
  userId: `u-${role}`,
  username: role,
  role,
  ...(agency === undefined ? {} : { agency }),
});
const consent = (purpose: string, status: ConsentView['status'], recipient?: string): ConsentView => ({
  purpose,
  status,
  at: AT,
  ...(recipient === undefined ? {} : { recipient }),
});
const caseWith = (change: Partial<CaseDetail> = {}): CaseDetail => ({
  ...emptyCaseDetail('c-1', AT),
  agencies: ['nrm-office', 'ngo-a'],
  ...change,
});

describe('personal-data policy: identity only under a consent or a legal basis', () => {
  it('shows the person to the identification officer (identification itself is the legal basis)', () => {
    expect(personalDataPurpose(as('identification_officer', 'nrm-office'), caseWith(), undefined)).toBe(
      DEFAULT_PURPOSE,
    );
    expect(personalDataWithheld(as('identification_officer', 'nrm-office'), caseWith())).toBeUndefined();
  });

  it('shows a case manager the person only while an assistance consent covers the agency', () => {
    const manager = as('case_manager', 'ngo-a');
    expect(personalDataPurpose(manager, caseWith(), 'assistance')).toBeUndefined();
    expect(personalDataWithheld(manager, caseWith())).toBe('no-consent');
    const named = caseWith({ consents: [consent('assistance', 'given', 'ngo-a')] });
    expect(personalDataPurpose(manager, named, 'assistance')).toBe('assistance');
    expect(personalDataWithheld(manager, named)).toBeUndefined();
    // a consent without recipient covers every agency; one naming another does not
    expect(
      personalDataPurpose(manager, caseWith({ consents: [consent('assistance', 'given')] }), undefined),
    ).toBe(DEFAULT_PURPOSE);
    const other = caseWith({ consents: [consent('assistance', 'given', 'ngo-b')] });
    expect(personalDataPurpose(manager, other, undefined)).toBeUndefined();
    // another purpose does not cover the case manager's use
    const wrongPurpose = caseWith({
      consents: [consent('return', 'given'), consent('data_sharing', 'given', 'ngo-a')],
    });
    expect(personalDataPurpose(manager, wrongPurpose, undefined)).toBeUndefined();
    // withdrawn for the agency: not even a general consent covers it any more
    const withdrawn = caseWith({
      consents: [consent('assistance', 'given'), consent('assistance', 'withdrawn', 'ngo-a')],
    });
    expect(personalDataPurpose(manager, withdrawn, undefined)).toBeUndefined();
    expect(personalDataWithheld(manager, withdrawn)).toBe('no-consent');
  });

  it('shows the person to a case worker whose agency joined the team under a legal basis', () => {
    const detail = caseWith({ team: [{ agency: 'ngo-a', legalBasis: 'child_protection', joinedAt: AT }] });
    expect(personalDataPurpose(as('case_manager', 'ngo-a'), detail, undefined)).toBe(DEFAULT_PURPOSE);
    expect(personalDataPurpose(as('case_manager', 'ngo-b'), detail, undefined)).toBeUndefined();
    const underConsent = caseWith({ team: [{ agency: 'ngo-a', joinedAt: AT }] });
    expect(personalDataPurpose(as('case_manager', 'ngo-a'), underConsent, undefined)).toBeUndefined();
    // The team's legal basis is the case managers': the agency's other roles need their own consent.
    expect(personalDataPurpose(as('return_officer', 'ngo-a'), detail, undefined)).toBeUndefined();
    expect(personalDataPurpose(as('prosecution_liaison', 'ngo-a'), detail, undefined)).toBeUndefined();
  });

  it('shows a return officer the person only under an active return consent', () => {
    const officer = as('return_officer', 'nrm-office');
    expect(
      personalDataPurpose(officer, caseWith({ consents: [consent('assistance', 'given')] }), undefined),
    ).toBe(undefined);
    expect(
      personalDataPurpose(officer, caseWith({ consents: [consent('return', 'given', 'MD')] }), 'return'),
    ).toBe('return');
    expect(
      personalDataPurpose(officer, caseWith({ consents: [consent('return', 'withdrawn', 'MD')] }), undefined),
    ).toBeUndefined();
    // a case received from a partner came under the consents the sending node required
    const received = caseWith();
    received.return = {
      ...received.return,
      receivedFromPartner: { fromCountry: 'DE', fromNode: 'de', receivedAt: AT, formsOfExploitation: [] },
    };
    expect(personalDataPurpose(officer, received, undefined)).toBe(DEFAULT_PURPOSE);
    expect(personalDataPurpose(as('case_manager', 'nrm-office'), received, undefined)).toBeUndefined();
  });

  it('shows prosecution liaison the person only under a law-enforcement-cooperation consent covering it', () => {
    const liaison = as('prosecution_liaison', 'police-1');
    expect(personalDataPurpose(liaison, caseWith(), undefined)).toBeUndefined();
    expect(personalDataWithheld(liaison, caseWith())).toBe('no-consent');
    const covered = caseWith({ consents: [consent('law_enforcement_cooperation', 'given', 'police-1')] });
    expect(personalDataPurpose(liaison, covered, undefined)).toBe(DEFAULT_PURPOSE);
  });

  it('lets auditors read only under a stated purpose and admins never, with no consent reason', () => {
    expect(personalDataPurpose(as('auditor'), caseWith(), undefined)).toBeUndefined();
    expect(personalDataPurpose(as('auditor'), caseWith(), 'audit')).toBe('audit');
    expect(personalDataPurpose(as('admin'), caseWith(), 'x')).toBeUndefined();
    expect(personalDataWithheld(as('auditor'), caseWith())).toBeUndefined();
    expect(personalDataWithheld(as('admin'), caseWith())).toBeUndefined();
  });
});
