import { ifMatch } from '@nrm/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';

/**
 * A command on the case as the user saw it: sent with If-Match of the revision the page shows, so a
 * change made meanwhile by someone else answers 409 instead of being overwritten; afterwards the case,
 * its history and the lists are read again.
 */
export function useCaseCommand<Body>(
  caseId: string,
  revision: number,
  send: (body: Body, headers: { 'If-Match': string }) => Promise<unknown>,
) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) => send(body, { 'If-Match': ifMatch(revision) }),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: ['case', caseId] });
      void queries.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}
