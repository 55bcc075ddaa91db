// Source: OSCE/ODIHR NRM handbook (case closure); CoE Convention art. 12(6) forbids 'non_cooperation' as a reason.
/** 'non_cooperation' exists so that the domain can REFUSE it (rule unconditional-assistance). */
export const CLOSURE_REASONS = [
  'assistance_completed',
  'reintegrated',
  'victim_request',
  'not_identified',
  'lost_contact',
  'transferred',
  'deceased',
  'non_cooperation',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];
