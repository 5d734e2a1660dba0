"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";

/** The connector kinds and their schemas: fixed for a given deployment, so fetched once. */
export function useConnectorKinds() {
  const trpc = useTRPC();
  return useQuery(trpc.connectors.kinds.queryOptions(undefined, { staleTime: Number.POSITIVE_INFINITY }));
}
