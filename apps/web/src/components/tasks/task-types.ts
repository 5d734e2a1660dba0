import type { AppRouter } from "@gemba/api/root";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

export type TTask = inferRouterOutputs<AppRouter>["tasks"]["inbox"]["tasks"][number];
export type TCreateTaskInput = inferRouterInputs<AppRouter>["tasks"]["create"];
