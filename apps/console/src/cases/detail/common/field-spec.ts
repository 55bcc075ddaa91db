/** One field of a case command's form: what it holds decides the input it is drawn as. */
export type FieldSpec =
  | {
      name: string;
      kind: 'text' | 'textarea' | 'date' | 'datetime' | 'number';
      label: string;
      required?: boolean;
      description?: string;
    }
  | {
      name: string;
      kind: 'select' | 'multiselect' | 'checkboxes';
      label: string;
      required?: boolean;
      description?: string;
      options: { value: string; label: string }[];
      searchable?: boolean;
    }
  | { name: string; kind: 'checkbox'; label: string; description?: string };

/** What a command form holds before it becomes the command's body. */
export type FormValue = string | string[] | boolean | null | undefined;
export type FormValues = Record<string, FormValue>;

/** A text field's value, or undefined when left empty (the API wants absent, not ""). */
export function text(values: FormValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function list(values: FormValues, name: string): string[] {
  const value = values[name];
  return Array.isArray(value) ? value : [];
}

export const flag = (values: FormValues, name: string): boolean => values[name] === true;

/** A datetime-local field (the user's local time) as the ISO instant the API takes. */
export function instant(values: FormValues, name: string): string | undefined {
  const value = text(values, name);
  return value ? new Date(value).toISOString() : undefined;
}

/**
 * The value as one of the API's enum values (typed as such), or undefined: the form offers only these,
 * so anything else is a field left empty.
 */
export function oneOf<T extends string>(choices: readonly T[], value: FormValue): T | undefined {
  return choices.find((choice) => choice === value);
}

/** Like oneOf for a required field the form has already checked: throws if the form let it through empty. */
export function required<T extends string>(choices: readonly T[], value: FormValue): T {
  const chosen = oneOf(choices, value);
  if (chosen === undefined) throw new Error(`not one of ${choices.join(', ')}`);
  return chosen;
}

export function several<T extends string>(choices: readonly T[], value: FormValue): T[] {
  return Array.isArray(value) ? choices.filter((choice) => value.includes(choice)) : [];
}
