"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";

/** After a change: the list, the connector, its runs and dead letters, and the audit log are stale. */
export function useRefreshConnectors() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.connectors.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.connectors.get.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.connectors.runs.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.connectors.deadLetters.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.admin.audit.pathKey() }),
    ]);
}
