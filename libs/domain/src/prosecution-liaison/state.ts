import type { NonPunishmentBasis } from '@nrm/contracts';
import type { ConsentLedger } from '../shared/consent-ledger';
import type { Lifecycle } from '../shared/lifecycle';
import type { ReflectionPeriod } from '../shared/reflection-period';

export interface LawEnforcementRequestState {
  agency: string;
  answered: boolean;
}

export interface ProsecutionLiaisonState {
  lifecycle: Lifecycle;
  reflection?: ReflectionPeriod;
  consents: ConsentLedger;
  /** Latest decision; undefined until the victim decided. */
  willingToCooperate?: boolean;
  requests: Readonly<Record<string, LawEnforcementRequestState>>;
  hearingIds: string[];
  claimIds: string[];
  nonPunishmentBases: NonPunishmentBasis[];
}

export const INITIAL_PROSECUTION_LIAISON_STATE: ProsecutionLiaisonState = {
  lifecycle: 'unregistered',
  consents: {},
  requests: {},
  hearingIds: [],
  claimIds: [],
  nonPunishmentBases: [],
};
