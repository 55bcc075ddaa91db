import type { NeedsAssessed, RiskAssessed } from './assessments';
import type { AssistancePlanAdopted } from './assistance-plan';
import type { CaseClosed } from './case-closed';
import type { FamilyAssistanceEvent } from './family';
import type { MonitoringRecorded } from './monitoring';
import type {
  ServiceDelivered,
  ServiceReferralAccepted,
  ServiceReferralDeclined,
  ServiceReferred,
} from './service-referrals';
import type { AgencyJoinedTeam } from './team';

export * from './assessments';
export * from './assistance-plan';
export * from './case-closed';
export * from './family';
export * from './monitoring';
export * from './service-line';
export * from './service-referrals';
export * from './team';

export type AssistanceEvent =
  | NeedsAssessed
  | RiskAssessed
  | AssistancePlanAdopted
  | ServiceReferred
  | ServiceReferralAccepted
  | ServiceReferralDeclined
  | ServiceDelivered
  | MonitoringRecorded
  | AgencyJoinedTeam
  | CaseClosed
  | FamilyAssistanceEvent;
