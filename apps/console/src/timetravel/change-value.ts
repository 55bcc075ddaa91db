/** Longer values are cut in the table, the whole value one click away. */
export const SHORT_LENGTH = 60;

/** A changed field's value as text: a string as it is, anything else as JSON; undefined where absent. */
export function valueText(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The whole value to read at leisure: objects and lists indented. */
export function wholeValueText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

/** The text cut to SHORT_LENGTH characters (never inside a character), or undefined when short enough. */
export function shortened(text: string): string | undefined {
  const characters = Array.from(text);
  return characters.length > SHORT_LENGTH ? `${characters.slice(0, SHORT_LENGTH).join('')}…` : undefined;
}
