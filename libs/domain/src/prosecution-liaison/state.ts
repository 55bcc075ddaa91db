import type { HearingOutcome, NonPunishmentBasis, ProceedingStage, ProtectiveMeasure } from '@nrm/contracts';
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

export interface ProceedingState {
  stage: ProceedingStage;
  /** The stage changed at least once since the proceeding was opened. */
  advanced: boolean;
  verdicts: number;
  closed: boolean;
}

export interface CompensationClaimState {
  status: 'claimed' | 'awarded' | 'refused';
  /** The award, in cents of its currency (whole numbers: no rounding drift across payments). */
  awardedCents?: number;
  paidCents: number;
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
  claims: Readonly<Record<string, CompensationClaimState>>;
  proceedings: Readonly<Record<string, ProceedingState>>;
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
  claims: {},
  proceedings: {},
  nonPunishmentBases: [],
};
