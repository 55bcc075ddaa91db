import type { CaseEvent } from '@nrm/contracts';
import { fold } from '../shared/decider';
import { CASE_ID, closed, consentGiven, day, event, given, registered } from '../testing';
import { assistanceDecider } from './decider';

const base = { caseId: CASE_ID, at: day(2) };
const withConsent = () => [...registered(), consentGiven('assistance')];
const plan = (services: { serviceId: string; kind: 'medical' | 'accommodation'; provider?: string }[]) =>
  event('AssistancePlanAdopted', { planId: 'plan-1', services });
const referred = (serviceId = 's1', provider = 'CLINIC-1') =>
  event('ServiceReferred', { serviceId, kind: 'medical', provider });

describe('assistance: assessments', () => {
  it('records needs (notes in personal) and risks, for a presumed victim without identification', () => {
    given(registered())
      .when({ type: 'AssessNeeds', ...base, needs: ['accommodation', 'medical'], notes: 'n' })
      .then([event('NeedsAssessed', { needs: ['accommodation', 'medical'] }, { notes: 'n' })]);
    given(registered())
      .when({ type: 'AssessRisk', ...base, kind: 'family', level: 'high', notes: 'n' })
      .then([event('RiskAssessed', { kind: 'family', level: 'high' }, { notes: 'n' })]);
  });
});

describe('assistance: AdoptAssistancePlan', () => {
  it('adopts a plan for a presumed victim and refers each service that names a provider', () => {
    given(withConsent())
      .when({
        type: 'AdoptAssistancePlan',
        ...base,
        planId: 'plan-1',
        services: [
          { serviceId: 's1', kind: 'medical', provider: 'CLINIC-1' },
          { serviceId: 's2', kind: 'accommodation' },
        ],
      })
      .then([
        plan([
          { serviceId: 's1', kind: 'medical', provider: 'CLINIC-1' },
          { serviceId: 's2', kind: 'accommodation' },
        ]),
        referred('s1', 'CLINIC-1'),
      ]);
  });

  it('refuses a plan without services', () => {
    given(withConsent())
      .when({ type: 'AdoptAssistancePlan', ...base, planId: 'p', services: [] })
      .thenRefuses('invalid-transition');
  });

  it('refuses a plan that would share data with a provider without assistance consent', () => {
    given(registered())
      .when({
        type: 'AdoptAssistancePlan',
        ...base,
        planId: 'p',
        services: [{ serviceId: 's1', kind: 'medical', provider: 'CLINIC-1' }],
      })
      .thenRefuses('consent-required');
  });

  it('adopts a plan without providers without any consent (nothing is shared)', () => {
    given(registered())
      .when({
        type: 'AdoptAssistancePlan',
        ...base,
        planId: 'p',
        services: [{ serviceId: 's1', kind: 'medical' }],
      })
      .then([
        event('AssistancePlanAdopted', { planId: 'p', services: [{ serviceId: 's1', kind: 'medical' }] }),
      ]);
  });
});

describe('assistance: ReferService needs consent covering the provider', () => {
  const refer = {
    type: 'ReferService',
    ...base,
    serviceId: 's9',
    kind: 'medical',
    provider: 'CLINIC-1',
  } as const;

  it.each([
    ['a consent without recipient', [consentGiven('assistance')]],
    ['a consent naming the provider', [consentGiven('assistance', 'CLINIC-1')]],
  ])('refers with %s', (_label, consents) => {
    given([...registered(), ...consents])
      .when(refer)
      .then([referred('s9', 'CLINIC-1')]);
  });

  it.each([
    ['no consent', []],
    ['a consent naming another provider', [consentGiven('assistance', 'SHELTER-2')]],
    [
      'a withdrawn consent',
      [consentGiven('assistance'), event('ConsentWithdrawn', { purpose: 'assistance' })],
    ],
    [
      'a general consent withdrawn for this provider',
      [consentGiven('assistance'), event('ConsentRefused', { purpose: 'assistance', recipient: 'CLINIC-1' })],
    ],
    ['consent for another purpose', [consentGiven('data_sharing', 'CLINIC-1')]],
  ])('refuses with %s', (_label, consents) => {
    given([...registered(), ...consents])
      .when(refer)
      .thenRefuses('consent-required');
  });

  it('re-refers a declined service to another provider', () => {
    const history = [
      ...withConsent(),
      referred(),
      event('ServiceReferralDeclined', { serviceId: 's1', reason: 'no_capacity' }),
    ];
    given(history)
      .when({ ...refer, serviceId: 's1', provider: 'CLINIC-2' })
      .then([referred('s1', 'CLINIC-2')]);
  });

  it('refuses to refer a service that is already referred', () => {
    given([...withConsent(), referred()])
      .when({ ...refer, serviceId: 's1' })
      .thenRefuses('invalid-transition');
  });
});

