import type { TControlLimits, TSeriesPoint, TSide } from "./control-limits";
import { decimalsForSigma, formatMeasure, type TMeasureFormat } from "./format-measure";
import type { TWesternElectricRule } from "./western-electric-rules";

/** What the chart measures, as a plant manager would say it: { label: "Cycle time", unit: "s" }. */
export type TSignalLabel = { label: string; unit?: string; decimals?: number };

type TViolationShape = { rule: TWesternElectricRule; side: TSide; indices: number[] };

/** One sentence with the numbers behind it, so the insight can be checked against the chart. */
export function explainViolation(
  violation: TViolationShape,
  points: readonly TSeriesPoint[],
  limits: TControlLimits,
  signal: TSignalLabel,
): string {
  const format: TMeasureFormat = { unit: signal.unit, decimals: signal.decimals ?? decimalsForSigma(limits.sigma) };
  const show = (value: number) => formatMeasure(value, format);
  const above = violation.side === "ABOVE";
  const direction = above ? "above" : "below";
  const context = `(mean ${show(limits.mean)}, σ ${show(limits.sigma)})`;
  const first = violation.indices[0] ?? 0;
  const last = violation.indices[violation.indices.length - 1] ?? first;
  const span = last - first + 1;
  const count = violation.indices.length;
  const values = violation.indices.map((i) => show(points[i]?.value ?? Number.NaN));
  const sign = above ? 1 : -1;

  switch (violation.rule) {
    case 1:
      return `${signal.label} ${values[0]} is ${direction} the ${above ? "upper" : "lower"} control limit ${show(above ? limits.upper : limits.lower)} ${context}.`;
    case 2:
      return `${signal.label}: ${count} of ${span} consecutive points (${values.join(", ")}) are ${direction} the ${above ? "+" : "−"}2σ line ${show(limits.mean + sign * 2 * limits.sigma)} ${context}.`;
    case 3:
      return `${signal.label}: ${count} of ${span} consecutive points are ${direction} the ${above ? "+" : "−"}1σ line ${show(limits.mean + sign * limits.sigma)} ${context}, a small sustained shift.`;
    case 4:
      return `${signal.label}: ${count} points in a row are ${direction} the centre line ${show(limits.mean)} (σ ${show(limits.sigma)}), the process mean has likely moved.`;
  }
}
