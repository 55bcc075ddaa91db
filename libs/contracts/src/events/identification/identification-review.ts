import {
  IDENTIFICATION_DECISIONS,
  IDENTIFICATION_REVIEW_KINDS,
  IDENTIFICATION_REVIEW_OUTCOMES,
  type IdentificationDecision,
  type IdentificationReviewKind,
  type IdentificationReviewOutcome,
} from '../../taxonomies/identification';
import { IsDateTime, IsOneOf, IsText, LIMITS } from '../field-rules';

/** A concluded identification decision is put to review (by its authority) or appeal (by the person). */
export class IdentificationReviewRequestedData {
  @IsOneOf(IDENTIFICATION_REVIEW_KINDS) kind: IdentificationReviewKind;
  @IsDateTime() requestedAt: string;
}
export class IdentificationReviewRequestedPersonal {
  @IsText(LIMITS.longText) grounds: string;
}
export interface IdentificationReviewRequested {
  type: 'IdentificationReviewRequested';
  data: IdentificationReviewRequestedData;
  personal: IdentificationReviewRequestedPersonal;
}

/** The review's decision; `status` is the identification status it leaves (reversed when overturned). */
export class IdentificationReviewDecidedData {
  @IsOneOf(IDENTIFICATION_REVIEW_OUTCOMES) outcome: IdentificationReviewOutcome;
  @IsOneOf(IDENTIFICATION_DECISIONS) status: IdentificationDecision;
  @IsDateTime() decidedAt: string;
}
export class IdentificationReviewDecidedPersonal {
  @IsText(LIMITS.longText, true) reasons?: string;
}
export interface IdentificationReviewDecided {
  type: 'IdentificationReviewDecided';
  data: IdentificationReviewDecidedData;
  personal?: IdentificationReviewDecidedPersonal;
}
