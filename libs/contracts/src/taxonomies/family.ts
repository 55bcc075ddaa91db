// Source: CoE Convention art. 12(1), 16(7) and Directive 2011/36/EU art. 13–16 (assistance to the victim's
// family and children, family tracing, best interests of the child); UNHCR/UNICEF Guidelines on Assessing
// and Determining the Best Interests of the Child (2021) for tracing and reunification outcomes.

/** How a family member linked to a case relates to the victim. */
export const FAMILY_RELATIONS = ['child', 'spouse_partner', 'parent', 'sibling', 'other_dependant'] as const;
export type FamilyRelation = (typeof FAMILY_RELATIONS)[number];

/** What a family tracing found: the family, no trace of it, or a family the child must not go back to. */
export const FAMILY_TRACING_OUTCOMES = ['found', 'not_found', 'not_safe'] as const;
export type FamilyTracingOutcome = (typeof FAMILY_TRACING_OUTCOMES)[number];

/** Why a reunification was not carried out. */
export const FAMILY_REUNIFICATION_REFUSAL_REASONS = [
  'not_in_best_interests',
  'not_safe',
  'member_declined',
  'other',
] as const;
export type FamilyReunificationRefusalReason = (typeof FAMILY_REUNIFICATION_REFUSAL_REASONS)[number];

/**
 * The legal steps to have the mother recognised as the parent of a child born in the country of
 * destination (birth registration, maternity recognition before a civil registry or a court).
 */
export const PARENTAGE_STEPS = [
  'birth_registration_requested',
  'application_filed',
  'evidence_submitted',
  'dna_test',
  'hearing',
  'decision_appealed',
  'other',
] as const;
export type ParentageStep = (typeof PARENTAGE_STEPS)[number];

export const PARENTAGE_OUTCOMES = ['recognised', 'refused', 'withdrawn'] as const;
export type ParentageOutcome = (typeof PARENTAGE_OUTCOMES)[number];
