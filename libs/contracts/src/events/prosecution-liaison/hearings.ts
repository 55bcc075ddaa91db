import { PROTECTIVE_MEASURES, type ProtectiveMeasure } from '../../taxonomies/prosecution';
import { IsCode, IsDateTime, IsListOf } from '../field-rules';

export class HearingScheduledData {
  @IsCode() hearingId: string;
  @IsDateTime() scheduledFor: string;
  @IsListOf(PROTECTIVE_MEASURES) protectiveMeasures: ProtectiveMeasure[];
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
