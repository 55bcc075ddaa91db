// Source: HTCDS 2.0 (referral / identifying source), OSCE/ODIHR NRM handbook (first-line actors).
export const REFERRAL_SOURCES = [
  'self',
  'family_or_friends',
  'police',
  'labour_inspectorate',
  'border_or_immigration',
  'ngo',
  'social_services',
  'health_services',
  'embassy_or_consulate',
  'international_organisation',
  'hotline',
  'other',
] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];
