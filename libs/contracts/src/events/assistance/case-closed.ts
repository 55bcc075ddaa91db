import { CLOSURE_REASONS, type ClosureReason } from '../../taxonomies/closure-reasons';
import { IsOneOf } from '../field-rules';

export class CaseClosedData {
  @IsOneOf(CLOSURE_REASONS) reason: ClosureReason;
}
export interface CaseClosed {
  type: 'CaseClosed';
  data: CaseClosedData;
}
