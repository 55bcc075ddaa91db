import type { Schema } from '@nrm/api-client';

export type CaseStage = Schema<'CaseStage'>;

/** The phases of a transnational referral (the TRM's steps), in order. */
export const PHASES = ['identification', 'assistance', 'return', 'reintegration', 'closed'] as const;
export type Phase = (typeof PHASES)[number];

const PHASE_OF: Record<CaseStage, Phase> = {
  registered: 'identification',
  identified: 'identification',
  not_identified: 'identification',
  assisted: 'assistance',
  return_requested: 'return',
  handover_proposed: 'return',
  handover_accepted: 'return',
  handover_declined: 'return',
  in_transit: 'return',
  arrived: 'return',
  received: 'return',
  reintegration: 'reintegration',
  closed: 'closed',
};

export const phaseOf = (stage: CaseStage): Phase => PHASE_OF[stage];
export const phaseIndexOf = (stage: CaseStage): number => PHASES.indexOf(PHASE_OF[stage]);
