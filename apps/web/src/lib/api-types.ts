import type { AppRouter } from "@gemba/api/root";
import type { inferRouterOutputs } from "@trpc/server";

/** What procedures return, for props handed from server pages to client components. */
export type TRouterOutputs = inferRouterOutputs<AppRouter>;
export type TMe = TRouterOutputs["me"]["get"];
export type TPlantTree = TRouterOutputs["plant"]["tree"];
export type TWorkCenterDetail = TRouterOutputs["plant"]["workCenter"];
export type TOpenOrder = TRouterOutputs["plant"]["openOrders"][number];
