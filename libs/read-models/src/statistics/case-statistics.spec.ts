import type { StoredEvent } from '@nrm/event-store/port';
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
});
