import { CONSENT_PURPOSES, type ConsentPurpose } from '../../taxonomies/consent';
import { IsOneOf, IsRecipient } from '../field-rules';

/** Consent is per purpose AND recipient (an ISO country code or an agency code). */
export class ConsentData {
  @IsOneOf(CONSENT_PURPOSES) purpose: ConsentPurpose;
  @IsRecipient(true) recipient?: string;
}
export class ConsentGivenData extends ConsentData {}
export class ConsentWithdrawnData extends ConsentData {}
export class ConsentRefusedData extends ConsentData {}

export interface ConsentGiven {
  type: 'ConsentGiven';
  data: ConsentGivenData;
}
export interface ConsentWithdrawn {
  type: 'ConsentWithdrawn';
  data: ConsentWithdrawnData;
}
export interface ConsentRefused {
  type: 'ConsentRefused';
  data: ConsentRefusedData;
}
