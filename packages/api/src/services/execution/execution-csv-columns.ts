import type { TWaterfallStep } from "@gemba/domain/execution/six-big-losses-waterfall";
import type { TOeeSummary } from "./bucket-sums";
import type { TParetoBar } from "./get-downtime-pareto";
import type { TOeeTrendGranularity, TOeeTrendPoint } from "./get-oee-trend";
import type { TOrderOeeRow, TProductOeeRow } from "./get-order-oee";
import type { TTimelineInterval } from "./get-work-center-timeline";
import type { TOrderRow } from "./list-orders-with-projection";
import type { TUnclassifiedDowntime } from "./list-unclassified-downtimes";
import type { TCsvColumn } from "./to-csv";

// Enough digits for a spreadsheet, without the float noise of 0.7916666666666666.
const ratio = (value: number | null) => (value === null ? null : Number(value.toFixed(4)));
const minutes = (value: number) => Number(value.toFixed(2));

const oeeColumns: TCsvColumn<TOeeSummary>[] = [
  { header: "Planned minutes", value: (row) => minutes(row.plannedMinutes) },
  { header: "Run minutes", value: (row) => minutes(row.runMinutes) },
  { header: "Ideal minutes", value: (row) => minutes(row.idealMinutes) },
  { header: "Total count", value: (row) => row.totalCount },
  { header: "Good count", value: (row) => row.goodCount },
  { header: "Availability", value: (row) => ratio(row.availability) },
  { header: "Performance", value: (row) => ratio(row.performance) },
  { header: "Quality", value: (row) => ratio(row.quality) },
  { header: "OEE", value: (row) => ratio(row.oee) },
];

const spanColumns: TCsvColumn<TOeeTrendPoint>[] = [
  { header: "Start", value: (row) => row.start },
  { header: "End", value: (row) => row.end },
];

/** Days and shifts keep the columns they always had; weeks say which dates they sum and whether the range cut them. */
export function oeeTrendColumns(granularity: TOeeTrendGranularity): TCsvColumn<TOeeTrendPoint>[] {
  if (granularity === "week") {
    return [
      { header: "Week", value: (row) => row.week },
      { header: "First date", value: (row) => row.date },
      { header: "Last date", value: (row) => row.lastDate },
      { header: "Partial week", value: (row) => row.partial },
      ...spanColumns,
      ...oeeColumns,
    ];
  }
  return [
    { header: "Date", value: (row) => row.date },
    { header: "Shift", value: (row) => row.shiftName },
    ...spanColumns,
    ...oeeColumns,
  ];
}

export const WATERFALL_COLUMNS: TCsvColumn<TWaterfallStep>[] = [
  { header: "Step", value: (row) => row.label },
  { header: "Kind", value: (row) => row.kind },
  { header: "Factor", value: (row) => row.factor },
  { header: "Minutes", value: (row) => minutes(row.minutes) },
  { header: "Remaining minutes", value: (row) => minutes(row.remainingMinutes) },
];

export const PARETO_COLUMNS: TCsvColumn<TParetoBar>[] = [
  { header: "Reason", value: (row) => row.label },
  { header: "Reason code", value: (row) => row.reasonCode },
  { header: "Category", value: (row) => row.category },
  { header: "Minutes", value: (row) => minutes(row.minutes) },
  { header: "Occurrences", value: (row) => row.occurrences },
  { header: "Share", value: (row) => ratio(row.share) },
  { header: "Cumulative share", value: (row) => ratio(row.cumulativeShare) },
];

export const UNCLASSIFIED_COLUMNS: TCsvColumn<TUnclassifiedDowntime>[] = [
  { header: "Line", value: (row) => row.lineName },
  { header: "Work center", value: (row) => row.workCenterCode },
  { header: "Work center name", value: (row) => row.workCenterName },
  { header: "State", value: (row) => row.state },
  { header: "Stop start", value: (row) => row.stopStart },
  { header: "Last seen", value: (row) => row.lastEnd },
  { header: "Minutes", value: (row) => minutes(row.durationMinutes) },
  { header: "Ongoing", value: (row) => row.ongoing },
];

export const ORDER_COLUMNS: TCsvColumn<TOrderRow>[] = [
  { header: "Order", value: (row) => row.externalId },
  { header: "Status", value: (row) => row.status },
  { header: "Product SKU", value: (row) => row.product.sku },
  { header: "Product", value: (row) => row.product.name },
  { header: "Work center", value: (row) => row.workCenter?.code },
  { header: "Quantity", value: (row) => row.quantity },
  { header: "Produced (good)", value: (row) => row.producedGood },
  { header: "Produced (total)", value: (row) => row.producedTotal },
  { header: "Progress", value: (row) => ratio(row.progress) },
  { header: "Due", value: (row) => row.dueAt },
  { header: "Started", value: (row) => row.startedAt },
  { header: "Completed", value: (row) => row.completedAt },
  {
    header: "Recent rate per hour",
    value: (row) => (row.recentRatePerHour === null ? null : minutes(row.recentRatePerHour)),
  },
  { header: "Projection", value: (row) => row.projection?.status },
  { header: "Projected finish", value: (row) => row.projection?.projectedFinish },
  { header: "At risk", value: (row) => row.atRisk },
  { header: "Late", value: (row) => row.late },
  { header: "Projection note", value: (row) => row.projection?.reason },
];

export const TIMELINE_COLUMNS: TCsvColumn<TTimelineInterval>[] = [
  { header: "Start", value: (row) => row.start },
  { header: "End", value: (row) => row.end },
  { header: "Minutes", value: (row) => minutes((row.end.getTime() - row.start.getTime()) / 60_000) },
  { header: "State", value: (row) => row.state },
  { header: "Reason code", value: (row) => row.reasonCode },
  { header: "Reason", value: (row) => row.reasonLabel },
  { header: "Stop start", value: (row) => row.stopStart },
  { header: "Scheduled", value: (row) => row.scheduled },
  { header: "Unclassified", value: (row) => row.unclassified },
  { header: "Minor stop", value: (row) => row.microStop },
];

const unitsWithoutIdealCycle = {
  header: "Units without ideal cycle",
  value: (row: TOeeSummary) => row.countWithoutIdealCycle,
};

export const ORDER_OEE_COLUMNS: TCsvColumn<TOrderOeeRow>[] = [
  { header: "Order", value: (row) => row.externalId },
  { header: "Status", value: (row) => row.status },
  { header: "Product SKU", value: (row) => row.product.sku },
  { header: "Product", value: (row) => row.product.name },
  { header: "Work center", value: (row) => row.workCenter.code },
  { header: "Started", value: (row) => row.startedAt },
  { header: "Completed", value: (row) => row.completedAt },
  { header: "Quantity", value: (row) => row.quantity },
  { header: "Progress", value: (row) => ratio(row.progress) },
  ...oeeColumns,
  unitsWithoutIdealCycle,
  { header: "Units outside planned time", value: (row) => row.unscheduledCount },
];

export const PRODUCT_OEE_COLUMNS: TCsvColumn<TProductOeeRow>[] = [
  { header: "Product SKU", value: (row) => row.product.sku },
  { header: "Product", value: (row) => row.product.name },
  { header: "Orders", value: (row) => row.orderCount },
  { header: "Quantity", value: (row) => row.quantity },
  ...oeeColumns,
  unitsWithoutIdealCycle,
  { header: "Units outside planned time", value: (row) => row.unscheduledCount },
];
