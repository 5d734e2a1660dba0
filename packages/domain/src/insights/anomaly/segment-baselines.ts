import { computeControlLimits, MIN_BASELINE_POINTS, type TSeriesPoint } from "../spc/control-limits";
import { splitSeriesBySegment } from "../spc/segment-series";

/**
 * What "normal" means for one signal in one segment. Segments are whatever the caller keys them by
 * (product, shift, product×shift): spindle temperature on the night shift or cycle time of product B
 * is judged against its own normal, so a changeover is not an anomaly.
 */
export type TBaseline = { mean: number; sigma: number; count: number | null; source: "GIVEN" | "LEARNED" };

/** Points without a segment key belong to this one. */
export const ALL_SEGMENTS = "ALL";

export type TSegmentedPoint = TSeriesPoint & { segment?: string };

export const segmentOfPoint = (point: TSegmentedPoint): string => point.segment ?? ALL_SEGMENTS;

/** Learn each segment's mean and σ (moving-range estimate, as the control charts do) from a baseline window. */
export function learnSegmentBaselines(
  window: readonly TSegmentedPoint[],
  minPoints = MIN_BASELINE_POINTS,
): { baselines: Map<string, TBaseline>; refused: { segment: string; reason: string }[] } {
  const baselines = new Map<string, TBaseline>();
  const refused: { segment: string; reason: string }[] = [];
  for (const [segment, { points }] of splitSeriesBySegment(window, segmentOfPoint)) {
    const result = computeControlLimits(points, minPoints);
    if (result.ok) {
      const { mean, sigma, baselineCount } = result.limits;
      baselines.set(segment, { mean, sigma, count: baselineCount, source: "LEARNED" });
    } else {
      refused.push({ segment, reason: result.reason });
    }
  }
  return { baselines, refused };
}
