/** A revision as the URL's `asOf` carries it ("0", "12"); undefined when `asOf` is a date-time. */
export function revisionIn(asOf: string): number | undefined {
  return /^(0|[1-9]\d*)$/.test(asOf) ? Number(asOf) : undefined;
}

/**
 * The value of a datetime-local input (in the user's time zone) as the instant the API takes: ISO 8601
 * in UTC, so the offset is explicit. Undefined while the input is empty or incomplete.
 */
export function instantOf(local: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(local)) return undefined;
  const date = new Date(local); // date and time without offset: local time, by the standard
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** An instant as a datetime-local input shows it: in the user's time zone, to the second. */
export function localInputOf(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const two = (value: number) => String(value).padStart(2, '0');
  return (
    `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}` +
    `T${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`
  );
}
