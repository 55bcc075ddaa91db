import type { HearingOutcome, NonPunishmentBasis, ProtectiveMeasure } from '@nrm/contracts';
import type { ConsentLedger } from '../shared/consent-ledger';
import type { Lifecycle } from '../shared/lifecycle';
import type { ReflectionPeriod } from '../shared/reflection-period';
import type { StatedWishes } from '../shared/wishes';

export interface LawEnforcementRequestState {
  agency: string;
  answered: boolean;
}

export interface HearingState {
  /** Every protective measure ordered for the hearing (when scheduled or later). */
  measures: readonly ProtectiveMeasure[];
  /** The last outcome recorded; `postponed` may be followed by another. */
  outcome?: HearingOutcome;
}

export interface ProsecutionLiaisonState {
  lifecycle: Lifecycle;
  reflection?: ReflectionPeriod;
  consents: ConsentLedger;
  /** Latest decision; undefined until the victim decided. */
  willingToCooperate?: boolean;
  requests: Readonly<Record<string, LawEnforcementRequestState>>;
  hearingIds: string[];
  hearings: Readonly<Record<string, HearingState>>;
  /** The wishes the victim last stated (assistance records them). */
  wishes: StatedWishes;
  claimIds: string[];
  nonPunishmentBases: NonPunishmentBasis[];
}

export const INITIAL_PROSECUTION_LIAISON_STATE: ProsecutionLiaisonState = {
  lifecycle: 'unregistered',
  consents: {},
  requests: {},
  hearingIds: [],
  hearings: {},
  wishes: undefined,
  claimIds: [],
  nonPunishmentBases: [],
};
