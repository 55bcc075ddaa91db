import {
  HEARING_OUTCOMES,
  PROTECTIVE_MEASURES,
  type HearingOutcome,
  type ProtectiveMeasure,
} from '../../taxonomies/prosecution';
import { AppliesOnlyWhen, IsCode, IsDateTime, IsListOf, IsOneOf } from '../field-rules';

export class HearingScheduledData {
  @IsCode() hearingId: string;
  @IsDateTime() scheduledFor: string;
  @IsListOf(PROTECTIVE_MEASURES) protectiveMeasures: ProtectiveMeasure[];
  /** The criminal proceeding the hearing belongs to (schema version 2; absent in version 1). */
  @IsCode(true) proceedingId?: string;
}
export interface HearingScheduled {
  type: 'HearingScheduled';
  data: HearingScheduledData;
}

export class ProtectiveMeasuresOrderedData {
  @IsCode(true) hearingId?: string;
  @IsListOf(PROTECTIVE_MEASURES, { min: 1 }) measures: ProtectiveMeasure[];
}
export interface ProtectiveMeasuresOrdered {
  type: 'ProtectiveMeasuresOrdered';
  data: ProtectiveMeasuresOrderedData;
}

export class HearingOutcomeRecordedData {
  @IsCode() hearingId: string;
  @IsOneOf(HEARING_OUTCOMES) outcome: HearingOutcome;
  /** Only with `postponed`: the new date, when known. */
  @IsDateTime(true) @AppliesOnlyWhen('outcome', ['postponed']) rescheduledFor?: string;
}
export interface HearingOutcomeRecorded {
  type: 'HearingOutcomeRecorded';
  data: HearingOutcomeRecordedData;
}
