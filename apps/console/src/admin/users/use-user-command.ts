import { useMutation, useQueryClient } from '@tanstack/react-query';

/** A change to one account; on success the list is fetched again (it shows role and status). */
export function useUserCommand<Body, Answer>(send: (body: Body) => Promise<Answer>) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => void queries.invalidateQueries({ queryKey: ['users'] }),
  });
}
