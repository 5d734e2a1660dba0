import type { TSignalRef } from "@gemba/domain/insights/drafts/draft-parts";
import {
  computeControlLimits,
  type TControlLimits,
  type TSeriesPoint,
} from "@gemba/domain/insights/spc/control-limits";
import {
  detectWesternElectricViolations,
  type TRuleViolation,
} from "@gemba/domain/insights/spc/western-electric-rules";
import type { TSignalPoint, TSignalSeries } from "../series/signal-series";

const HOUR_MS = 3_600_000;

/**
 * Telemetry arrives every few minutes; judged reading by reading, the four rules together alarm on
 * about one in 92 points of a perfectly steady process (their combined in-control run length), which
 * is several false findings per tag and week. Charting hourly means (at least 2 readings) cuts that
 * fourfold and, as means vary less, still shows a sustained shift within hours.
 */
export function hourlyMeans(points: readonly TSignalPoint[]): TSignalPoint[] {
  const hours = new Map<number, TSignalPoint[]>();
  for (const point of points) {
    const hour = Math.floor(point.t / HOUR_MS) * HOUR_MS;
    hours.set(hour, [...(hours.get(hour) ?? []), point]);
  }
  return [...hours]
    .filter(([, readings]) => readings.length >= 2)
    .map(([t, readings]) => ({
      t,
      value: readings.reduce((sum, reading) => sum + reading.value, 0) / readings.length,
      productId: null,
      productName: null,
    }));
}

/** One control chart of a signal: per product for cycle time and scrap, one across products for telemetry. */
export type TSpcSegmentResult = {
  product: { id: string; name: string } | null;
  limits: TControlLimits | null;
  /** Why there are no limits, in words the chart can show. */
  refusal: string | null;
  /** The evaluated window, in time order; violation indices point into it. */
  points: TSeriesPoint[];
  violations: TRuleViolation[];
};

/**
 * Limits from the baseline window [baselineFrom, evaluateFrom), the four Western Electric rules on
 * [evaluateFrom, to] (telemetry as hourly means). Points made while no single order ran (no product known) are left out of the
 * per-product charts rather than judged against the wrong product's limits.
 */
export function evaluateSpcSignal(
  series: TSignalSeries,
  signal: TSignalRef,
  window: { baselineFrom: number; evaluateFrom: number; to: number },
): TSpcSegmentResult[] {
  const points = series.measure.kind === "TELEMETRY" ? hourlyMeans(series.points) : series.points;
  const segments = new Map<
    string,
    { product: TSpcSegmentResult["product"]; baseline: TSeriesPoint[]; current: TSeriesPoint[] }
  >();
  for (const point of points) {
    if (point.t < window.baselineFrom || point.t > window.to) continue;
    if (series.perProduct && point.productId === null) continue;
    const key = series.perProduct ? (point.productId ?? "") : "all";
    const product =
      series.perProduct && point.productId ? { id: point.productId, name: point.productName ?? "" } : null;
    const segment = segments.get(key) ?? { product, baseline: [], current: [] };
    segments.set(key, segment);
    (point.t < window.evaluateFrom ? segment.baseline : segment.current).push({ t: point.t, value: point.value });
  }
  const results: TSpcSegmentResult[] = [];
  for (const { product, baseline, current } of segments.values()) {
    if (current.length === 0) continue;
    const limits = computeControlLimits(baseline);
    if (!limits.ok) {
      results.push({ product, limits: null, refusal: limits.reason, points: current, violations: [] });
      continue;
    }
    const violations = detectWesternElectricViolations(current, limits.limits, signal);
    results.push({ product, limits: limits.limits, refusal: null, points: current, violations });
  }
  return results;
}
