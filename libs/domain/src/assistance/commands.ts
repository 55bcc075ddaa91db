import type {
  ClosureReason,
  MeetingKind,
  MeetingParticipantRole,
  MeetingTopic,
  MonitoringStatus,
  RiskKind,
  ReopeningReason,
  RiskLevel,
  ServiceDeclineReason,
  ServiceKind,
  TeamLegalBasis,
  VictimWish,
  WishAction,
} from '@nrm/contracts';
import type { CommandBase } from '../shared/command';

export interface PlannedService {
  serviceId: string;
  kind: ServiceKind;
  /** Agency code; a service with a provider is referred to it at once. */
  provider?: string;
  /** Family members linked to the case (FamilyMemberLinked) the service serves. */
  memberIds?: string[];
}

export interface AssessNeeds extends CommandBase<'AssessNeeds'> {
  needs: readonly ServiceKind[];
  notes?: string;
}
export interface AssessRisk extends CommandBase<'AssessRisk'> {
  kind: RiskKind;
  level: RiskLevel;
  notes: string;
}
export interface AdoptAssistancePlan extends CommandBase<'AdoptAssistancePlan'> {
  planId: string;
  services: readonly PlannedService[];
}
export interface ReferService extends CommandBase<'ReferService'> {
  serviceId: string;
  kind: ServiceKind;
  provider: string;
}
export interface AcceptServiceReferral extends CommandBase<'AcceptServiceReferral'> {
  serviceId: string;
}
export interface DeclineServiceReferral extends CommandBase<'DeclineServiceReferral'> {
  serviceId: string;
  reason: ServiceDeclineReason;
}
export interface DeliverService extends CommandBase<'DeliverService'> {
  serviceId: string;
  /** Defaults to `at`. */
  deliveredAt?: string;
}
export interface RecordMonitoring extends CommandBase<'RecordMonitoring'> {
  status: MonitoringStatus;
  notes?: string;
  /** The next monitoring visit is due on this calendar date (YYYY-MM-DD), strictly after this visit. */
  nextVisitDue?: string;
}
/**
 * Adds an agency to the case's multidisciplinary team (it may then see and work on the case): under an
 * assistance consent covering the agency, or under a legal basis with its justification.
 */
export interface AddTeamAgency extends CommandBase<'AddTeamAgency'> {
  agency: string;
  legalBasis?: TeamLegalBasis;
  /** Why the legal basis applies (personal: free text); required with `legalBasis`. */
  justification?: string;
}
/**
 * A meeting of the case's multidisciplinary team, or a case conference of the agencies involved. A
 * meeting with the `plan_review` topic records the review of the case's plan; `nextReviewOn` sets the next.
 */
export interface RecordTeamMeeting extends CommandBase<'RecordTeamMeeting'> {
  meetingId: string;
  kind: MeetingKind;
  /** When the meeting was held; defaults to `at`, never after it. */
  heldAt?: string;
  /** The team's code, when it is one team's meeting. */
  teamId?: string;
  /** The agencies that took part (codes, at least one). */
  agencies: readonly string[];
  participantRoles?: readonly MeetingParticipantRole[];
  topics: readonly MeetingTopic[];
  /** What the meeting decided (personal data). */
  decisions?: string;
  /** The next review is due on this calendar date (YYYY-MM-DD), strictly after the meeting. */
  nextReviewOn?: string;
}
export interface CloseCase extends CommandBase<'CloseCase'> {
  reason: ClosureReason;
}
/** A closed case is taken up again (e.g. the person was re-trafficked): the same case, one history. */
export interface ReopenCase extends CommandBase<'ReopenCase'> {
  reason: ReopeningReason;
  note?: string;
}

/** The whole set of wishes the victim states now (it replaces the previous statement). */
export interface StateVictimWishes extends CommandBase<'StateVictimWishes'> {
  statementId: string;
  wishes: readonly VictimWish[];
  /** When the victim stated them; defaults to `at`, never after it. */
  statedAt?: string;
  inTheirWords?: string;
}
/** What was done about one of the wishes the victim last stated. */
export interface RecordWishAction extends CommandBase<'RecordWishAction'> {
  wish: VictimWish;
  action: WishAction;
  /** Defaults to `at`, never after it. */
  actedAt?: string;
  note?: string;
}

export type AssistanceCommand =
  | AssessNeeds
  | AssessRisk
  | AdoptAssistancePlan
  | ReferService
  | AcceptServiceReferral
  | DeclineServiceReferral
  | DeliverService
  | RecordMonitoring
  | AddTeamAgency
  | RecordTeamMeeting
  | CloseCase
  | ReopenCase
  | StateVictimWishes
  | RecordWishAction;

export const ASSISTANCE_COMMAND_TYPES = [
  'AssessNeeds',
  'AssessRisk',
  'AdoptAssistancePlan',
  'ReferService',
  'AcceptServiceReferral',
  'DeclineServiceReferral',
  'DeliverService',
  'RecordMonitoring',
  'AddTeamAgency',
  'RecordTeamMeeting',
  'CloseCase',
  'ReopenCase',
  'StateVictimWishes',
  'RecordWishAction',
] as const satisfies readonly AssistanceCommand['type'][];
