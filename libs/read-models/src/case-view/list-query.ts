import type { CaseListQuery } from '../port/case-views';
import { toMillis } from './case-deadlines';

export const MAX_PAGE_SIZE = 500;

/** Checks paging and `now` the same way for every adapter; returns `now` in epoch milliseconds. */
export function checkListQuery(query: CaseListQuery): number {
  const { page, pageSize } = query;
  if (!Number.isInteger(page) || page < 1) throw new RangeError('page must be an integer from 1');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new RangeError(`pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  }
  return toMillis(query.now);
}
