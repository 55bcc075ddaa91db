/** The read models whose rows an audit compares, in the order `ReadModelStore.rows` yields them. */
export const READ_MODEL_ROW_MODELS = [
  'case-detail',
  'case-history',
  'access-log',
  'case-statistics',
] as const;
export type ReadModelRowModel = (typeof READ_MODEL_ROW_MODELS)[number];

/**
 * One row of a read model in a form every adapter yields alike (plain JSON, sets sorted, absent
 * fields absent), so that two stores compare row by row whatever their technology. Projection
 * checkpoints are not rows.
 *
 * - `case-detail`: key is the case id; the detail plus what the list queries filter and sort on as
 *   stored (`listing`), the deadlines the overdue queries see, and the position of the case's last event.
 * - `case-history`, `access-log`: key is the event's log position, as decimal text.
 * - `case-statistics`: key is the case id; the projection's state and the facts the store counts.
 */
export interface ReadModelRow {
  model: ReadModelRowModel;
  key: string;
  /** The case the row is about (the row's own case id column). */
  caseId: string;
  value: Record<string, unknown>;
}

/** The models keyed by log position (the others by case id). */
const POSITIONAL: ReadonlySet<ReadModelRowModel> = new Set(['case-history', 'access-log']);

/** Row order: by model (READ_MODEL_ROW_MODELS), then by case id (code units) or by position. */
export function compareRowOrder(
  a: Pick<ReadModelRow, 'model' | 'key'>,
  b: Pick<ReadModelRow, 'model' | 'key'>,
): number {
  const byModel = READ_MODEL_ROW_MODELS.indexOf(a.model) - READ_MODEL_ROW_MODELS.indexOf(b.model);
  if (byModel !== 0) return byModel;
  if (POSITIONAL.has(a.model)) return Number(a.key) - Number(b.key);
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** The log position a row of a positional model stands for; undefined for case-detail rows. */
export function rowPosition(row: Pick<ReadModelRow, 'model' | 'key'>): number | undefined {
  return POSITIONAL.has(row.model) ? Number(row.key) : undefined;
}
