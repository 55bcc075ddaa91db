// Source: CoE Convention art. 12 (assistance measures) and OSCE/ODIHR NRM handbook (service referral).
export const SERVICE_KINDS = [
  'accommodation',
  'medical',
  'psychological',
  'legal',
  'interpretation',
  'material',
  'education',
  'employment',
  'family_tracing',
  'other',
] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/**
 * Why a provider declined a referral. 'victim_not_cooperating' exists only so that the domain can
 * refuse it: assistance is never conditional on cooperation with law enforcement.
 */
export const SERVICE_DECLINE_REASONS = [
  'no_capacity',
  'not_eligible',
  'outside_mandate',
  'victim_declined_service',
  'victim_not_cooperating',
  'other',
] as const;
export type ServiceDeclineReason = (typeof SERVICE_DECLINE_REASONS)[number];
