import { RISK_LEVELS, type RiskLevel } from '../../taxonomies/risk';
import { IsFlag, IsOneOf, IsText, LIMITS } from '../field-rules';

/** Return is voluntary: only the victim states it. */
export const RETURN_REQUESTERS = ['victim'] as const;
export type ReturnRequester = (typeof RETURN_REQUESTERS)[number];

export class ReturnRequestedData {
  @IsOneOf(RETURN_REQUESTERS) statedBy: ReturnRequester;
  /** The victim asks to travel before the reflection period ends. */
  @IsFlag() earlyReturnRequested: boolean;
}
export interface ReturnRequested {
  type: 'ReturnRequested';
  data: ReturnRequestedData;
}

export class ReturnRiskAssessedData {
  @IsOneOf(RISK_LEVELS) level: RiskLevel;
  @IsFlag() familyAssessed: boolean;
}
export class ReturnRiskAssessedPersonal {
  @IsText(LIMITS.longText) notes: string;
}
export interface ReturnRiskAssessed {
  type: 'ReturnRiskAssessed';
  data: ReturnRiskAssessedData;
  personal?: ReturnRiskAssessedPersonal;
}
