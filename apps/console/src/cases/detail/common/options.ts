import type { TFunction } from 'i18next';

/** Select options for an API enum, each named in the user's language under `prefix`. */
export const options = (t: TFunction, prefix: string, values: readonly string[]) =>
  values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
