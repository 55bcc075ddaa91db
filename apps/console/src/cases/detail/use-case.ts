import { apiError, revisionOf } from '@nrm/api-client';
import { useQuery } from '@tanstack/react-query';
import { nrm } from '../../api/nrm';

/** The case without personal data: opening a case page reads no one's identity and logs no access. */
export function useCase(caseId: string, enabled = true) {
  return useQuery({
    queryKey: ['case', caseId],
    enabled,
    queryFn: async () => {
      const result = await nrm.GET('/api/cases/{id}', {
        params: { path: { id: caseId }, query: { includePerson: false } },
      });
      if (!result.data) throw apiError(result);
      return { view: result.data, revision: revisionOf(result.response) ?? result.data.revision };
    },
  });
}
