import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api/api-error';

/** One cache for the whole SPA. Reference data changes rarely; lists a little more often. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        gcTime: 5 * 60_000,
        refetchOnWindowFocus: false,
        // A 4xx will not get better by asking again.
        retry: (failureCount, error) =>
          !(isApiError(error) && error.status >= 400 && error.status < 500) && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });
}

export const STALE = {
  reference: 5 * 60_000,
  list: 30_000,
  detail: 30_000,
} as const;
