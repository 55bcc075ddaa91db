/**
 * Cell suppression for tables of counts (statistical disclosure control), on any set of cells tied
 * by additive lines (`members` sum to `total`). Pure; see docs/statistics.md for the method.
 */

/** The threshold of IOM's CTDC global dataset: counts from 1 to 10 are never published. */
export const DISCLOSURE_THRESHOLD = 11;

export interface AdditiveLine {
  members: readonly number[];
  total: number;
}

export interface TableToProtect {
  values: readonly number[];
  lines: readonly AdditiveLine[];
  /**
   * Cells other tables publish too (the margins several tables share, e.g. registrations per
   * quarter): suppressed only by the primary rule or by `marginLine`, which see nothing but shared
   * values, so every table that shares them suppresses them alike.
   */
  shared: ReadonlySet<number>;
  /**
   * The lines made of shared cells only (the table's total row; a row another table publishes as its
   * totals), protected first, each from its own values alone.
   */
  marginLines?: readonly AdditiveLine[];
}

const isSmall = (value: number, k: number) => value > 0 && value < k;

/**
 * Which cells to suppress: every count from 1 to k-1 (primary), then more cells (complementary) until
 * no line has exactly one suppressed cell and no such small count can be worked out from the
 * published cells and the lines (checked by interval propagation, as an attacker would solve it).
 */
export function suppressedCells(table: TableToProtect, k = DISCLOSURE_THRESHOLD): boolean[] {
  const { values, lines, shared, marginLines = [] } = table;
  const suppressed = values.map((value) => isSmall(value, k));
  const suppress = (cell: number) => (suppressed[cell] = true);
  for (const marginLine of marginLines) {
    // Only the margin's own cells, its total last: the same answer for every table sharing it.
    while (countIn(marginLine, suppressed) === 1) {
      const cell = smallestCandidate(values, suppressed, marginLine.members, () => true);
      if (cell === undefined) break;
      suppress(cell);
    }
  }
  const eligible = (cell: number) => !shared.has(cell);
  for (;;) {
    let changed = true;
    while (changed) {
      changed = false;
      for (const line of lines) {
        if (countIn(line, suppressed) !== 1) continue;
        const cell = smallestCandidate(values, suppressed, [...line.members, line.total], eligible, lines);
        if (cell === undefined) continue;
        suppress(cell);
        changed = true;
      }
    }
    const pinned = recoverableSmallCells(values, suppressed, lines, k);
    if (pinned.length === 0) return withoutGivenAway(values, suppressed, lines, shared, k);
    const fix = widerCandidate(values, suppressed, lines, pinned[0], eligible);
    // Nothing left to suppress but shared margins: what remains is a sum of margin cells (docs).
    if (fix === undefined) return withoutGivenAway(values, suppressed, lines, shared, k);
    suppress(fix);
  }
}

/**
 * Publishes the complementary cells the published ones give away anyway (their range is one value):
 * that tells nobody anything new, and leaves no line with a single suppressed cell. Shared cells stay
 * as they are, so that every table sharing them still publishes them alike.
 */
function withoutGivenAway(
  values: readonly number[],
  suppressed: boolean[],
  lines: readonly AdditiveLine[],
  shared: ReadonlySet<number>,
  k: number,
): boolean[] {
  const { lo, hi } = feasibleRanges(values, suppressed, lines);
  const keep = (cell: number) => shared.has(cell) || isSmall(values[cell], k) || lo[cell] !== hi[cell];
  return suppressed.map((isSuppressed, cell) => isSuppressed && keep(cell));
}

function countIn(line: AdditiveLine, suppressed: readonly boolean[]): number {
  return [...line.members, line.total].filter((cell) => suppressed[cell]).length;
}

/**
 * The smallest published non-zero count among `cells` (a zero hides nothing: it is never chosen),
 * preferring one that its other line can hide too: a cell alone in a line whose total is published
 * would be given away by that total, protecting nothing.
 */
