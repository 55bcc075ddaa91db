import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { nrm } from '../../api/nrm';
import { data } from '../../api/problems';

export const CHECKPOINT_PAGE_SIZE = 50;

/** Page `page` (1-based) of the node's signed checkpoints, ascending by size, and the node key. */
export function useCheckpointPage(page: number) {
  return useQuery({
    queryKey: ['audit', 'checkpoints', page],
    queryFn: () =>
      data(
        nrm.GET('/api/audit/checkpoints', {
          params: { query: { page, limit: CHECKPOINT_PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
