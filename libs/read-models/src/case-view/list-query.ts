import {
  CASE_LIST_SORTS,
  CASE_STAGES,
  DEFAULT_CASE_LIST_SORT,
  DEFAULT_SORT_ORDER,
  MAX_DUE_WITHIN_DAYS,
  SORT_ORDERS,
  type CaseListQuery,
  type CaseListSort,
  type CaseloadQuery,
  type CaseStage,
  type DueDeadline,
  type SortOrder,
} from '../port/case-views';
import { toMillis } from './case-deadlines';

export const MAX_PAGE_SIZE = 500;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Checks paging, order and `now` the same way for every adapter; returns `now` in epoch milliseconds. */
export function checkListQuery(query: CaseListQuery): number {
  const { page, pageSize } = query;
  if (!Number.isInteger(page) || page < 1) throw new RangeError('page must be an integer from 1');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new RangeError(`pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  }
  listOrder(query);
  return toMillis(query.now);
}

/** The order a list query asks for, defaults filled in; RangeError for an unknown one. */
export function listOrder(query: Pick<CaseListQuery, 'sort' | 'order'>): {
  sort: CaseListSort;
  order: SortOrder;
} {
  const sort = query.sort ?? DEFAULT_CASE_LIST_SORT;
  const order = query.order ?? DEFAULT_SORT_ORDER;
  if (!CASE_LIST_SORTS.includes(sort))
    throw new RangeError(`sort must be one of ${CASE_LIST_SORTS.join(', ')}`);
  if (!SORT_ORDERS.includes(order)) throw new RangeError(`order must be one of ${SORT_ORDERS.join(', ')}`);
  return { sort, order };
}

/** A stage's place in the catalogue's forward order: what sort=stage orders by. */
export function stageRank(stage: CaseStage): number {
  return CASE_STAGES.indexOf(stage);
}

/**
 * Checks a caseload query the same way for every adapter: `now` and the end of the dueSoon window,
 * both in epoch milliseconds.
 */
export function checkCaseloadQuery(query: CaseloadQuery): { nowMs: number; dueBeforeMs: number } {
  const days = query.dueWithinDays;
  if (!Number.isInteger(days) || days < 1 || days > MAX_DUE_WITHIN_DAYS) {
    throw new RangeError(`dueWithinDays must be an integer from 1 to ${MAX_DUE_WITHIN_DAYS}`);
  }
  const nowMs = toMillis(query.now);
  return { nowMs, dueBeforeMs: nowMs + days * DAY_MS };
}

/** dueSoon's order: soonest first, then case id, kind and ref (code-unit order, as the stores compare). */
export function compareDue(a: DueDeadline, b: DueDeadline): number {
  return (
    toMillis(a.dueAt) - toMillis(b.dueAt) ||
    compareText(a.caseId, b.caseId) ||
    compareText(a.kind, b.kind) ||
    compareText(a.ref ?? '', b.ref ?? '')
  );
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
