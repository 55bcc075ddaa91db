import type { CaseCommand } from './case-commands';
import { COMMAND_OWNERS, decideForCase } from './case-commands';
import { CASE_ID, closed, consentGiven, day, event, given, registered } from './testing';

const at = { caseId: CASE_ID, at: day(40) };

/** One valid command of every type, each allowed right after registration in the fixture history where possible. */
const EVERY_COMMAND: CaseCommand[] = [
  {
    type: 'RegisterPresumedVictim',
    ...at,
    referralSource: 'self',
    person: { givenName: 'A', familyName: 'B', sex: 'female', citizenship: 'MD' },
    countryOfExploitation: 'DE',
    formsOfExploitation: ['forced_labour'],
    reflectionPeriodDays: 30,
  },
  {
    type: 'RegisterPersonAtRisk',
    ...at,
    referralSource: 'social_services',
    person: { givenName: 'A', familyName: 'B', sex: 'female', citizenship: 'MD' },
    vulnerabilities: ['child_left_behind'],
  },
  {
    type: 'ConvertToPresumedVictim',
    ...at,
    indicators: ['i1'],
    countryOfExploitation: 'DE',
    formsOfExploitation: ['forced_labour'],
    reflectionPeriodDays: 30,
  },
  { type: 'ExtendReflectionPeriod', ...at, endsAt: day(90) },
  { type: 'GiveConsent', ...at, purpose: 'assistance' },
  { type: 'WithdrawConsent', ...at, purpose: 'assistance' },
  { type: 'AssessAge', ...at, presumedMinor: false, method: 'interview' },
  { type: 'AppointGuardian', ...at, name: 'G', authority: 'GUARD-MD' },
  { type: 'DetermineBestInterests', ...at, outcome: 'o', notes: 'n' },
  { type: 'ConcludeIdentification', ...at, decision: 'identified', reasons: 'r' },
  { type: 'RequestIdentificationReview', ...at, kind: 'appeal', grounds: 'g' },
  { type: 'DecideIdentificationReview', ...at, outcome: 'upheld' },
  { type: 'RecordIdentity', ...at, givenName: 'A', familyName: 'B' },
  { type: 'AssessNeeds', ...at, needs: ['medical'] },
  { type: 'AssessRisk', ...at, kind: 'general', level: 'low', notes: 'n' },
  { type: 'AdoptAssistancePlan', ...at, planId: 'p', services: [{ serviceId: 's1', kind: 'medical' }] },
  { type: 'ReferService', ...at, serviceId: 's1', kind: 'medical', provider: 'CLINIC-1' },
  { type: 'AcceptServiceReferral', ...at, serviceId: 's1' },
  { type: 'DeclineServiceReferral', ...at, serviceId: 's1', reason: 'no_capacity' },
  { type: 'DeliverService', ...at, serviceId: 's1' },
  { type: 'RecordMonitoring', ...at, status: 'on_track' },
  { type: 'AddTeamAgency', ...at, agency: 'POLICE-MD' },
  {
    type: 'RecordTeamMeeting',
    ...at,
    meetingId: 'm1',
    kind: 'team_meeting',
    agencies: ['A'],
    topics: ['monitoring'],
  },
  { type: 'CloseCase', ...at, reason: 'assistance_completed' },
  { type: 'ReopenCase', ...at, reason: 're_trafficking' },
  { type: 'StateVictimWishes', ...at, statementId: 'w1', wishes: ['placed_in_safety'] },
  { type: 'RecordWishAction', ...at, wish: 'placed_in_safety', action: 'done' },
  { type: 'RequestReturn', ...at, statedBy: 'victim' },
  { type: 'AssessReturnRisk', ...at, level: 'low', notes: 'n' },
  { type: 'ProposeHandover', ...at, handoverId: 'h1', toCountry: 'MD' },
  { type: 'AcceptHandover', ...at, handoverId: 'h1', recordedBy: 'partner_node' },
  { type: 'DeclineHandover', ...at, handoverId: 'h1', recordedBy: 'partner_node', reason: 'other' },
  { type: 'StartReturnTravel', ...at, handoverId: 'h1' },
  { type: 'ConfirmArrival', ...at, handoverId: 'h1' },
  { type: 'ConfirmReception', ...at, handoverId: 'h1', receivingAgency: 'CNPT-MD' },
  { type: 'AdoptReintegrationPlan', ...at, planId: 'rp', services: [{ serviceId: 'r1', kind: 'education' }] },
  { type: 'RecordReintegrationProgress', ...at, status: 'on_track' },
  {
    type: 'ReceiveHandoverRequest',
    ...at,
    handoverId: 'h9',
    sharedCaseRef: 'ref-1',
    fromCountry: 'DE',
    fromNode: 'nrm-de',
    responseDueAt: day(54),
    formsOfExploitation: [],
    presumedMinor: false,
  },
  { type: 'RestrictProcessing', ...at, byCountry: 'DE', byNode: 'nrm-de' },
  { type: 'RecordAsylumApplication', ...at },
  { type: 'CloseAsylumApplication', ...at, outcome: 'withdrawn' },
  {
    type: 'RaiseUrgentAlert',
    ...at,
    alertId: '5f0e3a9b-8c1d-4e2f-9a3b-4c5d6e7f8a9b',
    toCountry: 'MD',
    subject: 'victim',
    danger: 'retaliation',
  },
  { type: 'ApplyForResidencePermit', ...at, permitId: 'p1', basis: 'personal_situation' },
  { type: 'DecideResidencePermit', ...at, permitId: 'p1', decision: 'refused' },
  { type: 'RenewResidencePermit', ...at, permitId: 'p1', validUntil: '2027-01-31' },
  { type: 'RecordRemovalOrder', ...at, orderId: 'o1' },
  { type: 'LiftRemovalOrder', ...at, orderId: 'o1', outcome: 'suspended' },
  { type: 'EnforceRemovalOrder', ...at, orderId: 'o1' },
  { type: 'RecordIdentityDocument', ...at, documentId: 'd1', kind: 'passport', status: 'lost' },
  { type: 'RecoverIdentityDocument', ...at, documentId: 'd1' },
  { type: 'RequestDocumentReplacement', ...at, documentId: 'd1', channel: 'other_authority' },
  { type: 'IssueIdentityDocument', ...at, documentId: 'd1', validUntil: '2030-01-31' },
  { type: 'RecordCooperationDecision', ...at, willing: true },
  { type: 'ReceiveLawEnforcementRequest', ...at, requestId: 'r1', agency: 'POLICE-MD', kind: 'statement' },
  { type: 'AnswerLawEnforcementRequest', ...at, requestId: 'r1', outcome: 'agreed' },
  { type: 'ScheduleHearing', ...at, hearingId: 'h1', scheduledFor: day(100), protectiveMeasures: [] },
  { type: 'OrderProtectiveMeasures', ...at, measures: ['anonymity'] },
  { type: 'ClaimCompensation', ...at, claimId: 'c1', against: 'state_fund' },
  { type: 'FlagNonPunishment', ...at, basis: 'other' },
  { type: 'RecordHearingOutcome', ...at, hearingId: 'h1', outcome: 'held' },
  {
    type: 'OpenCriminalProceeding',
    ...at,
    proceedingId: 'p1',
    reference: '1-1/2025',
    stage: 'investigation',
    authority: 'police',
    openedAt: '2025-01-01',
  },
  {
    type: 'AdvanceProceedingStage',
    ...at,
    proceedingId: 'p1',
    stage: 'trial',
    authority: 'court',
    advancedAt: '2025-01-01',
  },
  {
    type: 'RecordVerdict',
    ...at,
    proceedingId: 'p1',
    outcome: 'conviction',
    charges: ['trafficking'],
    decidedAt: '2025-01-01',
    final: true,
  },
  { type: 'CloseCriminalProceeding', ...at, proceedingId: 'p1', reason: 'other', closedAt: '2025-01-01' },
  {
    type: 'RecordCompensationAwarded',
    ...at,
    claimId: 'c1',
    amount: 1,
    currency: 'EUR',
    awardedBy: 'court',
    awardedAt: '2025-01-01',
  },
  { type: 'RecordCompensationPaid', ...at, claimId: 'c1', amount: 1, paidAt: '2025-01-01' },
  { type: 'RefuseCompensation', ...at, claimId: 'c1', refusedBy: 'court', refusedAt: '2025-01-01' },
  { type: 'RecordVictimNotified', ...at, step: 'other', channel: 'letter', notifiedAt: '2025-01-01' },
  {
    type: 'LinkFamilyMember',
    ...at,
    memberId: 'm1',
    relation: 'child',
    sex: 'female',
    givenName: 'A',
    familyName: 'B',
  },
  { type: 'AppointMemberGuardian', ...at, memberId: 'm1', authority: 'GUARD-MD' },
  { type: 'DetermineMemberBestInterests', ...at, memberId: 'm1', outcome: 'o' },
  { type: 'AssessFamily', ...at, memberIds: ['m1'], needs: [] },
  { type: 'StartParentageRecognition', ...at, memberId: 'm1', proceedingId: 'p1', authority: 'R' },
  { type: 'RecordParentageStep', ...at, proceedingId: 'p1', step: 'hearing' },
  { type: 'ConcludeParentageRecognition', ...at, proceedingId: 'p1', outcome: 'recognised' },
  { type: 'RequestFamilyTracing', ...at, tracingId: 't1', memberId: 'm1', country: 'MD' },
  { type: 'RecordFamilyTracingOutcome', ...at, tracingId: 't1', outcome: 'found' },
  { type: 'ReunifyFamily', ...at, tracingId: 't1' },
  { type: 'RefuseFamilyReunification', ...at, tracingId: 't1', reason: 'other' },
];

