import { REINTEGRATION_STATUSES, type ReintegrationStatus } from '../../taxonomies/risk';
import { ServiceLine } from '../assistance/service-line';
import { IsCode, IsNestedList, IsOneOf, IsText, LIMITS } from '../field-rules';

export class ReintegrationPlanAdoptedData {
  @IsCode() planId: string;
  @IsNestedList(() => ServiceLine, { min: 1, max: LIMITS.list }) services: ServiceLine[];
}
export interface ReintegrationPlanAdopted {
  type: 'ReintegrationPlanAdopted';
  data: ReintegrationPlanAdoptedData;
}

export class ReintegrationProgressRecordedData {
  @IsOneOf(REINTEGRATION_STATUSES) status: ReintegrationStatus;
}
export class ReintegrationProgressRecordedPersonal {
  @IsText(LIMITS.longText, true) notes?: string;
}
export interface ReintegrationProgressRecorded {
  type: 'ReintegrationProgressRecorded';
  data: ReintegrationProgressRecordedData;
  personal?: ReintegrationProgressRecordedPersonal;
}
