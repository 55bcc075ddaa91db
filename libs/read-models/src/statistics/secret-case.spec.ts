import type { StoredEvent } from '@nrm/event-store/port';
import { emptyCaseStatistics, evolveCaseStatistics, type CaseStatistics } from './case-statistics';
import { statisticsReport } from './statistics-report';
import type { StatisticsCount } from './statistics-tables';

let position = 0;
const event = (type: string, data: Record<string, unknown>, occurredAt: string): StoredEvent => ({
  id: `e-${++position}`,
  type,
  schemaVersion: type === 'PresumedVictimRegistered' ? 2 : 1,
  occurredAt,
  nodeId: 'node-md',
  actor: { userId: 'u-1', role: 'case_manager' },
  correlationId: 'c-1',
  data,
  streamId: 'case-1',
  revision: 0,
  position,
  recordedAt: occurredAt,
});
const registered = (at: string) =>
  event(
    'PresumedVictimRegistered',
    {
      sex: 'female',
      ageBand: '24--26',
      citizenship: 'MD',
      countryOfExploitation: 'DE',
      formsOfExploitation: ['forced_labour'],
      referralSource: 'ngo',
    },
    at,
  );
const wishes = (list: string[], at: string) =>
  event('VictimWishesStated', { statementId: `w-${at}`, wishes: list, statedAt: at }, at);
const referred = (at: string) =>
  event('ServiceReferred', { serviceId: 's-1', kind: 'medical', provider: 'CLINIC-1' }, at);
const delivered = (at: string) => event('ServiceDelivered', { serviceId: 's-1', deliveredAt: at }, at);

const fold = (events: StoredEvent[]): CaseStatistics =>
  events.reduce(evolveCaseStatistics, emptyCaseStatistics());
const tables = (state: CaseStatistics) => state.facts.map((f) => `${f.table}:${f.category}:${f.year}`);

/** The store's count of many cases' facts. */
function counted(cases: CaseStatistics[]): StatisticsCount[] {
  const counts = new Map<string, StatisticsCount>();
  for (const { facts } of cases)
    for (const f of facts) {
      const key = `${f.table}|${f.category}|${f.year}|${f.quarter}`;
      const c = counts.get(key) ?? { ...f, count: 0 };
      counts.set(key, { ...c, count: c.count + 1 });
    }
  return [...counts.values()];
}

describe('statistics: a wish to keep the case secret', () => {
  it('drops the facts of the running year when stated, counts nothing while it stands, and keeps closed years', () => {
    const before = [registered('2024-05-02T10:00:00Z'), referred('2025-02-01T10:00:00Z')];
    expect(tables(fold(before))).toEqual([
      'registrations-by-sex:female:2024',
      'registrations-by-age-band:24--26:2024',
      'registrations-by-citizenship:MD:2024',
      'registrations-by-country-of-exploitation:DE:2024',
      'registrations-by-form-of-exploitation:forced_labour:2024',
      'registrations-by-referral-source:ngo:2024',
      'services-referred-by-kind:medical:2025',
      'services-referred-by-agency:CLINIC-1:2025',
    ]);
    const secret = fold([...before, wishes(['keep_case_secret'], '2025-06-01T10:00:00Z')]);
    expect(secret.secret).toBe(true);
    expect(tables(secret).every((t) => t.endsWith(':2024'))).toBe(true);
    expect(tables(secret)).toHaveLength(6);
    const whileSecret = evolveCaseStatistics(secret, delivered('2025-07-01T10:00:00Z'));
    expect(whileSecret.facts).toEqual(secret.facts);
  });

  it('counts again what is recorded after the victim no longer asks for it (with the lookups kept meanwhile)', () => {
    const state = fold([
      registered('2025-01-02T10:00:00Z'),
      wishes(['keep_case_secret'], '2025-02-01T10:00:00Z'),
      referred('2025-03-01T10:00:00Z'),
      wishes(['placed_in_safety'], '2025-04-01T10:00:00Z'),
      delivered('2025-05-01T10:00:00Z'),
    ]);
    expect(state.secret).toBe(false);
    expect(tables(state)).toEqual([
      'services-delivered-by-kind:medical:2025',
      'services-delivered-by-agency:CLINIC-1:2025',
    ]);
    // A statement that does not change secrecy changes nothing.
    expect(evolveCaseStatistics(state, wishes(['placed_in_safety'], '2025-06-01T10:00:00Z'))).toBe(state);
  });

  it('leaves every published year as it was: stating the wish cannot be differenced out', () => {
    const others = Array.from({ length: 20 }, () => fold([registered('2024-03-01T10:00:00Z')]));
    const history = [registered('2024-03-01T10:00:00Z'), referred('2025-01-10T10:00:00Z')];
    const publishedIn = (now: string, cases: CaseStatistics[]) =>
      JSON.stringify(statisticsReport(counted(cases), { period: 'quarter', now }).tables);
    // Published in 2025 (only 2024 is closed): the same answer before and after the wish.
    const beforeWish = publishedIn('2025-08-01T00:00:00Z', [...others, fold(history)]);
    const secret = fold([...history, wishes(['keep_case_secret'], '2025-07-01T10:00:00Z')]);
    expect(publishedIn('2025-08-01T00:00:00Z', [...others, secret])).toBe(beforeWish);
    // 2025, once published, never held the referral: no published year changed between the two.
    const in2026 = statisticsReport(counted([...others, secret]), {
      period: 'year',
      now: '2026-02-01T00:00:00Z',
    });
    const referrals = in2026.tables.find((t) => t.name === 'services-referred-by-kind')!;
    expect(referrals.totals.map((c) => c.value)).toEqual([0, 0]);
  });
});
