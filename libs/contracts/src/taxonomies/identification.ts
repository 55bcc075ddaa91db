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
