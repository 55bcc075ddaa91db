import { IsOptional, Matches } from 'class-validator';
import { COMPENSATION_RESPONDENTS, type CompensationRespondent } from '../../taxonomies/prosecution';
import { IsAmount, IsCode, IsOneOf } from '../field-rules';

export class CompensationClaimedData {
  @IsCode() claimId: string;
  @IsOneOf(COMPENSATION_RESPONDENTS) against: CompensationRespondent;
  /** ISO 4217 alphabetic code. */
  @IsOptional() @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code' }) currency?: string;
  @IsAmount(true)
  amount?: number;
}
export interface CompensationClaimed {
  type: 'CompensationClaimed';
  data: CompensationClaimedData;
}
