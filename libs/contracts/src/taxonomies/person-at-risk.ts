// Source: Moldova, National Referral System for the protection and assistance of victims and potential
// victims of trafficking in human beings (Law 241/2005 art. 2, Government Decision 228/2014, Annex 1:
// "persons at risk": in the country of origin, family members of a trafficked person, children first,
// victims of domestic violence, of abuse, of neglect, abandoned children, children and elderly people
// left behind by migrating relatives; in the country of destination, migrants with disabilities,
// unaccompanied migrant children, stranded migrants); OSCE/ODIHR NRM handbook (2022), prevention
// through social assistance to people at risk as one of the four best practices of a referral mechanism.
export const PERSON_AT_RISK_VULNERABILITIES = [
  // country of origin
  'family_member_of_victim',
  'domestic_violence_victim',
  'abuse_victim',
  'neglect',
  'abandonment',
  'child_left_behind',
  'elderly_left_behind',
  // country of destination
  'migrant_with_disability',
  'unaccompanied_migrant_child',
  'stranded_migrant',
] as const;
export type PersonAtRiskVulnerability = (typeof PERSON_AT_RISK_VULNERABILITIES)[number];

/** What a case is about: a presumed victim of trafficking, or a person at risk (potential victim). */
export const CASE_KINDS = ['presumed_victim', 'person_at_risk'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];
