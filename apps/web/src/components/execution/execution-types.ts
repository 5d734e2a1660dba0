import type { AppRouter } from "@gemba/api/root";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

type TInputs = inferRouterInputs<AppRouter>["execution"];
type TOutputs = inferRouterOutputs<AppRouter>["execution"];

export type TExportInput = TInputs["export"];
export type TOeeTrend = TOutputs["oeeTrend"];
export type TLosses = TOutputs["losses"];
export type TParetoBar = TLosses["pareto"][number];
export type TWaterfallStep = TLosses["waterfall"][number];
export type TUnclassifiedStop = TOutputs["unclassifiedDowntimes"][number];
export type TWorkCenterTimeline = TOutputs["workCenterTimeline"];
export type TTimelineInterval = TWorkCenterTimeline["intervals"][number];
export type TOrderRow = TOutputs["orders"][number];
export type TOrderOeeInput = TInputs["orderOee"];
export type TOrderOee = TOutputs["orderOee"];
export type TOrderOeeRow = TOrderOee["orders"][number];
export type TProductOeeRow = TOrderOee["products"][number];
export type TOeeSort = NonNullable<TOrderOeeInput["sort"]>;

/** What the dashboard's charts and lists are filtered by: the site's local dates and, optionally, a line. */
export type TAnalysisFilter = { from: string; to: string; lineId?: string };
