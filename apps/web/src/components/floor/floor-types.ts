import type { TRouterOutputs } from "~/lib/api-types";

export type TFloorWorkCenter = TRouterOutputs["floor"]["workCenter"];
export type TFloorStop = TFloorWorkCenter["stops"][number];
export type TStopReasonCategory = TRouterOutputs["floor"]["stopReasons"][number];
