import { IsCode, IsNestedList, LIMITS } from '../field-rules';
import { ServiceLine } from './service-line';

export class AssistancePlanAdoptedData {
  @IsCode() planId: string;
  @IsNestedList(() => ServiceLine, { min: 1, max: LIMITS.list }) services: ServiceLine[];
}
export interface AssistancePlanAdopted {
  type: 'AssistancePlanAdopted';
  data: AssistancePlanAdoptedData;
}
