import type { AppRouter } from "@gemba/api/root";
import type { TInsightKind, TInsightStatus } from "@gemba/domain/insights/insight";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

type TOutputs = inferRouterOutputs<AppRouter>["insights"];
type TInputs = inferRouterInputs<AppRouter>["insights"];

export type TInsightListInput = NonNullable<TInputs["list"]>;
export type TInsightListRow = TOutputs["list"]["insights"][number];
export type TInsightDetail = TOutputs["get"];
export type TInsightEvidenceChart = NonNullable<NonNullable<TInsightDetail["evidence"]>["chart"]>;
export type TSpcChart = TOutputs["spcChart"];
export type TSpcSignalOption = TOutputs["spcSignals"][number];
export type TBottleneckChart = TOutputs["bottleneckChart"];
export type TDetectorStanding = TOutputs["detectorSettings"][number];

export const insightKindLabels: Record<TInsightKind, string> = {
  SPC: "SPC",
  ANOMALY: "Anomaly",
  BOTTLENECK: "Bottleneck",
  RECURRING_DOWNTIME: "Recurring downtime",
  LATE_ORDER: "Late order",
  MAINTENANCE_RISK: "Maintenance risk",
};

/** What each detector looks for, in a sentence (admin page, empty states). */
export const insightKindDescriptions: Record<TInsightKind, string> = {
  SPC: "Cycle time, scrap rate and telemetry against their control limits (Western Electric rules).",
  ANOMALY: "Sudden or creeping changes in a signal (EWMA and CUSUM).",
  BOTTLENECK: "Which work center holds each line back, and when that moves.",
  RECURRING_DOWNTIME: "Stops that come back with a shift, product, weekday, hour or changeover.",
  LATE_ORDER: "Orders that will likely miss their due date at the current pace.",
  MAINTENANCE_RISK: "Work centers likely to break down in the next days.",
};

export const insightStatusLabels: Record<TInsightStatus, string> = {
  NEW: "New",
  ACKNOWLEDGED: "Acknowledged",
  ACTED_ON: "Acted on",
  DISMISSED: "Dismissed",
};

export const insightStatusBadge: Record<TInsightStatus, string> = {
  NEW: "badge badge-accent",
  ACKNOWLEDGED: "badge badge-warning",
  ACTED_ON: "badge badge-success",
  DISMISSED: "badge",
};

export function formatConfidence(confidence: number): string {
  return `${Math.round(confidence * 100)} %`;
}

/** A figure as the explanation quotes it: 39.2 s, 12 %. */
export function formatFigure(value: number, unit?: string | null): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const text = value.toLocaleString("en", { maximumFractionDigits: digits });
  return unit ? `${text} ${unit}` : text;
}
