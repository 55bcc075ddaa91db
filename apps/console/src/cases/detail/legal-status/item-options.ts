import type { TFunction } from 'i18next';

/**
 * The recorded items a step can apply to, in the order recorded, each named by its number and what it
 * is ("2. Passport — lost"): the select of a form that acts on one of them.
 */
export function itemOptions<T>(
  t: TFunction,
  items: readonly T[],
  idOf: (item: T) => string,
  describe: (item: T) => string,
  eligible: (item: T) => boolean,
) {
  return items.flatMap((item, index) =>
    eligible(item)
      ? [{ value: idOf(item), label: t('legalStatus.item', { number: index + 1, what: describe(item) }) }]
      : [],
  );
}

/** The chosen item's id, or undefined (the form requires the field, so it is there when sent). */
export const chosen = (value: unknown): string => (typeof value === 'string' ? value : '');
