import { apiError } from '@nrm/api-client';
import { useInfiniteQuery } from '@tanstack/react-query';
import { nrm } from '../api/nrm';
import { nextPageFrom, pageEnd } from './change-pages';

/** Revisions bounding the changes listed: (from, to]; absent ends mean the registration and the last. */
export interface ChangeRange {
  from?: number;
  to?: number;
}

/** What each event in the range changed, page after page as the API's `next` leads; off until asked. */
export function useCaseChanges(caseId: string, range: ChangeRange | undefined) {
  return useInfiniteQuery({
    queryKey: ['case', caseId, 'changes', range?.from, range?.to],
    enabled: range !== undefined,
    initialPageParam: range?.from,
    queryFn: async ({ pageParam }) => {
      const result = await nrm.GET('/api/cases/{id}/changes', {
        params: { path: { id: caseId }, query: { from: pageParam, to: pageEnd(pageParam, range?.to) } },
      });
      if (!result.data) throw apiError(result);
      return result.data;
    },
    getNextPageParam: (page) => nextPageFrom(page, range?.to),
  });
}