describe('decideForCase', () => {
  it('covers every command type exactly once', () => {
    expect(EVERY_COMMAND.map((c) => c.type).sort()).toEqual(Object.keys(COMMAND_OWNERS).sort());
  });

  // The commands that open a case: a registration here (of either kind), or a partner's handover request.
  const OPENERS = ['RegisterPresumedVictim', 'RegisterPersonAtRisk', 'ReceiveHandoverRequest'];
  it.each(EVERY_COMMAND.filter((c) => !OPENERS.includes(c.type)).map((c) => [c.type, c] as const))(
    'refuses %s before registration',
    (_type, command) => {
      given([])
        .when(command)
        .thenRefuses('invalid-transition', /no presumed victim/);
    },
  );

  // The victim's "no" and the reopening itself are the two commands a closed case takes.
  const ON_CLOSED = ['WithdrawConsent', 'ReopenCase'];
  it.each(EVERY_COMMAND.filter((c) => !ON_CLOSED.includes(c.type)).map((c) => [c.type, c] as const))(
    'refuses %s after the case was closed',
    (_type, command) => {
      given([...registered(), closed()])
        .when(command)
        .thenRefuses('invalid-transition');
    },
  );

  it('still records the victim’s "no" after the case was closed (WithdrawConsent is never refused as closed)', () => {
    given([...registered(), consentGiven('data_sharing', 'MD'), closed()])
      .when({ type: 'WithdrawConsent', ...at, purpose: 'data_sharing', recipient: 'MD' })
      .then([event('ConsentWithdrawn', { purpose: 'data_sharing', recipient: 'MD' })]);
    given([...registered(), closed()])
      .when({ type: 'WithdrawConsent', ...at, purpose: 'return' })
      .then([event('ConsentRefused', { purpose: 'return' })]);
  });

  it('keeps refusing GiveConsent after the case was closed', () => {
    given([...registered(), closed()])
      .when({ type: 'GiveConsent', ...at, purpose: 'data_sharing', recipient: 'MD' })
      .thenRefuses('invalid-transition', /closed/);
  });

  it.each(
    (
      [
        'ExtendReflectionPeriod',
        'GiveConsent',
        'AssessNeeds',
        'RequestReturn',
        'RecordCooperationDecision',
        'FlagNonPunishment',
      ] as const
    ).map((type) => [type, EVERY_COMMAND.find((c) => c.type === type) as CaseCommand] as const),
  )('lets the owning context decide %s on an open case', (_type, command) => {
    expect(decideForCase(command, registered())).toHaveLength(1);
  });

  it('routes each command to its context', () => {
    expect(COMMAND_OWNERS.GiveConsent).toBe('identification');
    expect(COMMAND_OWNERS.CloseCase).toBe('assistance');
    expect(COMMAND_OWNERS.ProposeHandover).toBe('return-reintegration');
    expect(COMMAND_OWNERS.FlagNonPunishment).toBe('prosecution-liaison');
  });

  it('ignores events of types it does not know in the history', () => {
    const history = [...registered(), { type: 'SomethingElse', data: {} }];
    given(history)
      .when({ type: 'RecordCooperationDecision', ...at, willing: true })
      .then([{ type: 'CooperationDecisionRecorded', data: { willing: true } }]);
  });

  it('folds events without their personal part to the same decisions (evolve never reads personal)', () => {
    const stripped = registered().map(({ type, data }) => ({ type, data }));
    const command = EVERY_COMMAND.find((c) => c.type === 'ConcludeIdentification') as CaseCommand;
    expect(decideForCase(command, stripped)).toEqual(decideForCase(command, registered()));
  });

  describe('a purpose-wide consent withdrawal stops sharing at once, across contexts', () => {
    const ready = [
      ...registered(),
      event('ReturnRequested', { statedBy: 'victim', earlyReturnRequested: false }),
      event('ReturnRiskAssessed', { level: 'low', familyAssessed: true }),
      consentGiven('data_sharing', 'md'), // recorded in lower case before recipients were normalised
      consentGiven('data_sharing', 'RO'),
      consentGiven('assistance'),
      consentGiven('assistance', 'CLINIC-1'),
    ];
    const handover = { type: 'ProposeHandover', ...at, handoverId: 'h1', toCountry: 'MD' } as const;
    const referral = (provider: string) =>
      ({ type: 'ReferService', ...at, serviceId: 's1', kind: 'medical', provider }) as const;
    const withdrawnAll = [
      ...given(ready)
        .when({ type: 'WithdrawConsent', ...at, purpose: 'data_sharing' })
        .events(),
      ...given(ready)
        .when({ type: 'WithdrawConsent', ...at, purpose: 'assistance' })
        .events(),
    ];

    it('allows the handover to MD and the referral to a named provider before the withdrawal', () => {
      expect(given(ready).when(handover).events()).toHaveLength(1);
      expect(given(ready).when(referral('CLINIC-1')).events()).toHaveLength(1);
      expect(given(ready).when(referral('CLINIC-2')).events()).toHaveLength(1);
    });

    it('withdraws every recipient of each purpose', () => {
      expect(withdrawnAll).toEqual([
        event('ConsentWithdrawn', { purpose: 'data_sharing', recipient: 'MD' }),
        event('ConsentWithdrawn', { purpose: 'data_sharing', recipient: 'RO' }),
        event('ConsentWithdrawn', { purpose: 'assistance' }),
        event('ConsentWithdrawn', { purpose: 'assistance', recipient: 'CLINIC-1' }),
      ]);
    });

    it('refuses the handover to MD and referrals to named providers afterwards', () => {
      const history = [...ready, ...withdrawnAll];
      given(history).when(handover).thenRefuses('consent-required');
      given(history).when(referral('CLINIC-1')).thenRefuses('consent-required');
      given(history).when(referral('CLINIC-2')).thenRefuses('consent-required');
    });
  });
});
