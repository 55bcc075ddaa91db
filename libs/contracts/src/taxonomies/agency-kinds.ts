// Source: OSCE/ODIHR, National Referral Mechanisms handbook (2nd ed., 2022), the actors of an NRM
// (law enforcement, labour inspection, prosecution, social, health and child-protection services,
// shelters, NGOs, local public administration); Republic of Moldova, Government Decision no. 461/2022
// on the National Referral System (the multidisciplinary territorial teams and their member agencies).
export const AGENCY_KINDS = [
  'police',
  'labour_inspectorate',
  'ngo',
  'shelter',
  'social_services',
  'prosecution',
  'health',
  'local_public_administration',
  'child_protection',
  'other',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];
