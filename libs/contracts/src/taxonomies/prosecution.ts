// Source: EU Directive 2011/36/EU art. 8, 12, 17 and CoE Convention art. 15, 26, 28 (victim protection in proceedings).
export const LAW_ENFORCEMENT_REQUEST_KINDS = [
  'interview',
  'statement',
  'testimony',
  'identification_of_suspect',
  'information_request',
  'other',
] as const;
export type LawEnforcementRequestKind = (typeof LAW_ENFORCEMENT_REQUEST_KINDS)[number];

export const LAW_ENFORCEMENT_ANSWER_OUTCOMES = [
  'agreed',
  'declined_by_victim',
  'postponed',
  'information_provided',
  'other',
] as const;
export type LawEnforcementAnswerOutcome = (typeof LAW_ENFORCEMENT_ANSWER_OUTCOMES)[number];

export const PROTECTIVE_MEASURES = [
  'video_testimony',
  'closed_hearing',
  'anonymity',
  'screening_from_defendant',
  'support_person',
  'police_protection',
  'restraining_order',
  'relocation',
  'other',
] as const;
export type ProtectiveMeasure = (typeof PROTECTIVE_MEASURES)[number];

export const COMPENSATION_RESPONDENTS = ['offender', 'employer', 'state_fund', 'other'] as const;
export type CompensationRespondent = (typeof COMPENSATION_RESPONDENTS)[number];

export const NON_PUNISHMENT_BASES = [
  'compelled_criminal_offence',
  'immigration_or_status_offence',
  'administrative_offence',
  'other',
] as const;
export type NonPunishmentBasis = (typeof NON_PUNISHMENT_BASES)[number];

export const HEARING_OUTCOMES = ['held', 'postponed', 'cancelled'] as const;
export type HearingOutcome = (typeof HEARING_OUTCOMES)[number];

/**
 * Measures that spare the victim facing the defendant (Directive 2011/36/EU art. 12(4)(b), Directive
 * 2012/29/EU art. 23(3)(a)-(b): no visual contact, heard without being present). A closed hearing or
 * anonymity keeps the public out, not the defendant, so it does not count.
 */
export const CONFRONTATION_AVOIDING_MEASURES = [
  'video_testimony',
  'screening_from_defendant',
] as const satisfies readonly ProtectiveMeasure[];
