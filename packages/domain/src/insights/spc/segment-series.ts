import { computeControlLimits, type TLimitsResult, type TSeriesPoint } from "./control-limits";
import type { TSignalLabel } from "./western-electric-explanations";
import { detectWesternElectricViolations, type TRuleViolation } from "./western-electric-rules";

/**
 * Split one series into one per segment (product, shift, product×shift), keeping time order and
 * remembering where each point came from. Products have different normal cycle times: one set of limits
 * across a product change would alarm on the changeover, not on a problem.
 */
export function splitSeriesBySegment<T extends TSeriesPoint>(
  points: readonly T[],
  segmentOf: (point: T) => string,
): Map<string, { points: T[]; positions: number[] }> {
  const segments = new Map<string, { points: T[]; positions: number[] }>();
  points.forEach((point, position) => {
    const key = segmentOf(point);
    const segment = segments.get(key) ?? { points: [], positions: [] };
    segment.points.push(point);
    segment.positions.push(position);
    segments.set(key, segment);
  });
  return segments;
}

export type TSegmentChart = {
  segment: string;
  limits: TLimitsResult;
  /** Indices point into the `current` series the caller passed, not into the segment's own series. */
  violations: TRuleViolation[];
};

/**
 * Limits per segment from the baseline window, rules per segment on the current window. A segment
 * with too little baseline is returned with the reason instead of being judged against another
 * segment's limits.
 */
export function evaluateSegmentedChart<T extends TSeriesPoint>(
  baseline: readonly T[],
  current: readonly T[],
  segmentOf: (point: T) => string,
  signal: TSignalLabel,
): TSegmentChart[] {
  const baselineBySegment = splitSeriesBySegment(baseline, segmentOf);
  const charts: TSegmentChart[] = [];
  for (const [segment, { points, positions }] of splitSeriesBySegment(current, segmentOf)) {
    const limits = computeControlLimits(baselineBySegment.get(segment)?.points ?? []);
    if (!limits.ok) {
      charts.push({ segment, limits, violations: [] });
      continue;
    }
    const violations = detectWesternElectricViolations(points, limits.limits, signal).map((violation) => ({
      ...violation,
      indices: violation.indices.map((i) => positions[i] ?? -1),
    }));
    charts.push({ segment, limits, violations });
  }
  return charts;
}
