import type { StoredEvent } from '@nrm/event-store/port';
import { personAtRiskWalk } from '../testing/case-fixtures';
import { emptyCaseStatistics, evolveCaseStatistics, quarterOf } from './case-statistics';

const event = (type: string, data: Record<string, unknown>, occurredAt: string): StoredEvent => ({
  id: `e-${type}`,
  type,
  schemaVersion: 1,
  occurredAt,
  nodeId: 'node-md',
  actor: { userId: 'u-1', role: 'case_manager' },
  correlationId: 'c-1',
  data,
  streamId: 'case-1',
  revision: 0,
  position: 1,
  recordedAt: occurredAt,
});

describe('case statistics', () => {
  it('places an instant in its UTC calendar quarter', () => {
    expect(quarterOf('2025-03-31T23:59:59.999Z')).toEqual({ year: 2025, quarter: 1 });
    expect(quarterOf('2025-04-01T00:00:00.000Z')).toEqual({ year: 2025, quarter: 2 });
    expect(quarterOf('2025-12-31T23:30:00.000-01:00')).toEqual({ year: 2026, quarter: 1 });
  });

  it('counts an answer to a referral it never saw under kind and agency "unknown"', () => {
    const state = evolveCaseStatistics(
      emptyCaseStatistics(),
      event('ServiceReferralDeclined', { serviceId: 's-9', reason: 'not_eligible' }, '2025-05-01T00:00:00Z'),
    );
    expect(state.facts.map((f) => [f.table, f.category])).toEqual([
      ['services-declined-by-reason', 'not_eligible'],
      ['services-declined-by-kind', 'unknown'],
      ['services-declined-by-agency', 'unknown'],
    ]);
  });

  it('counts a form of exploitation once per case, and ignores events it has no table for', () => {
    const registered = event(
      'PresumedVictimRegistered',
      {
        sex: 'male',
        ageBand: '9--17',
        citizenship: 'stateless',
        countryOfExploitation: 'DE',
        formsOfExploitation: ['forced_begging', 'forced_begging'],
        referralSource: 'police',
      },
      '2025-01-02T00:00:00Z',
    );
    const state = evolveCaseStatistics(emptyCaseStatistics(), registered);
    expect(state.facts.filter((f) => f.table === 'registrations-by-form-of-exploitation')).toHaveLength(1);
    const consent = event('ConsentGiven', { purpose: 'assistance' }, '2025-01-02T00:00:00Z');
    expect(evolveCaseStatistics(state, consent)).toBe(state);
  });

  describe('people at risk', () => {
    const t0 = '2025-01-06T09:00:00.000Z';
    const fold = (convert: boolean) =>
      personAtRiskWalk('c-1', t0, { convert })
        .map((step) => event(step.type, step.data, step.at))
        .reduce(evolveCaseStatistics, emptyCaseStatistics());
    const tables = (facts: { table: string; category: string; year: number; quarter: number }[]) =>
      facts.map((f) => [f.table, f.category, f.quarter]);

    it('counts them in their own tables only, never in the victims’ (services included)', () => {
      expect(tables(fold(false).facts)).toEqual([
        ['people-at-risk-by-vulnerability', 'child_left_behind', 1],
        ['people-at-risk-by-vulnerability', 'family_member_of_victim', 1],
        ['people-at-risk-by-sex', 'female', 1],
        ['people-at-risk-by-age-band', '9--17', 1],
        ['people-at-risk-services-delivered-by-kind', 'psychological', 1],
      ]);
    });

    it('counts a converted case as a registered presumed victim in the quarter of its conversion', () => {
      const state = fold(true);
      expect(tables(state.facts).slice(5)).toEqual([
        ['people-at-risk-converted', 'converted', 2],
        ['registrations-by-sex', 'female', 2],
        ['registrations-by-age-band', '9--17', 2],
        ['registrations-by-citizenship', 'MD', 2],
        ['registrations-by-country-of-exploitation', 'RU', 2],
        ['registrations-by-form-of-exploitation', 'forced_begging', 2],
        ['registrations-by-referral-source', 'social_services', 2],
      ]);
      // From then on its services are the victims' too.
      const delivered = evolveCaseStatistics(
        state,
        event('ServiceDelivered', { serviceId: 'pr-s1' }, '2025-06-01T00:00:00Z'),
      );
      expect(tables(delivered.facts).slice(-2)).toEqual([
        ['services-delivered-by-kind', 'psychological', 2],
        ['services-delivered-by-agency', 'unknown', 2],
      ]);
    });

    it('ignores a conversion it cannot attribute (no person at risk registered)', () => {
      const state = emptyCaseStatistics();
      const converted = event('PersonAtRiskConverted', { formsOfExploitation: [] }, t0);
      expect(evolveCaseStatistics(state, converted)).toBe(state);
    });
  });
});
