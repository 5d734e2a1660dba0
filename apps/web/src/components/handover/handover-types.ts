import type { TRouterOutputs } from "~/lib/api-types";

/** A handover as the API shows it (handover.get, handover.current). */
export type THandover = TRouterOutputs["handover"]["get"];
export type THandoverSummaryView = THandover["summary"];
export type TCurrentHandover = TRouterOutputs["handover"]["current"];
export type THandoverListRow = TRouterOutputs["handover"]["list"]["handovers"][number];
