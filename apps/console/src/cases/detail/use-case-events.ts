import { apiError } from '@nrm/api-client';
import { useQuery } from '@tanstack/react-query';
import { nrm } from '../../api/nrm';

/** The case's events, oldest first: the history timeline and the revisions the time travel offers. */
export function useCaseEvents(caseId: string) {
  return useQuery({
    queryKey: ['case', caseId, 'events'],
    queryFn: async () => {
      const result = await nrm.GET('/api/cases/{id}/events', { params: { path: { id: caseId } } });
      if (!result.data) throw apiError(result);
      return result.data;
    },
  });
}
