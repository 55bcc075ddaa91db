import {
  SERVICE_DECLINE_REASONS,
  SERVICE_KINDS,
  type ServiceDeclineReason,
  type ServiceKind,
} from '../../taxonomies/services';
import { IsCode, IsDateTime, IsOneOf } from '../field-rules';

export class ServiceReferredData {
  @IsCode() serviceId: string;
  @IsOneOf(SERVICE_KINDS) kind: ServiceKind;
  @IsCode() provider: string;
}
export interface ServiceReferred {
  type: 'ServiceReferred';
  data: ServiceReferredData;
}

export class ServiceReferralAcceptedData {
  @IsCode() serviceId: string;
}
export interface ServiceReferralAccepted {
  type: 'ServiceReferralAccepted';
  data: ServiceReferralAcceptedData;
}

export class ServiceReferralDeclinedData {
  @IsCode() serviceId: string;
  @IsOneOf(SERVICE_DECLINE_REASONS) reason: ServiceDeclineReason;
}
export interface ServiceReferralDeclined {
  type: 'ServiceReferralDeclined';
  data: ServiceReferralDeclinedData;
}

export class ServiceDeliveredData {
  @IsCode() serviceId: string;
  @IsDateTime() deliveredAt: string;
}
export interface ServiceDelivered {
  type: 'ServiceDelivered';
  data: ServiceDeliveredData;
}
