import { IsFlag } from '../field-rules';

/** The victim's decision on cooperating with law enforcement; it may change over time. */
export class CooperationDecisionRecordedData {
  @IsFlag() willing: boolean;
}
export interface CooperationDecisionRecorded {
  type: 'CooperationDecisionRecorded';
  data: CooperationDecisionRecordedData;
}
