import { REOPENING_REASONS, type ReopeningReason } from '../../taxonomies/reopening-reasons';
import { IsOneOf, IsText, LIMITS } from '../field-rules';

/** A closed case is taken up again (e.g. the person was re-trafficked): the same stream, one history. */
export class CaseReopenedData {
  @IsOneOf(REOPENING_REASONS) reason: ReopeningReason;
}
export class CaseReopenedPersonal {
  @IsText(LIMITS.longText, true) note?: string;
}
export interface CaseReopened {
  type: 'CaseReopened';
  data: CaseReopenedData;
  personal?: CaseReopenedPersonal;
}
