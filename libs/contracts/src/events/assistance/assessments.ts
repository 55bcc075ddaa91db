import { RISK_KINDS, RISK_LEVELS, type RiskKind, type RiskLevel } from '../../taxonomies/risk';
import { SERVICE_KINDS, type ServiceKind } from '../../taxonomies/services';
import { IsListOf, IsOneOf, IsText, LIMITS } from '../field-rules';

/** Needs are expressed as the kinds of service that would meet them. */
export class NeedsAssessedData {
  @IsListOf(SERVICE_KINDS) needs: ServiceKind[];
}
export class NeedsAssessedPersonal {
  @IsText(LIMITS.longText, true) notes?: string;
}
export interface NeedsAssessed {
  type: 'NeedsAssessed';
  data: NeedsAssessedData;
  personal?: NeedsAssessedPersonal;
}

export class RiskAssessedData {
  @IsOneOf(RISK_KINDS) kind: RiskKind;
  @IsOneOf(RISK_LEVELS) level: RiskLevel;
}
export class RiskAssessedPersonal {
  @IsText(LIMITS.longText) notes: string;
}
export interface RiskAssessed {
  type: 'RiskAssessed';
  data: RiskAssessedData;
  personal?: RiskAssessedPersonal;
}
