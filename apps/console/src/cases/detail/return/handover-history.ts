import { apiError } from '@nrm/api-client';
import { useQuery } from '@tanstack/react-query';
import { nrm } from '../../../api/nrm';

/** The messages exchanged with partner nodes about the case (read again after each case command). */
export function useHandoverHistory(caseId: string) {
  return useQuery({
    queryKey: ['case', caseId, 'handover-history'],
    queryFn: async () => {
      const result = await nrm.GET('/api/cases/{id}/handover-history', { params: { path: { id: caseId } } });
      if (!result.data) throw apiError(result);
      return result.data;
    },
  });
}
