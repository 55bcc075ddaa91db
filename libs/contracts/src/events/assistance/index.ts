import type { NeedsAssessed, RiskAssessed } from './assessments';
import type { AssistancePlanAdopted } from './assistance-plan';
import type { CaseClosed } from './case-closed';
import type { CaseReopened } from './case-reopened';
import type { FamilyAssistanceEvent } from './family';
import type { TeamMeetingRecorded } from './meetings';
import type { MonitoringRecorded } from './monitoring';
import type {
  ServiceDelivered,
  ServiceReferralAccepted,
  ServiceReferralDeclined,
  ServiceReferred,
} from './service-referrals';
import type { AgencyJoinedTeam } from './team';
import type { VictimWishesStated, WishActedUpon } from './wishes';

export * from './assessments';
export * from './assistance-plan';
export * from './case-closed';
export * from './case-reopened';
export * from './family';
export * from './meetings';
export * from './monitoring';
export * from './service-line';
export * from './service-referrals';
export * from './team';
export * from './wishes';

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
  | TeamMeetingRecorded
  | VictimWishesStated
  | WishActedUpon
  | CaseClosed
  | CaseReopened
  | FamilyAssistanceEvent;
