import { agenciesInvolvedBy, agencyInScope, caseAgencies, type ScopeEvent } from './case-scope';
import { CASE_ID, event, registered } from './testing';

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
