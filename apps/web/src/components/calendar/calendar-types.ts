import type { TRouterOutputs } from "~/lib/api-types";

/** What the calendar procedures return, for the admin screen's components. */
export type TCalendarSite = TRouterOutputs["calendar"]["sites"][number];
export type TSiteCalendar = TRouterOutputs["calendar"]["overview"];
export type TShiftPattern = TSiteCalendar["patterns"][number];
export type TShift = TShiftPattern["shifts"][number];
export type TNoShiftPeriods = TRouterOutputs["calendar"]["noShiftPeriods"];
export type TNoShiftPeriod = TNoShiftPeriods["upcoming"][number];
export type TRefreshNotice = { workCenters: number; from: Date } | null;
export type TNotice = { message: string; refresh: TRefreshNotice };