function smallestCandidate(
  values: readonly number[],
  suppressed: readonly boolean[],
  cells: readonly number[],
  eligible: (cell: number) => boolean,
  lines: readonly AdditiveLine[] = [],
): number | undefined {
  let best: number | undefined;
  let bestHidden = false;
  for (const cell of cells) {
    if (suppressed[cell] || values[cell] === 0 || !eligible(cell)) continue;
    const hidden = lines.every(
      (line) => !inLine(line, cell) || canHide(line, cell, values, suppressed, eligible),
    );
    const better =
      best === undefined || (hidden && !bestHidden) || (hidden === bestHidden && values[cell] < values[best]);
    if (better) {
      best = cell;
      bestHidden = hidden;
    }
  }
  return best;
}

const inLine = (line: AdditiveLine, cell: number) => line.total === cell || line.members.includes(cell);

/** Whether `line` has, besides `cell`, a cell suppressed already or one that could be. */
function canHide(
  line: AdditiveLine,
  cell: number,
  values: readonly number[],
  suppressed: readonly boolean[],
  eligible: (cell: number) => boolean,
): boolean {
  return [...line.members, line.total].some(
    (other) => other !== cell && (suppressed[other] || (values[other] > 0 && eligible(other))),
  );
}

/**
 * A cell to suppress so that `pinned` can no longer be worked out: the smallest candidate in its
 * lines, else in the lines of the cells suppressed there, and so on outwards.
 */
function widerCandidate(
  values: readonly number[],
  suppressed: readonly boolean[],
  lines: readonly AdditiveLine[],
  pinned: number,
  eligible: (cell: number) => boolean,
): number | undefined {
  const seenCells = new Set([pinned]);
  const seenLines = new Set<AdditiveLine>();
  let frontier = [pinned];
  while (frontier.length > 0) {
    const next: number[] = [];
    for (const cell of frontier) {
      for (const line of lines) {
        if (seenLines.has(line) || !(line.total === cell || line.members.includes(cell))) continue;
        seenLines.add(line);
        const cells = [...line.members, line.total];
        const found = smallestCandidate(values, suppressed, cells, eligible, lines);
        if (found !== undefined) return found;
        for (const other of cells) {
          if (suppressed[other] && !seenCells.has(other)) {
            seenCells.add(other);
            next.push(other);
          }
        }
      }
    }
    frontier = next;
  }
  return undefined;
}

/**
 * The attacker's view: each published cell known, each suppressed one somewhere in [0, ∞), narrowed
 * by every line until nothing changes. Returns the suppressed counts from 1 to k-1 whose range
 * narrows to their exact value.
 */
export function recoverableSmallCells(
  values: readonly number[],
  suppressed: readonly boolean[],
  lines: readonly AdditiveLine[],
  k = DISCLOSURE_THRESHOLD,
): number[] {
  const { lo, hi } = feasibleRanges(values, suppressed, lines);
  return [...values.keys()].filter(
    (cell) => suppressed[cell] && isSmall(values[cell], k) && lo[cell] === hi[cell],
  );
}

/** Interval propagation over the lines: the range each cell must lie in, given what is published. */
export function feasibleRanges(
  values: readonly number[],
  suppressed: readonly boolean[],
  lines: readonly AdditiveLine[],
): { lo: number[]; hi: number[] } {
  const lo = values.map((value, cell) => (suppressed[cell] ? 0 : value));
  const hi = values.map((value, cell) => (suppressed[cell] ? Infinity : value));
  const maxRounds = 100 + 10 * lines.length;
  for (let round = 0, changed = true; changed && round < maxRounds; round++) {
    changed = false;
    for (const line of lines) {
      const terms: [number, 1 | -1][] = [...line.members.map((m): [number, 1] => [m, 1]), [line.total, -1]];
      for (const [unknown, sign] of terms) {
        if (!suppressed[unknown]) continue;
        // sign·x = −(the sum of the other terms), whose range is [restLo, restHi].
        let restLo = 0;
        let restHi = 0;
        for (const [cell, s] of terms) {
          if (cell === unknown) continue;
          restLo += s > 0 ? lo[cell] : -hi[cell];
          restHi += s > 0 ? hi[cell] : -lo[cell];
        }
        const newLo = sign > 0 ? -restHi : restLo;
        const newHi = sign > 0 ? -restLo : restHi;
        if (newLo > lo[unknown]) {
          lo[unknown] = newLo;
          changed = true;
        }
        if (newHi < hi[unknown]) {
          hi[unknown] = newHi;
          changed = true;
        }
      }
    }
  }
  return { lo, hi };
}
