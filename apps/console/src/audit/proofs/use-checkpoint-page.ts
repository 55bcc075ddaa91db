import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { nrm } from '../../api/nrm';
import { data } from '../../api/problems';
import { CheckpointPages } from './checkpoint-pages';

const fetchCheckpoints = (fromSize: number, limit: number) =>
  data(nrm.GET('/api/audit/checkpoints', { params: { query: { fromSize, limit } } }));

/** Page `page` (1-based) of the node's signed checkpoints, ascending by size, and the node key. */
export function useCheckpointPage(page: number) {
  // Where each page starts is learnt while paging: kept for as long as the page is open.
  const [pages] = useState(() => new CheckpointPages(fetchCheckpoints));
  return useQuery({
    queryKey: ['audit', 'checkpoints', page],
    queryFn: () => pages.page(page),
    placeholderData: keepPreviousData,
  });
}
