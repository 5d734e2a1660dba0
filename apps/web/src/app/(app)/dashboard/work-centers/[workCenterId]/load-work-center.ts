import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { serverApi } from "~/trpc/server";

/** One work center of the active plant; other plants' ids and malformed ids are simply "not here". */
export const loadWorkCenter = cache(async (workCenterId: string) => {
  const api = await serverApi();
  try {
    return await api.plant.workCenter({ workCenterId });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
});
