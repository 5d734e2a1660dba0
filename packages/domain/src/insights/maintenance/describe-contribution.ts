import { FEATURE_WINDOW_DAYS, type TFeatureName, type TTelemetryTag } from "./maintenance-features";

const oneDecimal = (value: number) => Number(value.toFixed(1)).toString();
const signed = (value: number) => `${value >= 0 ? "+" : "−"}${oneDecimal(Math.abs(value))}`;
// A slope per day, stated as the change across the window: "up 3.1/day over the week".
const overWeek = (slope: number) => slope * (FEATURE_WINDOW_DAYS - 1);

/** The raw feature value in words a maintenance lead would use. */
export function describeFeature(name: TFeatureName, value: number, tag: TTelemetryTag | null): string {
  const tagLabel = tag?.label ?? "telemetry";
  const unit = tag?.unit ? ` ${tag.unit}` : "";
  switch (name) {
    case "failures7d":
      return `${value} breakdown${value === 1 ? "" : "s"} in the last 7 days`;
    case "failureTrend":
      return `breakdowns ${value >= 0 ? "up" : "down"} ${oneDecimal(Math.abs(overWeek(value)))}/day over the week`;
    case "microStopsPerDay":
      return `${oneDecimal(value)} micro-stops/day this week`;
    case "microStopsTrend":
      return `micro-stops ${value >= 0 ? "up" : "down"} ${oneDecimal(Math.abs(overWeek(value)))}/day over the week`;
    case "telemetryMean":
      return `${tagLabel} averaging ${oneDecimal(value)}${unit}`;
    case "telemetryMax":
      return `${tagLabel} peaking at ${oneDecimal(value)}${unit}`;
    case "telemetryTrend":
      return `${tagLabel} ${signed(overWeek(value))}${unit} over the week`;
  }
}
