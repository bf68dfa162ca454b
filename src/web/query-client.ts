import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { isClientError, isUnauthenticated } from "./api/api-error.ts";

declare module "@tanstack/react-query" {
  interface Register {
    mutationMeta: {
      /** A 401 is this request's own answer (wrong password), not an ended session. */
      unauthenticatedIsExpected?: boolean;
    };
  }
}

/** One QueryClient whose 401s, from any query or mutation, end the session. */
export function createQueryClient(onSessionEnded: () => void): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (isUnauthenticated(error)) onSessionEnded();
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (isUnauthenticated(error) && !mutation.meta?.unauthenticatedIsExpected) {
          onSessionEnded();
        }
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) => !isClientError(error) && failureCount < 2,
      },
    },
  });
}
