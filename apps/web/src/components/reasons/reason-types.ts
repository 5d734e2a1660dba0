import type { TRouterOutputs } from "~/lib/api-types";

export type TReasonTree = TRouterOutputs["reasons"]["tree"];
export type TReasonCategory = TReasonTree["categories"][number];
export type TReason = TReasonCategory["reasons"][number];
/** What a save set off in the background (recalculating dashboards). */
export type TRecalculation = TRouterOutputs["reasons"]["updateReason"]["recalculation"];
