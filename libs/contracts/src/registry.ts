import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import * as A from './events/assistance';
import * as I from './events/identification';
import * as P from './events/prosecution-liaison';
import * as R from './events/return-reintegration';
import type { CaseEventType } from './events';
import * as N from './node-events';

export const BOUNDED_CONTEXTS = [
  'identification',
  'assistance',
  'return-reintegration',
  'prosecution-liaison',
] as const;
export type BoundedContext = (typeof BOUNDED_CONTEXTS)[number];

type PayloadClass = new () => object;

export interface EventContract {
  /** The context that owns (emits) the event; every context may read it. */
  readonly context: BoundedContext;
  /** Latest schema version; older stored versions are upcast on read (see upcasting.ts). */
  readonly schemaVersion: number;
  readonly dataClass: PayloadClass;
  /** Present when the event carries personal data (encrypted per data subject). */
  readonly personalClass?: PayloadClass;
}

const contract = (
  context: BoundedContext,
  dataClass: PayloadClass,
  personalClass?: PayloadClass,
  schemaVersion = 1,
): EventContract =>
  personalClass
    ? { context, schemaVersion, dataClass, personalClass }
    : { context, schemaVersion, dataClass };

export const EVENT_CONTRACTS: Readonly<Record<CaseEventType, EventContract>> = {
  PresumedVictimRegistered: contract(
    'identification',
    I.PresumedVictimRegisteredData,
    I.PresumedVictimRegisteredPersonal,
    2,
  ),
  ReflectionPeriodStarted: contract('identification', I.ReflectionPeriodStartedData),
  ReflectionPeriodExtended: contract('identification', I.ReflectionPeriodExtendedData),
  AgeAssessed: contract('identification', I.AgeAssessedData),
  GuardianAppointed: contract('identification', I.GuardianAppointedData, I.GuardianAppointedPersonal),
  BestInterestsDetermined: contract(
    'identification',
    I.BestInterestsDeterminedData,
    I.BestInterestsDeterminedPersonal,
  ),
  ConsentGiven: contract('identification', I.ConsentGivenData),
  ConsentWithdrawn: contract('identification', I.ConsentWithdrawnData),
  ConsentRefused: contract('identification', I.ConsentRefusedData),
  IdentificationConcluded: contract(
    'identification',
    I.IdentificationConcludedData,
    I.IdentificationConcludedPersonal,
  ),
  PersonAtRiskRegistered: contract(
    'identification',
    I.PersonAtRiskRegisteredData,
    I.PersonAtRiskRegisteredPersonal,
  ),
  PersonAtRiskConverted: contract('identification', I.PersonAtRiskConvertedData),
  IdentificationReviewRequested: contract(
    'identification',
    I.IdentificationReviewRequestedData,
    I.IdentificationReviewRequestedPersonal,
  ),
  IdentificationReviewDecided: contract(
    'identification',
    I.IdentificationReviewDecidedData,
    I.IdentificationReviewDecidedPersonal,
  ),
  IdentityRecorded: contract('identification', I.IdentityRecordedData, I.IdentityRecordedPersonal),

  NeedsAssessed: contract('assistance', A.NeedsAssessedData, A.NeedsAssessedPersonal),
  RiskAssessed: contract('assistance', A.RiskAssessedData, A.RiskAssessedPersonal),
  AssistancePlanAdopted: contract('assistance', A.AssistancePlanAdoptedData),
  ServiceReferred: contract('assistance', A.ServiceReferredData),
  ServiceReferralAccepted: contract('assistance', A.ServiceReferralAcceptedData),
  ServiceReferralDeclined: contract('assistance', A.ServiceReferralDeclinedData),
  ServiceDelivered: contract('assistance', A.ServiceDeliveredData),
  MonitoringRecorded: contract('assistance', A.MonitoringRecordedData, A.MonitoringRecordedPersonal),
  AgencyJoinedTeam: contract('assistance', A.AgencyJoinedTeamData, A.AgencyJoinedTeamPersonal, 2),
  TeamMeetingRecorded: contract('assistance', A.TeamMeetingRecordedData, A.TeamMeetingRecordedPersonal),
  VictimWishesStated: contract('assistance', A.VictimWishesStatedData, A.VictimWishesStatedPersonal),
  WishActedUpon: contract('assistance', A.WishActedUponData, A.WishActedUponPersonal),
  CaseClosed: contract('assistance', A.CaseClosedData),
  CaseReopened: contract('assistance', A.CaseReopenedData, A.CaseReopenedPersonal),
  FamilyMemberLinked: contract('assistance', A.FamilyMemberLinkedData, A.FamilyMemberLinkedPersonal),
  MemberGuardianAppointed: contract(
    'assistance',
    A.MemberGuardianAppointedData,
    A.MemberGuardianAppointedPersonal,
  ),
  MemberBestInterestsDetermined: contract(
    'assistance',
    A.MemberBestInterestsDeterminedData,
    A.MemberBestInterestsDeterminedPersonal,
  ),
  FamilyAssessed: contract('assistance', A.FamilyAssessedData, A.FamilyAssessedPersonal),
  ParentageRecognitionStarted: contract('assistance', A.ParentageRecognitionStartedData),
  ParentageRecognitionStepRecorded: contract(
    'assistance',
    A.ParentageRecognitionStepRecordedData,
    A.ParentageRecognitionStepRecordedPersonal,
  ),
  ParentageRecognitionConcluded: contract('assistance', A.ParentageRecognitionConcludedData),

  ReturnRequested: contract('return-reintegration', R.ReturnRequestedData),
  ReturnRiskAssessed: contract(
    'return-reintegration',
    R.ReturnRiskAssessedData,
    R.ReturnRiskAssessedPersonal,
  ),
  HandoverProposed: contract('return-reintegration', R.HandoverProposedData),
  HandoverAccepted: contract('return-reintegration', R.HandoverAcceptedData, R.HandoverAcceptedPersonal),
  HandoverDeclined: contract('return-reintegration', R.HandoverDeclinedData, R.HandoverDeclinedPersonal),
  ReturnTravelStarted: contract('return-reintegration', R.ReturnTravelStartedData),
  ArrivalConfirmed: contract('return-reintegration', R.ArrivalConfirmedData),
  ReceptionConfirmed: contract('return-reintegration', R.ReceptionConfirmedData),
  ReintegrationPlanAdopted: contract('return-reintegration', R.ReintegrationPlanAdoptedData),
  ReintegrationProgressRecorded: contract(
    'return-reintegration',
    R.ReintegrationProgressRecordedData,
    R.ReintegrationProgressRecordedPersonal,
  ),
  HandoverRequestReceived: contract(
    'return-reintegration',
    R.HandoverRequestReceivedData,
    R.HandoverRequestReceivedPersonal,
  ),
  ProcessingRestrictionRequested: contract('return-reintegration', R.ProcessingRestrictionRequestedData),
  AsylumApplicationRecorded: contract('return-reintegration', R.AsylumApplicationRecordedData),
  AsylumApplicationClosed: contract('return-reintegration', R.AsylumApplicationClosedData),
  UrgentAlertRaised: contract('return-reintegration', R.UrgentAlertRaisedData, R.UrgentAlertRaisedPersonal),
  ResidencePermitApplied: contract('return-reintegration', R.ResidencePermitAppliedData),
  ResidencePermitGranted: contract('return-reintegration', R.ResidencePermitGrantedData),
  ResidencePermitRefused: contract('return-reintegration', R.ResidencePermitRefusedData),
  ResidencePermitRenewed: contract('return-reintegration', R.ResidencePermitRenewedData),
  RemovalOrderNotified: contract('return-reintegration', R.RemovalOrderNotifiedData),
  RemovalOrderLifted: contract('return-reintegration', R.RemovalOrderLiftedData),
  RemovalEnforced: contract('return-reintegration', R.RemovalEnforcedData),
  IdentityDocumentRecorded: contract('return-reintegration', R.IdentityDocumentRecordedData),
  IdentityDocumentRecovered: contract('return-reintegration', R.IdentityDocumentRecoveredData),
  IdentityDocumentReplacementRequested: contract(
    'return-reintegration',
    R.IdentityDocumentReplacementRequestedData,
  ),
  IdentityDocumentIssued: contract('return-reintegration', R.IdentityDocumentIssuedData),
  FamilyTracingRequested: contract('return-reintegration', R.FamilyTracingRequestedData),
  FamilyTracingConcluded: contract(
    'return-reintegration',
    R.FamilyTracingConcludedData,
    R.FamilyTracingConcludedPersonal,
  ),
  FamilyReunified: contract('return-reintegration', R.FamilyReunifiedData),
  FamilyReunificationRefused: contract(
    'return-reintegration',
    R.FamilyReunificationRefusedData,
    R.FamilyReunificationRefusedPersonal,
  ),

  CooperationDecisionRecorded: contract('prosecution-liaison', P.CooperationDecisionRecordedData),
  LawEnforcementRequestReceived: contract('prosecution-liaison', P.LawEnforcementRequestReceivedData),
  LawEnforcementRequestAnswered: contract('prosecution-liaison', P.LawEnforcementRequestAnsweredData),
  HearingScheduled: contract('prosecution-liaison', P.HearingScheduledData, undefined, 2),
  ProtectiveMeasuresOrdered: contract('prosecution-liaison', P.ProtectiveMeasuresOrderedData),
  HearingOutcomeRecorded: contract('prosecution-liaison', P.HearingOutcomeRecordedData),
  CompensationClaimed: contract('prosecution-liaison', P.CompensationClaimedData),
  NonPunishmentFlagged: contract('prosecution-liaison', P.NonPunishmentFlaggedData),
  CriminalProceedingOpened: contract('prosecution-liaison', P.CriminalProceedingOpenedData),
  ProceedingStageAdvanced: contract('prosecution-liaison', P.ProceedingStageAdvancedData),
  VerdictRecorded: contract('prosecution-liaison', P.VerdictRecordedData),
  ProceedingClosed: contract('prosecution-liaison', P.ProceedingClosedData),
  CompensationAwarded: contract('prosecution-liaison', P.CompensationAwardedData),
  CompensationPaid: contract('prosecution-liaison', P.CompensationPaidData),
  CompensationRefused: contract('prosecution-liaison', P.CompensationRefusedData),
  VictimNotified: contract('prosecution-liaison', P.VictimNotifiedData),
};

