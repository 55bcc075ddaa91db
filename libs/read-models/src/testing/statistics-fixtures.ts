import { registration, type Step } from './case-fixtures';

/**
 * A case that feeds every statistics table: registered in `at`, then identified, assisted (a service
 * referred and delivered, another declined for lack of capacity, one of the plan delivered without
 * referral), returned home and helped to claim compensation, all in the quarter of `at`.
 */
export function statisticsWalk(caseId: string, at: string): Step[] {
  return [
    ...registration({ caseId, at, citizenship: 'MD', country: 'DE' }),
    {
      type: 'IdentificationConcluded',
      at,
      data: { status: 'identified', decidingBody: 'police', formsOfExploitation: ['forced_labour'] },
      personal: { reasons: 'credible account' },
    },
    {
      type: 'AssistancePlanAdopted',
      at,
      data: { planId: 'p-1', services: [{ serviceId: 's-plan', kind: 'legal', provider: 'LAW-1' }] },
    },
    { type: 'ServiceReferred', at, data: { serviceId: 's-1', kind: 'accommodation', provider: 'NGO-1' } },
    { type: 'ServiceReferralAccepted', at, data: { serviceId: 's-1' } },
    { type: 'ServiceDelivered', at, data: { serviceId: 's-1', deliveredAt: at } },
    { type: 'ServiceReferred', at, data: { serviceId: 's-2', kind: 'medical', provider: 'CLINIC-1' } },
    { type: 'ServiceReferralDeclined', at, data: { serviceId: 's-2', reason: 'no_capacity' } },
    { type: 'ServiceDelivered', at, data: { serviceId: 's-plan', deliveredAt: at } },
    { type: 'HandoverProposed', at, data: { handoverId: 'h-1', toCountry: 'MD', responseDueAt: at } },
    { type: 'HandoverAccepted', at, data: { handoverId: 'h-1', recordedBy: 'partner_node' } },
    { type: 'ArrivalConfirmed', at, data: { handoverId: 'h-1', arrivedAt: at } },
    { type: 'CooperationDecisionRecorded', at, data: { willing: true } },
    { type: 'CompensationClaimed', at, data: { claimId: 'c-1', against: 'employer' } },
  ];
}

/** The facts `statisticsWalk` yields, per table and category (the quarter is that of `at`). */
export const STATISTICS_WALK_FACTS: [string, string][] = [
  ['compensation-claims-by-respondent', 'employer'],
  ['cooperation-decisions', 'willing'],
  ['handovers-accepted-by-country', 'MD'],
  ['handovers-proposed-by-country', 'MD'],
  ['identifications-by-deciding-body', 'police'],
  ['identifications-by-outcome', 'identified'],
  ['registrations-by-age-band', '18--20'],
  ['registrations-by-citizenship', 'MD'],
  ['registrations-by-country-of-exploitation', 'DE'],
  ['registrations-by-form-of-exploitation', 'forced_labour'],
  ['registrations-by-referral-source', 'ngo'],
  ['registrations-by-sex', 'female'],
  ['returns-by-country', 'MD'],
  ['services-declined-by-agency', 'CLINIC-1'],
  ['services-declined-by-kind', 'medical'],
  ['services-declined-by-reason', 'no_capacity'],
  ['services-delivered-by-agency', 'LAW-1'],
  ['services-delivered-by-agency', 'NGO-1'],
  ['services-delivered-by-kind', 'accommodation'],
  ['services-delivered-by-kind', 'legal'],
  ['services-lacking-by-kind', 'medical'],
  ['services-referred-by-agency', 'CLINIC-1'],
  ['services-referred-by-agency', 'NGO-1'],
  ['services-referred-by-kind', 'accommodation'],
  ['services-referred-by-kind', 'medical'],
];
