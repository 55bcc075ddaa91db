import {
  agenciesInvolvedBy,
  agencyInScope,
  caseAgencies,
  caseScope,
  EMPTY_SCOPE,
  evolveScope,
  type CaseScope,
  type ScopeEvent,
} from './case-scope';
import { CASE_ID, consentGiven, event, registered } from './testing';

const byAgency = (agency?: string): ScopeEvent[] =>
  registered().map((e) => ({ ...e, actor: agency === undefined ? {} : { agency } }));

describe('case scope: the agencies involved in a case', () => {
  it('starts with the agency of the user who registered the case', () => {
    expect(caseAgencies(byAgency('nrm-office'))).toEqual(['nrm-office']);
    // an actor without agency (an old account) brings none
    expect(caseAgencies(byAgency())).toEqual([]);
  });

  it('adds providers of planned and referred services, receiving agencies and team members, once each', () => {
    const events: ScopeEvent[] = [
      ...byAgency('nrm-office'),
      event('AssistancePlanAdopted', {
        planId: 'p',
        services: [
          { serviceId: 's1', kind: 'medical', provider: 'CLINIC-1' },
          { serviceId: 's2', kind: 'accommodation' },
        ],
      }),
      event('ServiceReferred', { serviceId: 's1', kind: 'medical', provider: 'CLINIC-1' }),
      event('ServiceReferred', { serviceId: 's3', kind: 'legal', provider: 'LAW-NGO' }),
      event('AgencyJoinedTeam', { agency: 'police-md' }),
      event('AgencyJoinedTeam', { agency: 'nrm-office' }),
      event('HandoverAccepted', { handoverId: 'h', recordedBy: 'partner_node', receivingAgency: 'MD-NRM' }),
      event('ReceptionConfirmed', { handoverId: 'h', receivingAgency: 'MD-SHELTER' }),
      event('ReintegrationPlanAdopted', {
        planId: 'r',
        services: [{ serviceId: 'r1', kind: 'employment', provider: 'MD-JOBS' }],
      }),
    ];
    expect(caseAgencies(events)).toEqual([
      'nrm-office',
      'CLINIC-1',
      'LAW-NGO',
      'police-md',
      'MD-NRM',
      'MD-SHELTER',
      'MD-JOBS',
    ]);
  });

  it('ignores the actor of any event but the registration, and events that name no agency', () => {
    expect(
      agenciesInvolvedBy({ ...event('ConsentGiven', { purpose: 'assistance' }), actor: { agency: 'x' } }),
    ).toEqual([]);
    expect(
      agenciesInvolvedBy(
        event('LawEnforcementRequestReceived', {
          requestId: 'r',
          agency: 'POLICE-DE',
          kind: 'interview',
          requestedByVictim: false,
        }),
      ),
    ).toEqual([]);
    expect(caseAgencies([{ type: 'PresumedVictimRegistered', data: { caseId: CASE_ID } }])).toEqual([]);
  });

  it('lets an operator in only through an involved agency, compared as written', () => {
    const agencies = ['nrm-office', 'CLINIC-1'];
    expect(agencyInScope(agencies, 'nrm-office')).toBe(true);
    expect(agencyInScope(agencies, 'CLINIC-1')).toBe(true);
    expect(agencyInScope(agencies, 'clinic-1')).toBe(false);
    expect(agencyInScope(agencies, 'other')).toBe(false);
    expect(agencyInScope(agencies, undefined)).toBe(false);
    expect(agencyInScope(agencies, '')).toBe(false);
    expect(agencyInScope([], undefined)).toBe(false);
  });
});

describe('agencies a partner node names', () => {
  it('never bring a local agency of the same code into the case', () => {
    const accepted = {
      type: 'HandoverAccepted',
      data: { handoverId: 'h', recordedBy: 'partner_node', receivingAgency: 'national-nrm-office' },
    };
    expect(agenciesInvolvedBy({ ...accepted, actor: { role: 'partner_node', agency: 'x' } })).toEqual([]);
    expect(agenciesInvolvedBy({ ...accepted, actor: { role: 'return_officer' } })).toEqual([
      'national-nrm-office',
    ]);
  });

  it('but a received case is in the scope of the receiving agency the bridge acts for', () => {
    const received = {
      type: 'HandoverRequestReceived',
      data: {},
      actor: { role: 'partner_node', agency: 'nrm-md' },
    };
    expect(agenciesInvolvedBy(received)).toEqual(['nrm-md']);
  });
});