/** The node's own events, outside any case's context: erasure, access, partner registry, journal. */
export interface NodeEventContract {
  readonly schemaVersion: number;
  readonly dataClass: PayloadClass;
}

const nodeContract = (dataClass: PayloadClass, schemaVersion = 1): NodeEventContract => ({
  schemaVersion,
  dataClass,
});

export const NODE_EVENT_CONTRACTS = {
  PersonalDataErased: nodeContract(N.PersonalDataErasedData),
  FamilyMemberDataErased: nodeContract(N.FamilyMemberDataErasedData),
  PersonalDataAccessed: nodeContract(N.PersonalDataAccessedData),
  PartnerRegistered: nodeContract(N.PartnerRegisteredData),
  PartnerUpdated: nodeContract(N.PartnerUpdatedData),
  PartnerRemoved: nodeContract(N.PartnerRemovedData),
  PartnerHeld: nodeContract(N.PartnerHeldData),
  PartnerReleased: nodeContract(N.PartnerReleasedData),
  AccountCreated: nodeContract(N.AccountCreatedData),
  AccountChanged: nodeContract(N.AccountChangedData),
  AccountDisabled: nodeContract(N.AccountDisabledData),
  AccountReenabled: nodeContract(N.AccountReenabledData),
  AccountPasswordReset: nodeContract(N.AccountPasswordResetData),
  CrossBorderLinkOpened: nodeContract(N.CrossBorderLinkOpenedData),
  CrossBorderMessageSent: nodeContract(N.CrossBorderMessageSentData),
  CrossBorderMessageReceived: nodeContract(N.CrossBorderMessageReceivedData),
  CrossBorderMessageRefused: nodeContract(N.CrossBorderMessageRefusedData),
  CrossBorderMessageWithheld: nodeContract(N.CrossBorderMessageWithheldData),
  UrgentAlertReceived: nodeContract(N.UrgentAlertReceivedData),
  UrgentAlertAcknowledged: nodeContract(N.UrgentAlertAcknowledgedData),
  DistrictRegistered: nodeContract(N.DistrictRegisteredData),
  AgencyRegistered: nodeContract(N.AgencyRegisteredData),
  AgencyChanged: nodeContract(N.AgencyChangedData),
  AgencyDeactivated: nodeContract(N.AgencyDeactivatedData),
  TeamFormed: nodeContract(N.TeamFormedData),
  TeamMemberJoined: nodeContract(N.TeamMemberJoinedData),
  TeamMemberLeft: nodeContract(N.TeamMemberLeftData),
} as const satisfies Record<string, NodeEventContract>;
export type NodeEventType = keyof typeof NODE_EVENT_CONTRACTS;

