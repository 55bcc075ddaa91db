import type {
  CountryCode,
  HandoverDeclineReason,
  HandoverRecorder,
  ReintegrationStatus,
  ReturnRequester,
  RiskLevel,
} from '@nrm/contracts';
import type { PlannedService } from '../assistance/commands';
import type { CommandBase } from '../shared/command';

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
  | RecordReintegrationProgress;

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
] as const satisfies readonly ReturnReintegrationCommand['type'][];
