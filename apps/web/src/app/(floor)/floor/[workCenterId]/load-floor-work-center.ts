import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { serverApi } from "~/trpc/server";

/**
 * One work center of the active plant for the tablet. Ids of other plants come back NOT_FOUND
 * from the API (row-level security), malformed ids BAD_REQUEST: both are "not here" for the user.
 */
export const loadFloorWorkCenter = cache(async (workCenterId: string) => {
  const api = await serverApi();
  try {
    return await api.floor.workCenter({ workCenterId });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
});