describe('assistance: service referral lifecycle', () => {
  const referredHistory = () => [
    ...withConsent(),
    plan([{ serviceId: 's1', kind: 'medical', provider: 'CLINIC-1' }]),
    referred(),
  ];
  const accepted = event('ServiceReferralAccepted', { serviceId: 's1' });

  it('accepts, then delivers a referred service', () => {
    given(referredHistory())
      .when({ type: 'AcceptServiceReferral', ...base, serviceId: 's1' })
      .then([accepted]);
    given([...referredHistory(), accepted])
      .when({ type: 'DeliverService', ...base, serviceId: 's1' })
      .then([event('ServiceDelivered', { serviceId: 's1', deliveredAt: base.at })]);
  });

  it('delivers an in-house planned service (no provider) directly', () => {
    given([...registered(), plan([{ serviceId: 's2', kind: 'accommodation' }])])
      .when({ type: 'DeliverService', ...base, serviceId: 's2', deliveredAt: day(1) })
      .then([event('ServiceDelivered', { serviceId: 's2', deliveredAt: day(1) })]);
  });

  it('declines a referral for a reason that is not about cooperation', () => {
    given(referredHistory())
      .when({ type: 'DeclineServiceReferral', ...base, serviceId: 's1', reason: 'no_capacity' })
      .then([event('ServiceReferralDeclined', { serviceId: 's1', reason: 'no_capacity' })]);
  });

  it('refuses to decline a referral because the victim does not cooperate with law enforcement', () => {
    given(referredHistory())
      .when({ type: 'DeclineServiceReferral', ...base, serviceId: 's1', reason: 'victim_not_cooperating' })
      .thenRefuses('unconditional-assistance');
  });

  it.each([
    ['accept an unknown service', { type: 'AcceptServiceReferral', serviceId: 'nope' }, referredHistory()],
    ['accept twice', { type: 'AcceptServiceReferral', serviceId: 's1' }, [...referredHistory(), accepted]],
    [
      'decline an unknown service',
      { type: 'DeclineServiceReferral', serviceId: 'nope', reason: 'other' },
      referredHistory(),
    ],
    [
      'decline an accepted referral',
      { type: 'DeclineServiceReferral', serviceId: 's1', reason: 'other' },
      [...referredHistory(), accepted],
    ],
    ['deliver a referral not yet accepted', { type: 'DeliverService', serviceId: 's1' }, referredHistory()],
    ['deliver an unknown service', { type: 'DeliverService', serviceId: 'nope' }, referredHistory()],
    [
      'deliver a declined service',
      { type: 'DeliverService', serviceId: 's1' },
      [...referredHistory(), event('ServiceReferralDeclined', { serviceId: 's1', reason: 'no_capacity' })],
    ],
  ] as const)('refuses to %s', (_label, command, history) => {
    given(history)
      .when({ ...base, ...command })
      .thenRefuses('invalid-transition');
  });
});

