import type {
  AsylumOutcome,
  Citizenship,
  CountryCode,
  FormOfExploitation,
  AgeBandOrUnknown,
  Sex,
  HandoverDeclineReason,
  HandoverRecorder,
  ReintegrationStatus,
  ReturnRequester,
  RiskLevel,
  UrgentAlertSubject,
  UrgentDanger,
} from '@nrm/contracts';
import type { PlannedService } from '../assistance/commands';
import type { CommandBase } from '../shared/command';
import { DOCUMENT_COMMAND_TYPES, type DocumentCommand } from './documents';
import { LEGAL_STATUS_COMMAND_TYPES, type LegalStatusCommand } from './legal-status';

export interface RequestReturn extends CommandBase<'RequestReturn'> {
  statedBy: ReturnRequester;
  /** The victim asks to travel before the reflection period ends. */
  earlyReturnRequested?: boolean;
}
export interface AssessReturnRisk extends CommandBase<'AssessReturnRisk'> {
  level: RiskLevel;
  familyAssessed?: boolean;
  notes: string;
}
export interface ProposeHandover extends CommandBase<'ProposeHandover'> {
  handoverId: string;
  toCountry: CountryCode;
  /** Random reference the two nodes share for this case; the local case id never leaves the node. */
  sharedCaseRef?: string;
  /** Defaults to `at` + 14 days. */
  responseDueAt?: string;
}
export interface AcceptHandover extends CommandBase<'AcceptHandover'> {
  handoverId: string;
  recordedBy: HandoverRecorder;
  receivingAgency?: string;
  reasons?: string;
}
export interface DeclineHandover extends CommandBase<'DeclineHandover'> {
  handoverId: string;
  recordedBy: HandoverRecorder;
  reason: HandoverDeclineReason;
  reasons?: string;
}
export interface StartReturnTravel extends CommandBase<'StartReturnTravel'> {
  handoverId: string;
  /** Defaults to `at`. */
  departedAt?: string;
}
export interface ConfirmArrival extends CommandBase<'ConfirmArrival'> {
  handoverId: string;
  /** Defaults to `at`. */
  arrivedAt?: string;
}
export interface ConfirmReception extends CommandBase<'ConfirmReception'> {
  handoverId: string;
  receivingAgency: string;
}
export interface AdoptReintegrationPlan extends CommandBase<'AdoptReintegrationPlan'> {
  planId: string;
  services: readonly PlannedService[];
}
export interface RecordReintegrationProgress extends CommandBase<'RecordReintegrationProgress'> {
  status: ReintegrationStatus;
  notes?: string;
}

/** The country of origin receives a partner's proposal: opens the case on this node. */
export interface ReceiveHandoverRequest extends CommandBase<'ReceiveHandoverRequest'> {
  handoverId: string;
  sharedCaseRef: string;
  fromCountry: CountryCode;
  fromNode: string;
  responseDueAt: string;
  formsOfExploitation: readonly FormOfExploitation[];
  sex?: Sex;
  citizenship?: Citizenship;
  ageBand?: AgeBandOrUnknown;
  presumedMinor: boolean;
  guardianAppointed?: boolean;
  bestInterestsDetermined?: boolean;
  returnRiskLevel?: RiskLevel;
  person?: { givenName?: string; familyName?: string; dateOfBirth?: string };
}
/** The partner that sent the case asks this node to restrict what it holds. */
export interface RestrictProcessing extends CommandBase<'RestrictProcessing'> {
  byCountry: CountryCode;
  byNode: string;
}
export interface RecordAsylumApplication extends CommandBase<'RecordAsylumApplication'> {
  /** Defaults to `at`. */
  appliedAt?: string;
}
export interface CloseAsylumApplication extends CommandBase<'CloseAsylumApplication'> {
  outcome: AsylumOutcome;
}

/**
 * A victim, a witness or a family member is in immediate danger in another country: alert that
 * country's partner node at once (Convention CETS 197, art. 33), outside any handover.
 */
export interface RaiseUrgentAlert extends CommandBase<'RaiseUrgentAlert'> {
  alertId: string;
  toCountry: CountryCode;
  subject: UrgentAlertSubject;
  danger: UrgentDanger;
  /** What the operator knows of the danger: kept in the case's personal part, never sent. */
  note?: string;
}

export type ReturnReintegrationCommand =
  | RequestReturn
  | AssessReturnRisk
  | ProposeHandover
  | AcceptHandover
  | DeclineHandover
  | StartReturnTravel
  | ConfirmArrival
  | ConfirmReception
  | AdoptReintegrationPlan
  | RecordReintegrationProgress
  | ReceiveHandoverRequest
  | RestrictProcessing
  | RecordAsylumApplication
  | CloseAsylumApplication
  | RaiseUrgentAlert
  | LegalStatusCommand
  | DocumentCommand;

export const RETURN_REINTEGRATION_COMMAND_TYPES = [
  'RequestReturn',
  'AssessReturnRisk',
  'ProposeHandover',
  'AcceptHandover',
  'DeclineHandover',
  'StartReturnTravel',
  'ConfirmArrival',
  'ConfirmReception',
  'AdoptReintegrationPlan',
  'RecordReintegrationProgress',
  'ReceiveHandoverRequest',
  'RestrictProcessing',
  'RecordAsylumApplication',
  'CloseAsylumApplication',
  'RaiseUrgentAlert',
  ...LEGAL_STATUS_COMMAND_TYPES,
  ...DOCUMENT_COMMAND_TYPES,
] as const satisfies readonly ReturnReintegrationCommand['type'][];
