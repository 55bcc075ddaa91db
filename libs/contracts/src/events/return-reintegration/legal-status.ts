import {
  REMOVAL_ORDER_OUTCOMES,
  RESIDENCE_PERMIT_BASES,
  type RemovalOrderOutcome,
  type ResidencePermitBasis,
} from '../../taxonomies/legal-status';
import { IsCode, IsDate, IsDateTime, IsOneOf } from '../field-rules';

/** An application for a residence permit as a victim (CoE Convention art. 14; Directive 2004/81/EC). */
export class ResidencePermitAppliedData {
  @IsCode() permitId: string;
  @IsOneOf(RESIDENCE_PERMIT_BASES) basis: ResidencePermitBasis;
  @IsDateTime() appliedAt: string;
}
export interface ResidencePermitApplied {
  type: 'ResidencePermitApplied';
  data: ResidencePermitAppliedData;
}

/** The permit was granted, valid until the end of `validUntil` (a calendar date). */
export class ResidencePermitGrantedData {
  @IsCode() permitId: string;
  @IsDate() validUntil: string;
}
export interface ResidencePermitGranted {
  type: 'ResidencePermitGranted';
  data: ResidencePermitGrantedData;
}

export class ResidencePermitRefusedData {
  @IsCode() permitId: string;
}
export interface ResidencePermitRefused {
  type: 'ResidencePermitRefused';
  data: ResidencePermitRefusedData;
}

/** The permit was renewed: valid until the new date. */
export class ResidencePermitRenewedData {
  @IsCode() permitId: string;
  @IsDate() validUntil: string;
}
export interface ResidencePermitRenewed {
  type: 'ResidencePermitRenewed';
  data: ResidencePermitRenewedData;
}

/** The immigration authority notified an order to leave the country. */
export class RemovalOrderNotifiedData {
  @IsCode() orderId: string;
  @IsDateTime() notifiedAt: string;
}
export interface RemovalOrderNotified {
  type: 'RemovalOrderNotified';
  data: RemovalOrderNotifiedData;
}

/** The order was suspended or withdrawn before it was carried out. */
export class RemovalOrderLiftedData {
  @IsCode() orderId: string;
  @IsOneOf(REMOVAL_ORDER_OUTCOMES) outcome: RemovalOrderOutcome;
}
export interface RemovalOrderLifted {
  type: 'RemovalOrderLifted';
  data: RemovalOrderLiftedData;
}

/** The person was removed under the order (never while their identification is not concluded). */
export class RemovalEnforcedData {
  @IsCode() orderId: string;
  @IsDateTime() removedAt: string;
}
export interface RemovalEnforced {
  type: 'RemovalEnforced';
  data: RemovalEnforcedData;
}
