/**
 * Calendar arithmetic on ISO 8601 strings. Pure: the current time always comes in the command (`at`),
 * never from the clock.
 */
const DAY_MS = 86_400_000;

export function instant(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO 8601 time: "${iso}"`);
  return ms;
}

export const addDays = (iso: string, days: number): string =>
  new Date(instant(iso) + days * DAY_MS).toISOString();

export const isBefore = (a: string, b: string): boolean => instant(a) < instant(b);

/** Whole days from `from` to `to`, rounded up (a period ending mid-day counts that day). */
export const daysBetween = (from: string, to: string): number =>
  Math.ceil((instant(to) - instant(from)) / DAY_MS);

/**
 * Age in full years on the calendar date of `at` (as written, in its own offset). Undefined when the
 * date of birth is not a calendar date.
 */
export function ageOn(dateOfBirth: string, at: string): number | undefined {
  const birth = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth);
  const today = /^(\d{4})-(\d{2})-(\d{2})/.exec(at);
  if (!birth || !today) return undefined;
  const [by, bm, bd] = birth.slice(1).map(Number);
  const [ty, tm, td] = today.slice(1).map(Number);
  const beforeBirthday = tm < bm || (tm === bm && td < bd);
  return ty - by - (beforeBirthday ? 1 : 0);
}
