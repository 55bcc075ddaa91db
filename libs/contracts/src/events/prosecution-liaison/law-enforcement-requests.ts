import {
  LAW_ENFORCEMENT_ANSWER_OUTCOMES,
  LAW_ENFORCEMENT_REQUEST_KINDS,
  type LawEnforcementAnswerOutcome,
  type LawEnforcementRequestKind,
} from '../../taxonomies/prosecution';
import { IsCode, IsFlag, IsOneOf } from '../field-rules';

export class LawEnforcementRequestReceivedData {
  @IsCode() requestId: string;
  @IsCode() agency: string;
  @IsOneOf(LAW_ENFORCEMENT_REQUEST_KINDS) kind: LawEnforcementRequestKind;
  @IsFlag() requestedByVictim: boolean;
}
export interface LawEnforcementRequestReceived {
  type: 'LawEnforcementRequestReceived';
  data: LawEnforcementRequestReceivedData;
}

export class LawEnforcementRequestAnsweredData {
  @IsCode() requestId: string;
  @IsOneOf(LAW_ENFORCEMENT_ANSWER_OUTCOMES) outcome: LawEnforcementAnswerOutcome;
}
export interface LawEnforcementRequestAnswered {
  type: 'LawEnforcementRequestAnswered';
  data: LawEnforcementRequestAnsweredData;
}