/** The contract of any event a node writes (case or node event), or undefined for an unknown type. */
export function contractFor(
  type: string,
): (NodeEventContract & { personalClass?: PayloadClass }) | undefined {
  if (isCaseEventType(type)) return EVENT_CONTRACTS[type];
  return Object.prototype.hasOwnProperty.call(NODE_EVENT_CONTRACTS, type)
    ? NODE_EVENT_CONTRACTS[type as NodeEventType]
    : undefined;
}

export function isCaseEventType(type: string): type is CaseEventType {
  return Object.prototype.hasOwnProperty.call(EVENT_CONTRACTS, type);
}

/** The context that owns an event type; throws for a type outside the catalogue. */
export function contextOf(type: string): BoundedContext {
  if (!isCaseEventType(type)) throw new Error(`Unknown event type "${type}"`);
  return EVENT_CONTRACTS[type].context;
}

export interface PayloadIssue {
  /** Dotted path, prefixed by the part: `data.formsOfExploitation`, `personal.givenName`, `data.services.0.kind`. */
  field: string;
  message: string;
}

/**
 * Validates an event's `data` and `personal` parts (case or node event) against the contract of its
 * latest schema version.
 * Unknown fields are errors. When the event has a personal part, `personal` is validated as given
 * (absent counts as `{}`, so required personal fields are reported); an event without one must not carry it.
 */
export function validateEventPayload(type: string, data: unknown, personal?: unknown): PayloadIssue[] {
  const contract = contractFor(type);
  if (!contract) return [{ field: 'type', message: `unknown event type "${type}"` }];
  const { dataClass, personalClass } = contract;
  const issues = validatePart('data', dataClass, data);
  if (personalClass) issues.push(...validatePart('personal', personalClass, personal ?? {}));
  else if (personal !== undefined)
    issues.push({ field: 'personal', message: `${type} carries no personal data` });
  return issues;
}

function validatePart(part: string, cls: PayloadClass, value: unknown): PayloadIssue[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [{ field: part, message: `${part} must be an object` }];
  }
  const instance = plainToInstance(cls, value);
  const errors = validateSync(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  });
  return flatten(errors, part);
}

function flatten(errors: ValidationError[], prefix: string): PayloadIssue[] {
  return errors.flatMap((error) => {
    const field = `${prefix}.${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
