import { recoverableSmallCells, type AdditiveLine } from './disclosure-control';
import { statisticsReport, type StatisticsReport } from './statistics-report';
import {
  PEOPLE_AT_RISK_TABLE_NAMES,
  type StatisticsCount,
  type StatisticsTableName,
} from './statistics-tables';

const NOW = '2026-06-15T12:00:00.000Z';

/** `n` registrations of the given sex in a quarter, as the store counts them. */
const sex = (category: string, year: number, quarter: number, count: number): StatisticsCount => ({
  table: 'registrations-by-sex',
  category,
  year,
  quarter,
  count,
});

const table = (report: StatisticsReport, name: StatisticsTableName) =>
  report.tables.find((t) => t.name === name)!;
const values = (report: StatisticsReport, name: StatisticsTableName, category: string) =>
  table(report, name)
    .rows.find((r) => r.category === category)!
    .cells.map((c) => c.value);

describe('statistics report', () => {
  it('publishes every table for closed years only, one column per year or per quarter', () => {
    const counts = [sex('female', 2024, 1, 12), sex('female', 2025, 2, 30), sex('female', 2026, 1, 50)];
    const yearly = statisticsReport(counts, { period: 'year', now: NOW });
    expect(yearly.periods).toEqual(['2024', '2025']);
    expect(yearly.method.threshold).toBe(11);
    expect(yearly.tables).toHaveLength(23);
    expect(yearly.peopleAtRisk.map((table) => table.name)).toEqual([...PEOPLE_AT_RISK_TABLE_NAMES]);
    expect(values(yearly, 'registrations-by-sex', 'female')).toEqual([12, 30]);
    expect(values(yearly, 'registrations-by-sex', 'male')).toEqual([0, 0]);
    const quarterly = statisticsReport(counts, { period: 'quarter', now: NOW, from: 2025 });
    expect(quarterly.periods).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    expect(values(quarterly, 'registrations-by-sex', 'female')).toEqual([0, 30, 0, 0]);
    expect(table(quarterly, 'registrations-by-sex').totals.map((c) => c.value)).toEqual([0, 30, 0, 0]);
  });

  it('suppresses counts below 11 as null with a marker, and a second cell beside each', () => {
    const counts = [sex('female', 2025, 1, 4), sex('male', 2025, 1, 20), sex('male', 2025, 2, 25)];
    const report = statisticsReport(counts, { period: 'quarter', now: NOW });
    const female = table(report, 'registrations-by-sex').rows[0].cells;
    expect(female[0]).toEqual({ value: null, suppressed: true });
    // Q1 total 24 is published: male Q1 must be hidden too, or female = 24 - male.
    expect(values(report, 'registrations-by-sex', 'male')[0]).toBeNull();
    expect(table(report, 'registrations-by-sex').totals[0]).toEqual({ value: 24, suppressed: false });
  });

  it('folds rare countries into "other" for the year, so that no row reveals a rare country', () => {
    const counts: StatisticsCount[] = [
      { table: 'registrations-by-citizenship', category: 'MD', year: 2025, quarter: 1, count: 15 },
      { table: 'registrations-by-citizenship', category: 'NG', year: 2025, quarter: 1, count: 1 },
    ];
    const report = statisticsReport(counts, { period: 'year', now: NOW });
    const rows = table(report, 'registrations-by-citizenship').rows.map((r) => r.category);
    expect(rows).toEqual(['MD', 'other']);
  });

  it('publishes the lacking services’ totals and the declines for lack of capacity alike (the same events)', () => {
    const count = (
      table: StatisticsTableName,
      category: string,
      quarter: number,
      n: number,
    ): StatisticsCount => ({
      table,
      category,
      year: 2025,
      quarter,
      count: n,
    });
    // Q1: 14 declines for lack of capacity (11 accommodation, 3 medical), 30 not eligible, 3 other.
    // The 3 needs a second suppressed cell in Q1: were it the 14, the lacking table's Q1 total
    // (14, published) would give it back, and the 3 with it.
    const counts = [
      count('services-declined-by-reason', 'no_capacity', 1, 14),
      count('services-declined-by-reason', 'no_capacity', 2, 20),
      count('services-declined-by-reason', 'not_eligible', 1, 30),
      count('services-declined-by-reason', 'other', 1, 3),
      count('services-lacking-by-kind', 'accommodation', 1, 11),
      count('services-lacking-by-kind', 'medical', 1, 3),
      count('services-lacking-by-kind', 'medical', 2, 20),
    ];
    for (const period of ['year', 'quarter'] as const) {
      const report = statisticsReport(counts, { period, now: NOW });
      const noCapacity = table(report, 'services-declined-by-reason').rows.find(
        (r) => r.category === 'no_capacity',
      )!;
      expect(table(report, 'services-lacking-by-kind').totals).toEqual(noCapacity.cells);
    }
    const quarterly = statisticsReport(counts, { period: 'quarter', now: NOW });
    expect(values(quarterly, 'services-declined-by-reason', 'no_capacity')[0]).toBe(14);
    expect(values(quarterly, 'services-declined-by-reason', 'not_eligible')[0]).toBeNull();
  });

  describe('differencing attacks: two answers that differ by one case reveal nothing about it', () => {
    /** A busy year: every count published, save what suppression hides. */
    const base: StatisticsCount[] = [
      sex('female', 2024, 1, 14),
      sex('male', 2024, 1, 12),
      sex('female', 2024, 2, 20),
      sex('male', 2024, 3, 11),
      sex('female', 2025, 1, 13),
      sex('male', 2025, 1, 15),
      sex('female', 2025, 3, 22),
      sex('male', 2025, 4, 16),
    ];
    /** The case the attacker is after: a man registered in the year still running. */
    const withCase = [...base, sex('male', 2026, 2, 1)];

    it('before and after the case is registered: the answers are identical (its year is not published)', () => {
      for (const period of ['year', 'quarter'] as const) {
        expect(statisticsReport(withCase, { period, now: NOW })).toEqual(
          statisticsReport(base, { period, now: NOW }),
        );
      }
    });

    it('once its year closes, the years before answer exactly as they did (each year protected alone)', () => {
      const later = statisticsReport(withCase, { period: 'quarter', now: '2027-02-01T00:00:00.000Z' });
      const before = statisticsReport(base, { period: 'quarter', now: NOW });
      const sexTable = (r: StatisticsReport) => table(r, 'registrations-by-sex');
      expect(sexTable(later).totals.slice(0, 8)).toEqual(sexTable(before).totals);
      for (const [i, row] of sexTable(before).rows.entries()) {
        expect(sexTable(later).rows[i].cells.slice(0, 8)).toEqual(row.cells);
      }
      // ...and the case itself, alone in 2026, is suppressed in every cell that counts it.
      const male2026 = sexTable(later)
        .rows.find((r) => r.category === 'male')!
        .cells.slice(8);
      expect(male2026[1]).toEqual({ value: null, suppressed: true });
      expect(sexTable(later).totals[9]).toEqual({ value: null, suppressed: true });
    });

    it('ranges that include or exclude a year differ only by that year’s columns: no total spans years', () => {
      const one = statisticsReport(base, { period: 'year', now: NOW, from: 2025, to: 2025 });
      const two = statisticsReport(base, { period: 'year', now: NOW, from: 2024, to: 2025 });
      for (const [t, tableTwo] of two.tables.entries()) {
        expect(tableTwo.totals.slice(1)).toEqual(one.tables[t].totals);
        for (const [r, row] of tableTwo.rows.entries()) {
          expect(row.cells.slice(1)).toEqual(one.tables[t].rows[r].cells);
        }
      }
    });

    it('the year and the quarter views together give away no small count (a case alone in a quarter)', () => {
      // One woman registered in 2025-Q2; the year and quarter views, read together, as an attacker would.
      const counts = [...base, sex('female', 2025, 2, 1)];
      const years = statisticsReport(counts, { period: 'year', now: NOW, from: 2025 });
      const quarters = statisticsReport(counts, { period: 'quarter', now: NOW, from: 2025 });
      const published = (r: StatisticsReport) => table(r, 'registrations-by-sex');
      // The attacker's system: per row Q1..Q4 sum to the year, per column the rows sum to the total.
      const rows = published(quarters).rows.map((row, i) => [
        ...row.cells,
        published(years).rows[i].cells[0],
      ]);
      rows.push([...published(quarters).totals, published(years).totals[0]]);
      const cells = rows.flat();
      const truth = [
        [13, 1, 22, 0, 36],
        [15, 0, 0, 16, 31],
        [0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0],
        [28, 1, 22, 16, 67],
      ].flat();
      const at = (r: number, c: number) => r * 5 + c;
      const lines: AdditiveLine[] = [];
      for (let r = 0; r < 5; r++) lines.push({ members: [0, 1, 2, 3].map((c) => at(r, c)), total: at(r, 4) });
      for (let c = 0; c < 5; c++) lines.push({ members: [0, 1, 2, 3].map((r) => at(r, c)), total: at(4, c) });
      const suppressed = cells.map((cell) => cell.suppressed);
      cells.forEach((cell, i) => cell.suppressed || expect(cell.value).toBe(truth[i]));
      expect(suppressed[at(0, 1)]).toBe(true);
      expect(recoverableSmallCells(truth, suppressed, lines)).toEqual([]);
    });
  });
});
