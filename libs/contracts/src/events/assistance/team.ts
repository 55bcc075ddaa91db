import { TEAM_LEGAL_BASES, type TeamLegalBasis } from '../../taxonomies/legal-basis';
import { IsCode, IsOneOf, IsText, LIMITS } from '../field-rules';

/**
 * An agency joins the case's multidisciplinary team: it may then see and work on the case. Either an
 * assistance consent covers the agency (it leaves the case's scope when that consent is withdrawn),
 * or `legalBasis` names the exception it joins under (then it stays). Schema v2 added `legalBasis`
 * (v1 events read as joined under consent).
 */
export class AgencyJoinedTeamData {
  @IsCode() agency: string;
  @IsOneOf(TEAM_LEGAL_BASES, true) legalBasis?: TeamLegalBasis;
}
/** Why the legal basis applies here (free text: personal). */
export class AgencyJoinedTeamPersonal {
  @IsText(LIMITS.longText, true) justification?: string;
}
export interface AgencyJoinedTeam {
  type: 'AgencyJoinedTeam';
  data: AgencyJoinedTeamData;
  personal?: AgencyJoinedTeamPersonal;
}