describe('assistance: monitoring and closure', () => {
  it('records monitoring of an adopted plan', () => {
    given([...registered(), plan([{ serviceId: 's1', kind: 'medical' }])])
      .when({ type: 'RecordMonitoring', ...base, status: 'concerns' })
      .then([event('MonitoringRecorded', { status: 'concerns' })]);
  });

  it('records when the next monitoring visit is due, a date after this visit', () => {
    const nextVisitDue = day(3).slice(0, 10);
    given([...registered(), plan([{ serviceId: 's1', kind: 'medical' }])])
      .when({ type: 'RecordMonitoring', ...base, status: 'on_track', nextVisitDue })
      .then([event('MonitoringRecorded', { status: 'on_track', nextVisitDue })]);
  });

  it('refuses a next visit due on or before the day of this visit', () => {
    for (const nextVisitDue of [day(2).slice(0, 10), day(1).slice(0, 10)]) {
      given([...registered(), plan([{ serviceId: 's1', kind: 'medical' }])])
        .when({ type: 'RecordMonitoring', ...base, status: 'on_track', nextVisitDue })
        .thenRefuses('invalid-request', /next visit/);
    }
  });

  it('refuses monitoring without a plan', () => {
    given(registered())
      .when({ type: 'RecordMonitoring', ...base, status: 'on_track' })
      .thenRefuses('invalid-transition');
  });

  it.each([
    'assistance_completed',
    'reintegrated',
    'victim_request',
    'not_identified',
    'lost_contact',
    'transferred',
    'deceased',
  ] as const)('closes a case for %s', (reason) => {
    given(registered())
      .when({ type: 'CloseCase', ...base, reason })
      .then([event('CaseClosed', { reason })]);
  });

  it('refuses to close a case because of non-cooperation', () => {
    given(registered())
      .when({ type: 'CloseCase', ...base, reason: 'non_cooperation' })
      .thenRefuses('unconditional-assistance');
  });
});

describe('assistance: AddTeamAgency', () => {
  const joined = (agency: string) => event('AgencyJoinedTeam', { agency });
  const underBasis = (agency: string) =>
    event('AgencyJoinedTeam', { agency, legalBasis: 'child_protection' }, { justification: 'a child alone' });
  const withdrawn = (recipient?: string) =>
    event(
      'ConsentWithdrawn',
      recipient === undefined ? { purpose: 'assistance' } : { purpose: 'assistance', recipient },
    );
  const refused = (recipient: string) => event('ConsentRefused', { purpose: 'assistance', recipient });

  it('adds an agency an assistance consent covers: one naming it, or one without a recipient', () => {
    given([...registered(), consentGiven('assistance', 'shelter-ngo-2')])
      .when({ type: 'AddTeamAgency', ...base, agency: 'shelter-ngo-2' })
      .then([joined('shelter-ngo-2')]);
    given([...withConsent(), joined('shelter-ngo-2')])
      .when({ type: 'AddTeamAgency', ...base, agency: 'police-md' })
      .then([joined('police-md')]);
  });

  it('refuses an agency no consent covers (agency-consent-required)', () => {
    given(registered())
      .when({ type: 'AddTeamAgency', ...base, agency: 'shelter-ngo-2' })
      .thenRefuses('agency-consent-required', /shelter-ngo-2/);
    // a consent for another recipient, or for another purpose, does not cover it
    given([
      ...registered(),
      consentGiven('assistance', 'other-ngo'),
      consentGiven('data_sharing', 'shelter-ngo-2'),
    ])
      .when({ type: 'AddTeamAgency', ...base, agency: 'shelter-ngo-2' })
      .thenRefuses('agency-consent-required');
    // a withdrawn or refused consent does not cover it, even beside a general one
    given([...registered(), consentGiven('assistance', 'shelter-ngo-2'), withdrawn('shelter-ngo-2')])
      .when({ type: 'AddTeamAgency', ...base, agency: 'shelter-ngo-2' })
      .thenRefuses('agency-consent-required');
    given([...withConsent(), refused('shelter-ngo-2')])
      .when({ type: 'AddTeamAgency', ...base, agency: 'shelter-ngo-2' })
      .thenRefuses('agency-consent-required');
    given([...withConsent(), withdrawn()])
      .when({ type: 'AddTeamAgency', ...base, agency: 'shelter-ngo-2' })
      .thenRefuses('agency-consent-required');
  });

  it('adds an agency under a legal basis without consent, its justification in the personal part', () => {
    given(registered())
      .when({
        type: 'AddTeamAgency',
        ...base,
        agency: 'child-services',
        legalBasis: 'child_protection',
        justification: 'a child alone',
      })
      .then([underBasis('child-services')]);
  });

  it('refuses a legal basis without a justification, and a justification without a legal basis (invalid-request)', () => {
    given(registered())
      .when({ type: 'AddTeamAgency', ...base, agency: 'child-services', legalBasis: 'vital_interest' })
      .thenRefuses('invalid-request', /justification/);
    given(withConsent())
      .when({ type: 'AddTeamAgency', ...base, agency: 'ngo', justification: 'why' })
      .thenRefuses('invalid-request', /legal basis/);
  });

  it('refuses an agency that is already a member (invalid-transition)', () => {
    given([...withConsent(), joined('shelter-ngo-2'), joined('police-md')])
      .when({ type: 'AddTeamAgency', ...base, agency: 'shelter-ngo-2' })
      .thenRefuses('invalid-transition', /already a member/);
  });

  it('refuses to add to a closed case or before registration (invalid-transition)', () => {
    given([...withConsent(), closed()])
      .when({ type: 'AddTeamAgency', ...base, agency: 'shelter-ngo-2' })
      .thenRefuses('invalid-transition', /closed/);
    given([])
      .when({ type: 'AddTeamAgency', ...base, agency: 'shelter-ngo-2' })
      .thenRefuses('invalid-transition');
  });

  it('keeps the team in the state, in the order agencies joined', () => {
    expect(fold(assistanceDecider, [...withConsent(), joined('b'), joined('a')]).team).toEqual(['b', 'a']);
  });

  it('lets a member under consent leave when that consent is withdrawn; one under a legal basis stays', () => {
    const history = [
      ...registered(),
      consentGiven('assistance', 'ngo-a'),
      consentGiven('assistance', 'ngo-b'),
      joined('ngo-a'),
      joined('ngo-b'),
      underBasis('child-services'),
    ];
    expect(fold(assistanceDecider, [...history, withdrawn('ngo-a')]).team).toEqual([
      'ngo-b',
      'child-services',
    ]);
    expect(fold(assistanceDecider, [...history, refused('ngo-b')]).team).toEqual(['ngo-a', 'child-services']);
    // another purpose's withdrawal changes nothing
    expect(
      fold(assistanceDecider, [
        ...history,
        event('ConsentWithdrawn', { purpose: 'return', recipient: 'ngo-a' }),
      ]).team,
    ).toEqual(['ngo-a', 'ngo-b', 'child-services']);
    // once gone, it may join again under a new consent
    given([...history, withdrawn('ngo-a'), consentGiven('assistance', 'ngo-a')])
      .when({ type: 'AddTeamAgency', ...base, agency: 'ngo-a' })
      .then([joined('ngo-a')]);
    given([...history, withdrawn('ngo-a')])
      .when({ type: 'AddTeamAgency', ...base, agency: 'ngo-a' })
      .thenRefuses('agency-consent-required');
  });

  it('keeps a member under a general consent while a named one for another agency is withdrawn', () => {
    const history = [...withConsent(), joined('ngo-a'), consentGiven('assistance', 'ngo-b'), joined('ngo-b')];
    expect(fold(assistanceDecider, [...history, withdrawn('ngo-b')]).team).toEqual(['ngo-a']);
    expect(fold(assistanceDecider, [...history, withdrawn()]).team).toEqual(['ngo-b']);
  });
});

