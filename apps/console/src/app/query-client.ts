import { QueryClient } from '@tanstack/react-query';
import { asApiError } from '../api/problems';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      // A refusal (4xx) will not change by asking again; a lost connection or a 5xx may.
      retry: (failures, error) => failures < 2 && (asApiError(error)?.status ?? 500) >= 500,
    },
  },
});
