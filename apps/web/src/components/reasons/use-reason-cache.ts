"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";

/** After a change: the tree again, and the audit log that recorded it. */
export function useRefreshReasons() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.reasons.tree.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.admin.audit.pathKey() }),
    ]);
}
