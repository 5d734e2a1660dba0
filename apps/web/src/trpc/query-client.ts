import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/react-query";
import superjson from "superjson";

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A member removed or signed out everywhere gets 401/403: retrying cannot help.
        retry: (failureCount, error) => {
          const code = (error as { data?: { code?: string } }).data?.code;
          return code !== "UNAUTHORIZED" && code !== "FORBIDDEN" && code !== "NOT_FOUND" && failureCount < 2;
        },
      },
      dehydrate: {
        serializeData: superjson.serialize,
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
}
