// Source: Moldova's National Referral System (Law 241/2005, GD 228/2014: the district multidisciplinary team
// identifies, analyses the case with its risks and family, draws up and reviews the rehabilitation and
// reintegration plan, and monitors it; a case conference brings the agencies involved together);
// OSCE/ODIHR NRM handbook (2nd ed., 2022) on case management, and the OSCE/ODIHR TRM guidelines.
/** A meeting of the case's district multidisciplinary team, or a case conference of the agencies involved. */
export const MEETING_KINDS = ['team_meeting', 'case_conference'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** What a meeting had on its agenda. A meeting with `plan_review` records the review of the case's plan. */
export const MEETING_TOPICS = [
  'identification',
  'risk_assessment',
  'family_situation',
  'assistance_plan',
  'reintegration_plan',
  /** The review of the assistance or reintegration plan; the meeting's nextReviewOn sets the next one. */
  'plan_review',
  'monitoring',
  'return',
  'legal_proceedings',
  'closure',
] as const;
export type MeetingTopic = (typeof MEETING_TOPICS)[number];

/** In which capacity people took part (the roles, not the people: no names are recorded). */
export const MEETING_PARTICIPANT_ROLES = [
  'social_worker',
  'case_manager',
  'psychologist',
  'medical_staff',
  'police_officer',
  'prosecutor',
  'child_protection_specialist',
  'guardian',
  'educator',
  'employment_specialist',
  'lawyer',
  'ngo_representative',
  'interpreter',
  /** The person themself (the victim-centred approach: they take part in decisions on their case). */
  'victim',
  'other',
] as const;
export type MeetingParticipantRole = (typeof MEETING_PARTICIPANT_ROLES)[number];
