import type { DomainEvent } from './shared/decider';
import { nextCaseStage, type CaseStage } from './case-stage';
import { closed, day, event, registered } from './testing';

/** The stage after all of a case's events: one nextCaseStage step per event, as the projection takes them. */
const stageAfter = (events: readonly DomainEvent[]) =>
  events.reduce<CaseStage | undefined>(nextCaseStage, undefined);

const identified = (status: 'identified' | 'not_identified') =>
  event('IdentificationConcluded', { status, decidingBody: 'police', formsOfExploitation: [] });
const plan = event('AssistancePlanAdopted', { planId: 'p', services: [{ serviceId: 's', kind: 'medical' }] });
const requested = event('ReturnRequested', { statedBy: 'victim', earlyReturnRequested: false });
const proposed = (handoverId = 'h1') =>
  event('HandoverProposed', { handoverId, toCountry: 'MD', responseDueAt: day(20) });
const accepted = event('HandoverAccepted', { handoverId: 'h2', recordedBy: 'partner_node' });
const declined = event('HandoverDeclined', { handoverId: 'h1', recordedBy: 'partner_node', reason: 'other' });
const travel = event('ReturnTravelStarted', { handoverId: 'h2', departedAt: day(40) });
const arrival = event('ArrivalConfirmed', { handoverId: 'h2', arrivedAt: day(41) });
const reception = event('ReceptionConfirmed', { handoverId: 'h2', receivingAgency: 'A' });
const reintegration = event('ReintegrationPlanAdopted', {
  planId: 'r',
  services: [{ serviceId: 'x', kind: 'education' }],
});

describe('nextCaseStage', () => {
  it.each([
    ['no events', [], undefined],
    ['registration', registered(), 'registered'],
    ['identification', [...registered(), identified('identified')], 'identified'],
    ['a negative identification', [...registered(), identified('not_identified')], 'not_identified'],
    ['an assistance plan', [...registered(), identified('identified'), plan], 'assisted'],
    [
      'a plan for a presumed victim, identified later',
      [...registered(), plan, identified('identified')],
      'assisted',
    ],
    ['a return request', [...registered(), plan, requested], 'return_requested'],
    ['a proposal', [...registered(), requested, proposed()], 'handover_proposed'],
    ['a declined proposal', [...registered(), requested, proposed(), declined], 'handover_declined'],
    [
      'a new proposal after a decline',
      [...registered(), requested, proposed(), declined, proposed('h2')],
      'handover_proposed',
    ],
    ['an accepted proposal', [...registered(), requested, proposed('h2'), accepted], 'handover_accepted'],
    ['travel', [...registered(), requested, proposed('h2'), accepted, travel], 'in_transit'],
    ['arrival', [...registered(), requested, proposed('h2'), accepted, travel, arrival], 'arrived'],
    [
      'reception',
      [...registered(), requested, proposed('h2'), accepted, travel, arrival, reception],
      'received',
    ],
    ['a reintegration plan', [...registered(), travel, arrival, reception, reintegration], 'reintegration'],
    ['closure', [...registered(), plan, closed()], 'closed'],
    ['closure, whatever comes after', [...registered(), closed(), plan, requested], 'closed'],
  ] as [string, DomainEvent[], string | undefined][])('after %s', (_label, events, stage) => {
    expect(stageAfter(events)).toBe(stage);
  });

  it('ignores events that do not move the stage', () => {
    expect(nextCaseStage('assisted', event('CooperationDecisionRecorded', { willing: false }))).toBe(
      'assisted',
    );
  });
});