describe('assistance is never conditional on cooperation', () => {
  const prosecutionEvents: CaseEvent[] = [
    event('CooperationDecisionRecorded', { willing: false }),
    event('LawEnforcementRequestReceived', {
      requestId: 'r1',
      agency: 'POLICE-MD',
      kind: 'interview',
      requestedByVictim: true,
    }),
    event('LawEnforcementRequestAnswered', { requestId: 'r1', outcome: 'declined_by_victim' }),
    event('HearingScheduled', {
      hearingId: 'h1',
      scheduledFor: day(90),
      protectiveMeasures: ['video_testimony'],
    }),
    event('ProtectiveMeasuresOrdered', { measures: ['anonymity'] }),
    event('CompensationClaimed', { claimId: 'c1', against: 'offender' }),
    event('NonPunishmentFlagged', { basis: 'immigration_or_status_offence' }),
  ];
  const history = [
    ...withConsent(),
    plan([{ serviceId: 's1', kind: 'medical', provider: 'CLINIC-1' }]),
    referred(),
  ];

  it('folding prosecution-liaison events leaves the assistance state deep-equal', () => {
    expect(fold(assistanceDecider, [...history, ...prosecutionEvents])).toEqual(
      fold(assistanceDecider, history),
    );
    expect(fold(assistanceDecider, [...registered(), ...prosecutionEvents])).toEqual(
      fold(assistanceDecider, registered()),
    );
  });

  it('decides the same after the victim declined to cooperate', () => {
    const command = { type: 'AcceptServiceReferral', ...base, serviceId: 's1' } as const;
    expect(
      given([...history, ...prosecutionEvents])
        .when(command)
        .events(),
    ).toEqual(given(history).when(command).events());
  });
});
