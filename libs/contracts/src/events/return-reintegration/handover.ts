import type { CountryCode } from '../../taxonomies/countries';
import {
  HANDOVER_DECLINE_REASONS,
  HANDOVER_RECORDERS,
  type HandoverDeclineReason,
  type HandoverRecorder,
} from '../../taxonomies/return';
import { IsCode, IsCountry, IsDateTime, IsOneOf, IsText, LIMITS } from '../field-rules';

export class HandoverProposedData {
  @IsCode() handoverId: string;
  @IsCountry() toCountry: CountryCode;
  @IsDateTime() responseDueAt: string;
  /**
   * The reference the two nodes share for this case (random; the local case id never travels).
   * Absent on proposals recorded before partner nodes existed.
   */
  @IsCode(true) sharedCaseRef?: string;
}
export interface HandoverProposed {
  type: 'HandoverProposed';
  data: HandoverProposedData;
}

export class HandoverAcceptedData {
  @IsCode() handoverId: string;
  @IsOneOf(HANDOVER_RECORDERS) recordedBy: HandoverRecorder;
  @IsCode(true) receivingAgency?: string;
}
export class HandoverAnswerPersonal {
  @IsText(LIMITS.longText, true) reasons?: string;
}
export class HandoverAcceptedPersonal extends HandoverAnswerPersonal {}
export interface HandoverAccepted {
  type: 'HandoverAccepted';
  data: HandoverAcceptedData;
  personal?: HandoverAcceptedPersonal;
}

export class HandoverDeclinedData {
  @IsCode() handoverId: string;
  @IsOneOf(HANDOVER_RECORDERS) recordedBy: HandoverRecorder;
  @IsOneOf(HANDOVER_DECLINE_REASONS) reason: HandoverDeclineReason;
}
export class HandoverDeclinedPersonal extends HandoverAnswerPersonal {}
export interface HandoverDeclined {
  type: 'HandoverDeclined';
  data: HandoverDeclinedData;
  personal?: HandoverDeclinedPersonal;
}
