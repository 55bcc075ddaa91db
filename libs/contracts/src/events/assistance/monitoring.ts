import { MONITORING_STATUSES, type MonitoringStatus } from '../../taxonomies/risk';
import { IsDate, IsOneOf, IsText, LIMITS } from '../field-rules';

export class MonitoringRecordedData {
  @IsOneOf(MONITORING_STATUSES) status: MonitoringStatus;
  /** Calendar date (YYYY-MM-DD) the next visit is due, after this one; absent: the country's interval applies. */
  @IsDate(true) nextVisitDue?: string;
}
export class MonitoringRecordedPersonal {
  @IsText(LIMITS.longText, true) notes?: string;
}
export interface MonitoringRecorded {
  type: 'MonitoringRecorded';
  data: MonitoringRecordedData;
  personal?: MonitoringRecordedPersonal;
}
