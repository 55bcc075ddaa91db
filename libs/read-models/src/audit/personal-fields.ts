import type { ReadModelRowModel } from '../port/read-model-row';

/** Shown in an audit report instead of a personal field's value (ciphertext or not). */
export const PERSONAL_VALUE = '(differs)';

/**
 * The fields of each row (JSON Pointers into `ReadModelRow.value`) that hold a person's data: the
 * encrypted name and date of birth copied from the registration, the guardian's encrypted name.
 * Everything else in the read models is codes, dates, ids of staff and agencies.
 */
export const PERSONAL_FIELDS: Readonly<Record<ReadModelRowModel, readonly string[]>> = {
  'case-detail': ['/detail/person', '/detail/guardian/name'],
  'case-history': [],
  'access-log': [],
  // Codes and quarters only, by construction (docs/statistics.md).
  'case-statistics': [],
};

/** Whether the field at `path` is personal or lies inside a personal one. */
export function isPersonalPath(model: ReadModelRowModel, path: string): boolean {
  return PERSONAL_FIELDS[model].some((field) => path === field || path.startsWith(`${field}/`));
}

/**
 * `value` (found at `path` in a row of `model`) with every personal part replaced by PERSONAL_VALUE,
 * however deep: a whole missing `guardian` is shown without its name.
 */
export function withoutPersonalData(model: ReadModelRowModel, path: string, value: unknown): unknown {
  if (isPersonalPath(model, path)) return PERSONAL_VALUE;
  if (typeof value !== 'object' || value === null) return value;
  if (!PERSONAL_FIELDS[model].some((field) => field.startsWith(`${path}/`))) return value;
  if (Array.isArray(value)) return value.map((item, i) => withoutPersonalData(model, `${path}/${i}`, item));
  return Object.fromEntries(
    Object.entries(value).map(([key, member]) => [
      key,
      withoutPersonalData(model, `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, member),
    ]),
  );
}
