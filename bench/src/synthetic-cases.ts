import { CaseCommand, decideForCase } from '@nrm/domain';
import { DomainEvent } from '@nrm/domain/shared/decider';

const DAY = 86_400_000;

/**
 * A realistic case history, decided by the real deciders: registration to reintegration, with
 * assessments, services, monitoring and prosecution liaison (about 30 events).
 */
export function walkCase(caseId: string, startMs: number, n: number): DomainEvent[] {
  return walkCaseSteps(caseId, startMs, n).flat();
}

/** The same walk, one entry per command: the events each command decided, as an operator records them. */
export function walkCaseSteps(caseId: string, startMs: number, n: number): DomainEvent[][] {
  const at = (days: number) => new Date(startMs + days * DAY).toISOString();
  const id = (k: number) => `${caseId.slice(0, 24)}${(n * 100 + k).toString(16).padStart(12, '0')}`;
  type Unplaced<C> = C extends CaseCommand ? Omit<C, 'caseId'> : never;
  const commands: Unplaced<CaseCommand>[] = [
    {
      type: 'RegisterPresumedVictim',
      at: at(0),
      referralSource: 'labour_inspectorate',
      person: {
        givenName: `Given${n}`,
        familyName: `Family${n}`,
        sex: 'female',
        dateOfBirth: '1994-05-17',
        citizenship: 'MD',
      },
      countryOfExploitation: 'DE',
      formsOfExploitation: ['forced_labour', 'domestic_servitude'],
      indicators: ['withheld-documents', 'debt'],
      meansOfControl: ['debt_bondage', 'withholds_documents'],
      reflectionPeriodDays: 30,
    },
    { type: 'GiveConsent', at: at(0), purpose: 'assistance' },
    { type: 'GiveConsent', at: at(1), purpose: 'data_sharing', recipient: 'MD' },
    {
      type: 'AssessNeeds',
      at: at(1),
      needs: ['accommodation', 'medical', 'psychological'],
      notes: 'initial needs',
    },
    {
      type: 'AssessRisk',
      at: at(2),
      kind: 'general',
      level: 'medium',
      notes: 'moderate risk of re-trafficking',
    },
    { type: 'AssessRisk', at: at(2), kind: 'family', level: 'low', notes: 'family supportive' },
    {
      type: 'AdoptAssistancePlan',
      at: at(3),
      planId: id(1),
      services: [
        { serviceId: id(2), kind: 'accommodation', provider: 'shelter-1' },
        { serviceId: id(3), kind: 'medical', provider: 'clinic-2' },
        { serviceId: id(4), kind: 'psychological', provider: 'ngo-3' },
      ],
    },
    { type: 'AcceptServiceReferral', at: at(4), serviceId: id(2) },
    { type: 'AcceptServiceReferral', at: at(4), serviceId: id(3) },
    { type: 'AcceptServiceReferral', at: at(5), serviceId: id(4) },
    { type: 'DeliverService', at: at(6), serviceId: id(2) },
    { type: 'DeliverService', at: at(7), serviceId: id(3) },
    { type: 'RecordMonitoring', at: at(10), status: 'on_track', notes: 'settled in shelter' },
    {
      type: 'ConcludeIdentification',
      at: at(20),
      decision: 'identified',
      reasons: 'indicators confirmed by interview',
    },
    { type: 'RecordCooperationDecision', at: at(31), willing: true },
    { type: 'GiveConsent', at: at(31), purpose: 'law_enforcement_cooperation' },
    {
      type: 'ReceiveLawEnforcementRequest',
      at: at(32),
      requestId: id(5),
      agency: 'police-cid',
      kind: 'interview',
    },
    {
      type: 'ScheduleHearing',
      at: at(33),
      hearingId: id(6),
      scheduledFor: at(60),
      protectiveMeasures: ['video_testimony'],
    },
    { type: 'RequestReturn', at: at(35), statedBy: 'victim' },
    { type: 'AssessReturnRisk', at: at(36), level: 'low', familyAssessed: true, notes: 'safe return' },
    { type: 'ProposeHandover', at: at(37), handoverId: id(7), toCountry: 'MD' },
    {
      type: 'AcceptHandover',
      at: at(40),
      handoverId: id(7),
      recordedBy: 'return_officer',
      receivingAgency: 'md-nrm',
    },
    // The journey needs a valid travel document the person holds.
    {
      type: 'RecordIdentityDocument',
      at: at(41),
      documentId: id(10),
      kind: 'passport',
      status: 'held',
      validUntil: '2099-12-31',
    },
    { type: 'StartReturnTravel', at: at(45), handoverId: id(7) },
    { type: 'ConfirmArrival', at: at(45), handoverId: id(7) },
    { type: 'ConfirmReception', at: at(46), handoverId: id(7), receivingAgency: 'md-nrm' },
    {
      type: 'AdoptReintegrationPlan',
      at: at(50),
      planId: id(8),
      services: [{ serviceId: id(9), kind: 'employment' }],
    },
    { type: 'RecordReintegrationProgress', at: at(80), status: 'on_track', notes: 'working' },
    { type: 'RecordReintegrationProgress', at: at(140), status: 'completed' },
  ];
  const history: DomainEvent[] = [];
  const steps: DomainEvent[][] = [];
  for (const command of commands) {
    const decided = decideForCase({ ...command, caseId } as CaseCommand, history);
    history.push(...decided);
    steps.push(decided);
  }
  return steps;
}
