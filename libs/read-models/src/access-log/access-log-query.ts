import type { AccessLogQuery } from '../port/access-log-entry';

/** `Date#toISOString`'s form, the one the log writes: the only one that orders correctly as text. */
const isCanonicalInstant = (value: string): boolean => {
  const time = Date.parse(value);
  return !Number.isNaN(time) && new Date(time).toISOString() === value;
};

/** Checks the limit, the time range and the page the same way for every adapter. */
export function checkAccessLogQuery(query: AccessLogQuery): void {
  const { limit, from, to, page } = query;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
    throw new RangeError('limit must be a positive integer');
  }
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (value !== undefined && !isCanonicalInstant(value)) {
      throw new RangeError(`${name} must be an ISO instant as toISOString writes it`);
    }
  }
  if (page !== undefined) {
    if (limit !== undefined) throw new RangeError('page and limit cannot be combined');
    if (!Number.isInteger(page.offset) || page.offset < 0 || !Number.isInteger(page.size) || page.size < 1) {
      throw new RangeError('page needs a non-negative integer offset and a positive integer size');
    }
  }
}
