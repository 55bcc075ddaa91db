import {
  DISCLOSURE_THRESHOLD,
  feasibleRanges,
  recoverableSmallCells,
  suppressedCells,
  type AdditiveLine,
} from './disclosure-control';

/** A rows × columns table with row totals (last column) and column totals (last row), as cells. */
function grid(inner: number[][]) {
  const R = inner.length;
  const C = inner[0].length;
  const width = C + 1;
  const values: number[] = [];
  for (const row of inner)
    values.push(
      ...row,
      row.reduce((a, b) => a + b, 0),
    );
  for (let c = 0; c <= C; c++) values.push(inner.reduce((sum, _row, r) => sum + values[r * width + c], 0));
  const at = (r: number, c: number) => r * width + c;
  const lines: AdditiveLine[] = [];
  for (let r = 0; r <= R; r++)
    lines.push({ members: [...Array(C).keys()].map((c) => at(r, c)), total: at(r, C) });
  for (let c = 0; c <= C; c++)
    lines.push({ members: [...Array(R).keys()].map((r) => at(r, c)), total: at(R, c) });
  const shared = new Set([...Array(C + 1).keys()].map((c) => at(R, c)));
  return { values, lines, shared, marginLines: [lines[R]], at };
}

const suppressedPerLine = (lines: readonly AdditiveLine[], suppressed: boolean[]) =>
  lines.map((line) => [...line.members, line.total].filter((cell) => suppressed[cell]).length);

/** Every table of `rows` × `cols` with cells drawn from `pool`, deterministically (a small LCG). */
function randomTables(count: number, rows: number, cols: number, pool: number[]): number[][][] {
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () =>
    Array.from({ length: rows }, () =>
      Array.from({ length: cols }, () => pool[Math.floor(next() * pool.length)]),
    ),
  );
}

describe('disclosure control', () => {
  it('uses the threshold of the CTDC global dataset', () => {
    expect(DISCLOSURE_THRESHOLD).toBe(11);
  });

  it('publishes a table without small counts as it is, zeros included', () => {
    const table = grid([
      [12, 0, 30],
      [20, 15, 0],
    ]);
    expect(suppressedCells(table).some(Boolean)).toBe(false);
  });

  it('suppresses every count from 1 to 10 and none of 0 or 11', () => {
    const table = grid([
      [1, 10, 11, 0],
      [40, 50, 60, 70],
    ]);
    const suppressed = suppressedCells(table);
    expect([0, 1].map((c) => suppressed[table.at(0, c)])).toEqual([true, true]);
    expect(suppressed[table.at(0, 3)]).toBe(false);
  });

  it('suppresses a second cell in a line that would otherwise give the small one away by subtraction', () => {
    const table = grid([
      [3, 25, 40],
      [30, 35, 45],
    ]);
    const suppressed = suppressedCells(table);
    expect(suppressed[table.at(0, 0)]).toBe(true);
    // Row 0 and column 0 each need another suppressed cell: the smallest candidates, 25 and 30.
    expect(suppressed[table.at(0, 1)]).toBe(true);
    expect(suppressed[table.at(1, 0)]).toBe(true);
    expect(suppressedPerLine(table.lines, suppressed).every((n) => n === 0 || n >= 2)).toBe(true);
    expect(recoverableSmallCells(table.values, suppressed, table.lines)).toEqual([]);
  });

  it('never leaves a small count that the published cells and totals pin down (4,000 random tables)', () => {
    const tables = [
      ...randomTables(1000, 4, 4, [0, 0, 1, 2, 3, 5, 9, 10, 11, 12, 20, 40]),
      ...randomTables(2000, 9, 4, [0, 0, 0, 0, 1, 2, 5, 11, 12, 20, 40]),
      ...randomTables(1000, 3, 4, [0, 0, 1, 11, 12, 30]),
    ];
    for (const inner of tables) {
      const table = grid(inner);
      const suppressed = suppressedCells(table);
      expect(suppressedPerLine(table.lines, suppressed).every((n) => n === 0 || n >= 2)).toBe(true);
      expect(recoverableSmallCells(table.values, suppressed, table.lines)).toEqual([]);
      // No small count is ever published.
      table.values.forEach((value, cell) => {
        if (value > 0 && value < 11) expect(suppressed[cell]).toBe(true);
      });
    }
  });

  it('finds what the count of suppressed cells per line misses: a cell pinned through a second line', () => {
    // Row 0: 3 and 15 suppressed; column 1 has no other count, so 15 = its total, and 3 = 18 - 15.
    const table = grid([
      [3, 15, 0],
      [0, 0, 40],
    ]);
    const naive = table.values.map(() => false);
    for (const cell of [table.at(0, 0), table.at(0, 1)]) naive[cell] = true;
    expect(suppressedPerLine(table.lines, naive).filter((n) => n === 1).length).toBeGreaterThan(0);
    const suppressed = suppressedCells(table);
    expect(recoverableSmallCells(table.values, suppressed, table.lines)).toEqual([]);
    const { lo, hi } = feasibleRanges(table.values, suppressed, table.lines);
    expect(hi[table.at(0, 0)]).toBeGreaterThan(lo[table.at(0, 0)]);
  });

  it('decides the shared margin from the margin alone, so tables sharing it suppress it alike', () => {
    const margins = (inner: number[][]) => {
      const table = grid(inner);
      const suppressed = suppressedCells(table);
      const [margin] = table.marginLines;
      return margin.members.concat(margin.total).map((cell) => suppressed[cell]);
    };
    // The same column totals (5, 30, 40), split differently between the rows.
    expect(
      margins([
        [5, 15, 20],
        [0, 15, 20],
      ]),
    ).toEqual(
      margins([
        [2, 29, 1],
        [3, 1, 39],
      ]),
    );
  });
});
