import { useMutation, useQueryClient } from '@tanstack/react-query';

/** A change to one partner; afterwards the partner and the registry (list, dashboard) are read again. */
export function usePartnerCommand<Body, Answer>(nodeId: string, send: (body: Body) => Promise<Answer>) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: ['partner', nodeId] });
      void queries.invalidateQueries({ queryKey: ['partners'] });
    },
  });
}
