// Source: HTCDS 2.0 (identification status, identifying agency); CoE Convention art. 10 (competent authorities).
export const IDENTIFICATION_STATUSES = ['presumed', 'identified', 'not_identified'] as const;
export type IdentificationStatus = (typeof IDENTIFICATION_STATUSES)[number];

/** Outcome of the formal identification decision (a concluded case is never "presumed"). */
export const IDENTIFICATION_DECISIONS = ['identified', 'not_identified'] as const;
export type IdentificationDecision = (typeof IDENTIFICATION_DECISIONS)[number];

export const DECIDING_BODIES = [
  'competent_authority',
  'police',
  'labour_inspectorate',
  'immigration',
  'prosecutor',
  'court',
  'ngo',
  'social_services',
  'other',
] as const;
export type DecidingBody = (typeof DECIDING_BODIES)[number];

/** How a presumption of minority was revised. */
export const AGE_ASSESSMENT_METHODS = [
  'document_verification',
  'interview',
  'multidisciplinary',
  'medical',
  'other',
] as const;
export type AgeAssessmentMethod = (typeof AGE_ASSESSMENT_METHODS)[number];

// Source: CoE Convention art. 10(2) and GRETA's evaluation practice (a negative identification decision
// should be open to review or appeal); Directive 2011/36/EU art. 11(4). A `review` is reconsidered by the
// identifying authority; an `appeal` is brought by the person or their representative.
export const IDENTIFICATION_REVIEW_KINDS = ['review', 'appeal'] as const;
export type IdentificationReviewKind = (typeof IDENTIFICATION_REVIEW_KINDS)[number];

/** What a review or appeal decided: the decision stands, or it is reversed (identified ↔ not identified). */
export const IDENTIFICATION_REVIEW_OUTCOMES = ['upheld', 'overturned'] as const;
export type IdentificationReviewOutcome = (typeof IDENTIFICATION_REVIEW_OUTCOMES)[number];
