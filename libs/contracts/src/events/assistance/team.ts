import { IsCode } from '../field-rules';

/** An agency joins the case's multidisciplinary team: it may then see and work on the case. */
export class AgencyJoinedTeamData {
  @IsCode() agency: string;
}
export interface AgencyJoinedTeam {
  type: 'AgencyJoinedTeam';
  data: AgencyJoinedTeamData;
}
