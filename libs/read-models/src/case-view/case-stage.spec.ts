import type { CaseStage } from '../port/case-views';
import { nextStage } from './case-stage';

const walk = (...steps: [string, Record<string, unknown>?][]): CaseStage | undefined =>
  steps.reduce<CaseStage | undefined>((stage, [type, data]) => nextStage(stage, type, data ?? {}), undefined);

describe('case stage', () => {
  it('starts at registered and follows the milestones', () => {
    expect(walk(['PresumedVictimRegistered'])).toBe('registered');
    expect(
      walk(['PresumedVictimRegistered'], ['IdentificationConcluded', { status: 'not_identified' }]),
    ).toBe('not_identified');
    expect(walk(['PresumedVictimRegistered'], ['AssistancePlanAdopted'], ['ReturnRequested'])).toBe(
      'return_requested',
    );
  });

  it('never moves back, e.g. an identification decided after the plan was adopted', () => {
    expect(
      walk(
        ['PresumedVictimRegistered'],
        ['AssistancePlanAdopted'],
        ['IdentificationConcluded', { status: 'identified' }],
      ),
    ).toBe('assisted');
    expect(walk(['PresumedVictimRegistered'], ['ArrivalConfirmed'], ['HandoverAccepted'])).toBe('arrived');
  });

  it('ignores events that are no milestone', () => {
    expect(walk(['PresumedVictimRegistered'], ['RiskAssessed'], ['ConsentGiven'])).toBe('registered');
  });

  it('shows a new proposal after a declined handover', () => {
    expect(walk(['HandoverProposed'], ['HandoverDeclined'])).toBe('handover_declined');
    expect(walk(['HandoverProposed'], ['HandoverDeclined'], ['HandoverProposed'])).toBe('handover_proposed');
    expect(walk(['HandoverProposed'], ['HandoverAccepted'], ['HandoverProposed'])).toBe('handover_accepted');
  });

  it('always ends at closed, from any stage, and stays there', () => {
    expect(walk(['PresumedVictimRegistered'], ['CaseClosed'])).toBe('closed');
    expect(
      walk(['PresumedVictimRegistered'], ['ReintegrationPlanAdopted'], ['CaseClosed'], ['ReturnRequested']),
    ).toBe('closed');
  });
});
