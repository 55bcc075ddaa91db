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

/**
 * Where a criminal proceeding stands. Source: the phases of criminal procedure the victims' rights follow
 * (Directive 2012/29/EU art. 6(1)-(2): decision not to proceed, time and place of the trial, final judgment;
 * CoE Convention art. 12(2) and 28; in Moldova, Criminal Procedure Code: urmărire penală = investigation and
 * prosecution, judecata în primă instanță = trial, apel/recurs = appeal).
 */
export const PROCEEDING_STAGES = ['investigation', 'prosecution', 'trial', 'appeal'] as const;
export type ProceedingStage = (typeof PROCEEDING_STAGES)[number];

/** The kind of authority in charge of the proceeding at its current stage (a code, not an agency). */
export const PROCEEDING_AUTHORITIES = ['police', 'prosecutor', 'court', 'appeal_court', 'other'] as const;
export type ProceedingAuthority = (typeof PROCEEDING_AUTHORITIES)[number];

/**
 * What the decision on the merits found. Source: the outcomes UNODC's Global Report on Trafficking in
 * Persons counts (convictions, acquittals) and the ways a proceeding ends without a judgment on the merits
 * (dismissal by the court, discontinuance by the prosecutor: Directive 2012/29/EU art. 6(1)(a), 11).
 */
export const VERDICT_OUTCOMES = [
  'conviction',
  'acquittal',
  'partial_conviction',
  'dismissed',
  'discontinued',
] as const;
export type VerdictOutcome = (typeof VERDICT_OUTCOMES)[number];

/** Outcomes that find the defendant guilty of at least one charge. */
export const CONVICTING_OUTCOMES = [
  'conviction',
  'partial_conviction',
] as const satisfies readonly VerdictOutcome[];

/**
 * The offences charged or decided. Source: Directive 2011/36/EU art. 2-3 (trafficking in human beings,
 * instigation, aiding and abetting, attempt), art. 18(4) (use of services of a victim), Palermo Protocol
 * art. 3 and 5, CoE Convention art. 18-21 (trafficking, use of services, document offences, aiding and
 * attempt) and art. 4 with the forms of exploitation of FORMS_OF_EXPLOITATION (ILO Forced Labour
 * Convention No. 29 art. 2 for forced labour), child trafficking (Directive 2011/36/EU art. 4(2)(a));
 * in Moldova, Criminal Code art. 165 (trafficking in human beings), 206 (trafficking in children),
 * 168 (forced labour), 220 (pimping), 362-1 (organisation of illegal migration).
 */
export const CRIMINAL_CHARGES = [
  'trafficking',
  'child_trafficking',
  'attempted_trafficking',
  'aiding_trafficking',
  'forced_labour',
  'sexual_exploitation',
  'pimping',
  'forced_begging',
  'forced_criminality',
  'domestic_servitude',
  'slavery_or_servitude',
  'organ_removal',
  'use_of_services_of_a_victim',
  'document_offences',
  'smuggling_of_migrants',
  'money_laundering',
  'other',
] as const;
export type CriminalCharge = (typeof CRIMINAL_CHARGES)[number];

/** Who awarded compensation: the criminal court (Directive 2012/29/EU art. 16), a state fund (Directive 2004/80/EC, Directive 2011/36/EU art. 17, CoE Convention art. 15(4)), or another body (civil court, labour inspectorate). */
export const COMPENSATION_AWARDING_BODIES = ['court', 'state_fund', 'other'] as const;
export type CompensationAwardingBody = (typeof COMPENSATION_AWARDING_BODIES)[number];

/**
 * The steps of a proceeding the victim has a right to be told of (Directive 2012/29/EU art. 6, with art. 6(5)
 * for release or escape of the offender; Directive 2011/36/EU art. 11-12; CoE Convention art. 12(2)).
 */
export const NOTIFIABLE_STEPS = [
  'proceeding_opened',
  'stage_advanced',
  'hearing_scheduled',
  'hearing_outcome',
  'verdict',
  'proceeding_closed',
  'compensation_awarded',
  'compensation_refused',
  'compensation_paid',
  'offender_released',
  'offender_escaped',
  'other',
] as const;
export type NotifiableStep = (typeof NOTIFIABLE_STEPS)[number];

/** How the victim was told (Directive 2012/29/EU art. 6(4): in writing, orally, or through a lawyer). */
export const NOTIFICATION_CHANNELS = ['in_person', 'lawyer', 'letter', 'phone', 'other'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** Why a proceeding ended: a final verdict, an appealable one that was not appealed in time, or another reason (joined to another proceeding, transferred abroad). */
export const PROCEEDING_CLOSURE_REASONS = ['final_verdict', 'verdict_not_appealed', 'other'] as const;
export type ProceedingClosureReason = (typeof PROCEEDING_CLOSURE_REASONS)[number];
