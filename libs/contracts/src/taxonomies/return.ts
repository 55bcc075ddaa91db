// Source: OSCE/ODIHR TRM guidelines (voluntary return, handover between countries of destination and origin).
export const HANDOVER_RECORDERS = ['partner_node', 'return_officer'] as const;
export type HandoverRecorder = (typeof HANDOVER_RECORDERS)[number];

export const HANDOVER_DECLINE_REASONS = [
  'no_capacity',
  'safety_risk',
  'identity_not_confirmed',
  'incomplete_information',
  'victim_changed_mind',
  'other',
] as const;
export type HandoverDeclineReason = (typeof HANDOVER_DECLINE_REASONS)[number];

/** How an application for international protection ended. */
export const ASYLUM_OUTCOMES = ['granted', 'refused', 'withdrawn'] as const;
export type AsylumOutcome = (typeof ASYLUM_OUTCOMES)[number];
