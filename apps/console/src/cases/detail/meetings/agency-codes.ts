import { text, type FormValues } from '../common/field-spec';

/** Agency codes typed as a list: separated by commas, semicolons, spaces or new lines; each once. */
export function agencyCodes(values: FormValues, name: string): string[] {
  return [...new Set((text(values, name) ?? '').split(/[\s,;]+/).filter((code) => code !== ''))];
}
