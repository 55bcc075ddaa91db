import type {
  CompensationAwarded,
  CompensationClaimed,
  CompensationPaid,
  CompensationRefused,
} from './compensation';
import type { CooperationDecisionRecorded } from './cooperation';
import type { HearingOutcomeRecorded, HearingScheduled, ProtectiveMeasuresOrdered } from './hearings';
import type {
  LawEnforcementRequestAnswered,
  LawEnforcementRequestReceived,
} from './law-enforcement-requests';
import type { NonPunishmentFlagged } from './non-punishment';
import type { VictimNotified } from './notifications';
import type { ProceedingEvent } from './proceedings';

export * from './compensation';
export * from './cooperation';
export * from './hearings';
export * from './law-enforcement-requests';
export * from './non-punishment';
export * from './notifications';
export * from './proceedings';

export type ProsecutionLiaisonEvent =
  | CooperationDecisionRecorded
  | LawEnforcementRequestReceived
  | LawEnforcementRequestAnswered
  | HearingScheduled
  | ProtectiveMeasuresOrdered
  | HearingOutcomeRecorded
  | CompensationClaimed
  | NonPunishmentFlagged
  | ProceedingEvent
  | CompensationAwarded
  | CompensationPaid
  | CompensationRefused
  | VictimNotified;
