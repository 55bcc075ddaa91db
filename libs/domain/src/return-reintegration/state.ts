import type { CountryCode, ReintegrationStatus, RiskLevel } from '@nrm/contracts';
import { NO_CHILD_PROTECTION, type ChildProtection } from '../shared/child-protection';
import type { ConsentLedger } from '../shared/consent-ledger';
import type { Lifecycle } from '../shared/lifecycle';
import type { ReflectionPeriod } from '../shared/reflection-period';
import type { StatedWishes } from '../shared/wishes';
import type { IdentityDocuments } from './documents';
import { INITIAL_LEGAL_STATUS, type LegalStatusState } from './legal-status';

export type HandoverStatus = 'proposed' | 'accepted' | 'declined' | 'in_transit' | 'arrived' | 'received';

export interface Handover {
  handoverId: string;
  /** The other country: where the person goes (outgoing) or where the proposal came from (incoming). */
  partnerCountry: CountryCode;
  status: HandoverStatus;
  /** outgoing: proposed by this node (country of destination); incoming: received from a partner. */
  direction: 'outgoing' | 'incoming';
}

/** pending or granted: no contact with the country of origin at all. */
export type AsylumStatus = 'none' | 'pending' | 'granted' | 'refused' | 'withdrawn';

export interface ReturnReintegrationState {
  lifecycle: Lifecycle;
  reflection?: ReflectionPeriod;
  child: ChildProtection;
  consents: ConsentLedger;
  /** The victim's current return request; cleared when a handover is declined because they changed their mind. */
  returnRequest?: { earlyReturnRequested: boolean };
  /** The latest return risk assessment. */
  returnRisk?: { level: RiskLevel; familyAssessed: boolean };
  /** An assistance RiskAssessed of kind `family` was recorded (it counts as the family assessment). */
  familyRiskAssessed: boolean;
  /**
   * Recipients (`*` for none) of 'return' consents the victim withdrew or refused after the current
   * return request and has not given again: while any is left, the return does not go ahead.
   */
  returnConsentRevoked: readonly string[];
  /** The latest handover; only a declined one may be followed by a new proposal. */
  handover?: Handover;
  reintegrationPlanId?: string;
  reintegrationStatus?: ReintegrationStatus;
  asylum: AsylumStatus;
  /** The partner that sent this case asked for restriction: nothing more is shared back. */
  restrictedByPartner: boolean;
  /** The wishes the victim last stated (assistance records them). */
  wishes: StatedWishes;
  /** Residence permits, removal orders and whether the identification is concluded (legal-status.ts). */
  legal: LegalStatusState;
  /** The person's identity and travel documents (documents.ts). */
  documents: IdentityDocuments;
  /** Registered under a pseudonym and no identity recorded yet (shared/identity.ts). */
  pseudonymous: boolean;
}

export const INITIAL_RETURN_REINTEGRATION_STATE: ReturnReintegrationState = {
  lifecycle: 'unregistered',
  child: NO_CHILD_PROTECTION,
  consents: {},
  familyRiskAssessed: false,
  returnConsentRevoked: [],
  asylum: 'none',
  restrictedByPartner: false,
  wishes: undefined,
  legal: INITIAL_LEGAL_STATUS,
  documents: {},
  pseudonymous: false,
};
