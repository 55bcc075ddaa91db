import { apiError, revisionOf } from '@nrm/api-client';
import { useQuery } from '@tanstack/react-query';
import { nrm } from '../../api/nrm';

/**
 * The case without personal data: opening a case page reads no one's identity and logs no access.
 * With `asOf` (a revision or a date-time, as the URL carries it), the case as it was then.
 */
export function useCase(caseId: string, enabled = true, asOf?: string) {
  return useQuery({
    queryKey: asOf === undefined ? ['case', caseId] : ['case', caseId, 'asOf', asOf],
    enabled,
    queryFn: async () => {
      const result = await nrm.GET('/api/cases/{id}', {
        params: { path: { id: caseId }, query: { includePerson: false, asOf } },
      });
      if (!result.data) throw apiError(result);
      return { view: result.data, revision: revisionOf(result.response) ?? result.data.revision };
    },
  });
}
