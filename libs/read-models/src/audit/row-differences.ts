import { jsonChanges } from '../case-view/json-changes';
import {
  compareRowOrder,
  READ_MODEL_ROW_MODELS,
  type ReadModelRow,
  type ReadModelRowModel,
} from '../port/read-model-row';
import { withoutPersonalData } from './personal-fields';

export type RowDifferenceKind = 'missing-in-live' | 'unexpected-in-live' | 'changed';

/** One field of a changed row; a side is absent where the field is. Personal values read "(differs)". */
export interface FieldDifference {
  /** JSON Pointer into the row's value: "/listing/stage", "/detail/services/0/status". */
  path: string;
  live?: unknown;
  replayed?: unknown;
}

/** A row the live store holds otherwise than the log says it should. */
export interface RowDifference {
  model: ReadModelRowModel;
  key: string;
  caseId: string;
  kind: RowDifferenceKind;
  /** For `changed` rows. */
  fields?: FieldDifference[];
}

export interface ModelTally {
  model: ReadModelRowModel;
  /** Rows compared (present on either side and not skipped). */
  compared: number;
  /** Rows skipped: their source changed after the point compared. */
  notCompared: number;
}

export interface RowComparison {
  tallies: ModelTally[];
  /** The first `maxDifferences` differences, in row order. */
  differences: RowDifference[];
  /** All of them, also those beyond `maxDifferences`. */
  differenceCount: number;
}

export interface CompareRowsOptions {
  /** Rows not to compare (on either side): counted as `notCompared`. */
  skip?: (row: ReadModelRow) => boolean;
  /** Differences kept in the answer (default 1000); the rest are only counted. */
  maxDifferences?: number;
}

/**
 * Merges two row streams, each in `compareRowOrder`, and names every row that differs. Streams are
 * read once, row by row, so stores of any size compare in constant memory (but for the differences
 * kept). A stream out of order is an error, never a silent mismatch. Pure but for reading the streams.
 */
export async function compareRows(
  live: AsyncIterable<ReadModelRow>,
  replayed: AsyncIterable<ReadModelRow>,
  options: CompareRowsOptions = {},
): Promise<RowComparison> {
  const skip = options.skip ?? (() => false);
  const maxDifferences = options.maxDifferences ?? 1000;
  const tallies = new Map<ReadModelRowModel, ModelTally>(
    READ_MODEL_ROW_MODELS.map((model) => [model, { model, compared: 0, notCompared: 0 }]),
  );
  const differences: RowDifference[] = [];
  let differenceCount = 0;
  const report = (difference: RowDifference) => {
    differenceCount++;
    if (differences.length < maxDifferences) differences.push(difference);
  };
  const liveRows = ordered(live, 'live');
  const replayedRows = ordered(replayed, 'replayed');
  let l = await liveRows.next();
  let r = await replayedRows.next();
  while (!l.done || !r.done) {
    const order = l.done ? 1 : r.done ? -1 : compareRowOrder(l.value, r.value);
    const row = order <= 0 ? (l.value as ReadModelRow) : (r.value as ReadModelRow);
    const tally = tallies.get(row.model)!;
    const other = order === 0 ? (r.value as ReadModelRow) : undefined;
    if (skip(row) || (other !== undefined && skip(other))) {
      tally.notCompared++;
    } else {
      tally.compared++;
      if (order < 0)
        report({ model: row.model, key: row.key, caseId: row.caseId, kind: 'unexpected-in-live' });
      else if (order > 0)
        report({ model: row.model, key: row.key, caseId: row.caseId, kind: 'missing-in-live' });
      else {
        const fields = fieldDifferences(row.model, row.value, other!.value);
        // The replayed row names the case: the live one's case id may be what was changed.
        if (fields.length > 0)
          report({ model: row.model, key: row.key, caseId: other!.caseId, kind: 'changed', fields });
      }
    }
    if (order <= 0) l = await liveRows.next();
    if (order >= 0) r = await replayedRows.next();
  }
  return { tallies: [...tallies.values()], differences, differenceCount };
}

function fieldDifferences(
  model: ReadModelRowModel,
  live: Record<string, unknown>,
  replayed: Record<string, unknown>,
): FieldDifference[] {
  return jsonChanges(live, replayed).map((change) => ({
    path: change.path,
    ...('from' in change ? { live: withoutPersonalData(model, change.path, change.from) } : {}),
    ...('to' in change ? { replayed: withoutPersonalData(model, change.path, change.to) } : {}),
  }));
}

/** The stream's rows, refusing one that does not come strictly after the one before. */
async function* ordered(rows: AsyncIterable<ReadModelRow>, side: string): AsyncGenerator<ReadModelRow> {
  let previous: ReadModelRow | undefined;
  for await (const row of rows) {
    if (previous && compareRowOrder(previous, row) >= 0) {
      throw new Error(
        `the ${side} rows are out of order: ${row.model} ${row.key} after ${previous.model} ${previous.key}`,
      );
    }
    previous = row;
    yield row;
  }
}
