import { IsOptional, Matches } from 'class-validator';
import {
  COMPENSATION_AWARDING_BODIES,
  COMPENSATION_RESPONDENTS,
  type CompensationAwardingBody,
  type CompensationRespondent,
} from '../../taxonomies/prosecution';
import { IsAmount, IsCode, IsDate, IsOneOf } from '../field-rules';

/** ISO 4217 alphabetic code, as every amount of money in prosecution liaison carries it. */
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;
const currencyMessage = { message: 'currency must be an ISO 4217 code' };

export class CompensationClaimedData {
  @IsCode() claimId: string;
  @IsOneOf(COMPENSATION_RESPONDENTS) against: CompensationRespondent;
  /** ISO 4217 alphabetic code. */
  @IsOptional() @Matches(CURRENCY_PATTERN, currencyMessage) currency?: string;
  @IsAmount(true)
  amount?: number;
}
export interface CompensationClaimed {
  type: 'CompensationClaimed';
  data: CompensationClaimedData;
}

/** A court, a state fund or another body awarded (part of) the claim; payments follow in its currency. */
export class CompensationAwardedData {
  @IsCode() claimId: string;
  @IsAmount() amount: number;
  @Matches(CURRENCY_PATTERN, currencyMessage) currency: string;
  @IsOneOf(COMPENSATION_AWARDING_BODIES) awardedBy: CompensationAwardingBody;
  @IsDate() awardedAt: string;
}
export interface CompensationAwarded {
  type: 'CompensationAwarded';
  data: CompensationAwardedData;
}

/** One payment of an award, in the award's currency; several may follow until the award is paid. */
export class CompensationPaidData {
  @IsCode() claimId: string;
  @IsAmount() amount: number;
  @IsDate() paidAt: string;
}
export interface CompensationPaid {
  type: 'CompensationPaid';
  data: CompensationPaidData;
}

export class CompensationRefusedData {
  @IsCode() claimId: string;
  @IsOneOf(COMPENSATION_AWARDING_BODIES) refusedBy: CompensationAwardingBody;
  @IsDate() refusedAt: string;
}
export interface CompensationRefused {
  type: 'CompensationRefused';
  data: CompensationRefusedData;
}