describe('consent narrows the scope', () => {
  const joined = (agency: string) => event('AgencyJoinedTeam', { agency });
  const underBasis = (agency: string) => event('AgencyJoinedTeam', { agency, legalBasis: 'vital_interest' });
  const withdrawn = (recipient?: string, purpose: 'assistance' | 'return' = 'assistance') =>
    event('ConsentWithdrawn', recipient === undefined ? { purpose } : { purpose, recipient });
  const base: ScopeEvent[] = [
    ...byAgency('nrm-office'),
    consentGiven('assistance', 'ngo-a'),
    consentGiven('assistance', 'CLINIC-1'),
    joined('ngo-a'),
    underBasis('child-services'),
    event('ServiceReferred', { serviceId: 's1', kind: 'medical', provider: 'CLINIC-1' }),
  ];

  it('takes out an agency that joined the team under the consent now withdrawn or refused', () => {
    expect(caseAgencies(base)).toEqual(['nrm-office', 'ngo-a', 'child-services', 'CLINIC-1']);
    expect(caseAgencies([...base, withdrawn('ngo-a')])).toEqual(['nrm-office', 'child-services', 'CLINIC-1']);
    expect(
      caseAgencies([...base, event('ConsentRefused', { purpose: 'assistance', recipient: 'ngo-a' })]),
    ).toEqual(['nrm-office', 'child-services', 'CLINIC-1']);
  });

  it('takes out a provider a service was referred to under the consent now withdrawn', () => {
    expect(caseAgencies([...base, withdrawn('CLINIC-1')])).toEqual(['nrm-office', 'ngo-a', 'child-services']);
  });

  it('keeps the registering agency and an agency added under a legal basis whatever is withdrawn', () => {
    const all = [...base, withdrawn('ngo-a'), withdrawn('CLINIC-1'), withdrawn('nrm-office'), withdrawn()];
    expect(caseAgencies(all)).toEqual(['nrm-office', 'child-services']);
    expect(caseAgencies([...base, withdrawn('child-services')])).toContain('child-services');
  });

  it('keeps agencies when another purpose, another recipient, or nothing covering them is withdrawn', () => {
    expect(caseAgencies([...base, withdrawn('ngo-a', 'return')])).toEqual(caseAgencies(base));
    expect(caseAgencies([...base, withdrawn('ngo-z')])).toEqual(caseAgencies(base));
    // a general consent withdrawn: the named consents still cover their agencies
    expect(caseAgencies([...base, withdrawn()])).toEqual(caseAgencies(base));
  });

  it('takes out an agency under a general consent when that is withdrawn, or when one naming it is', () => {
    const general = [...byAgency('nrm-office'), consentGiven('assistance'), joined('ngo-a'), joined('ngo-b')];
    expect(caseAgencies([...general, withdrawn()])).toEqual(['nrm-office']);
    expect(caseAgencies([...general, withdrawn('ngo-b')])).toEqual(['nrm-office', 'ngo-a']);
  });

  it('brings an agency back when it joins again under a new consent, and keeps it once under a legal basis', () => {
    const again = [...base, withdrawn('ngo-a'), consentGiven('assistance', 'ngo-a'), joined('ngo-a')];
    expect(caseAgencies(again)).toEqual(['nrm-office', 'child-services', 'CLINIC-1', 'ngo-a']);
    const promoted = [...base, underBasis('CLINIC-1'), withdrawn('CLINIC-1')];
    expect(caseAgencies(promoted)).toContain('CLINIC-1');
  });

  it('folds incrementally from a kept scope to the same result as a replay', () => {
    const history = [
      ...base,
      withdrawn('ngo-a'),
      consentGiven('assistance', 'ngo-a'),
      joined('ngo-a'),
      withdrawn(),
    ];
    let kept: CaseScope = EMPTY_SCOPE;
    for (const e of history) {
      // what a read model keeps between events, serialised
      kept = evolveScope(JSON.parse(JSON.stringify(kept)) as CaseScope, e);
    }
    expect(kept).toEqual(caseScope(history));
    expect(kept.byConsent).toEqual(['CLINIC-1', 'ngo-a']);
  });
});
