import type {
  MonitoringStatus,
  RiskKind,
  RiskLevel,
  ServiceKind,
  ServiceDeclineReason,
} from '@nrm/contracts';
import type { ConsentLedger } from '../shared/consent-ledger';
import type { StatedWishes } from '../shared/wishes';
import type { Lifecycle } from '../shared/lifecycle';

export type ServiceStatus = 'planned' | 'referred' | 'accepted' | 'declined' | 'delivered';

export interface ServiceState {
  kind: ServiceKind;
  provider?: string;
  status: ServiceStatus;
  declineReason?: ServiceDeclineReason;
}

/**
 * Assistance is unconditional: this state deliberately holds nothing from prosecution-liaison
 * (no cooperation decision, no law-enforcement request), so no assistance decision can depend on it.
 */
export interface AssistanceState {
  lifecycle: Lifecycle;
  consents: ConsentLedger;
  needs: ServiceKind[];
  risks: Partial<Record<RiskKind, RiskLevel>>;
  planId?: string;
  services: Readonly<Record<string, ServiceState>>;
  monitoring?: MonitoringStatus;
  /**
   * Current members of the multidisciplinary team (AgencyJoinedTeam), in the order they joined; one
   * that joined under consent leaves when that consent is withdrawn or refused.
   */
  team: readonly string[];
  /** Those of `team` that joined under a legal basis (they stay whatever the consents). */
  teamUnderLegalBasis: readonly string[];
  /** The wishes the victim last stated, and when (undefined before any statement). */
  wishes: StatedWishes;
  wishesStatedAt?: string;
  /** Statement ids already used. */
  wishStatementIds: readonly string[];
  /** Team meeting ids already used (TeamMeetingRecorded). */
  meetingIds: readonly string[];
}

export const INITIAL_ASSISTANCE_STATE: AssistanceState = {
  lifecycle: 'unregistered',
  consents: {},
  needs: [],
  risks: {},
  services: {},
  team: [],
  teamUnderLegalBasis: [],
  wishes: undefined,
  wishStatementIds: [],
  meetingIds: [],
};
