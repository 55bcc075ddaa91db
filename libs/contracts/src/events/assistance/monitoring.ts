import { MONITORING_STATUSES, type MonitoringStatus } from '../../taxonomies/risk';
import { IsOneOf, IsText, LIMITS } from '../field-rules';

export class MonitoringRecordedData {
  @IsOneOf(MONITORING_STATUSES) status: MonitoringStatus;
}
export class MonitoringRecordedPersonal {
  @IsText(LIMITS.longText, true) notes?: string;
}
export interface MonitoringRecorded {
  type: 'MonitoringRecorded';
  data: MonitoringRecordedData;
  personal?: MonitoringRecordedPersonal;
}
