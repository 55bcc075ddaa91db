/**
 * Legal bases on which an agency may join a case's multidisciplinary team without the victim's
 * consent (AgencyJoinedTeam.legalBasis). Sources:
 * - vital_interest: GDPR art. 6(1)(d) and 9(2)(c) (protecting the vital interests of the person who
 *   cannot give consent);
 * - child_protection: the best interests of a presumed child (CoE Convention on Action against
 *   Trafficking in Human Beings art. 10(3)-(4); UN CRC art. 3; EU Directive 2011/36/EU art. 13-16);
 * - criminal_proceedings_order: an order of a court or prosecutor in criminal proceedings
 *   (GDPR art. 6(1)(c) with Directive (EU) 2016/680);
 * - legal_obligation: another duty set by law (GDPR art. 6(1)(c)), e.g. a mandatory report.
 */
export const TEAM_LEGAL_BASES = [
  'vital_interest',
  'child_protection',
  'criminal_proceedings_order',
  'legal_obligation',
] as const;
export type TeamLegalBasis = (typeof TEAM_LEGAL_BASES)[number];
