import type {
  ClosureReason,
  MonitoringStatus,
  RiskKind,
  RiskLevel,
  ServiceDeclineReason,
  ServiceKind,
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
/** Adds an agency to the case's multidisciplinary team (it may then see and work on the case). */
export interface AddTeamAgency extends CommandBase<'AddTeamAgency'> {
  agency: string;
}
export interface CloseCase extends CommandBase<'CloseCase'> {
  reason: ClosureReason;
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
  | CloseCase;

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
  'CloseCase',
] as const satisfies readonly AssistanceCommand['type'][];
