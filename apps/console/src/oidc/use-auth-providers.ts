import { useQuery } from '@tanstack/react-query';
import { nrm } from '../api/nrm';
import { data } from '../api/problems';

/** How one may sign in besides a local account (GET /api/auth/providers): fixed for the node's life. */
export const useAuthProviders = () =>
  useQuery({
    queryKey: ['auth', 'providers'],
    queryFn: () => data(nrm.GET('/api/auth/providers', {})),
    staleTime: Number.POSITIVE_INFINITY,
  });
