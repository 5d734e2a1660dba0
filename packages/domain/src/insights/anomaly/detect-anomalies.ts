import { AppError } from "../../errors";
import type { TSignalLabel } from "../spc/western-electric-explanations";
import { foldAlarmsIntoEpisodes } from "./alarm-episodes";
import { explainAnomaly } from "./anomaly-explanation";
import {
  cusumSteps,
  DEFAULT_CUSUM,
  DEFAULT_EWMA,
  ewmaSteps,
  type TCusumOptions,
  type TDetectorStep,
  type TDirection,
  type TEwmaOptions,
} from "./change-statistics";
import { segmentOfPoint, type TBaseline, type TSegmentedPoint } from "./segment-baselines";

export type TAnomalyMethod = "EWMA" | "CUSUM";

export type TAnomalyOptions = {
  method: TAnomalyMethod;
  signal: TSignalLabel;
  ewma?: TEwmaOptions;
  cusum?: TCusumOptions;
  /** Consecutive in-limit points that close an open anomaly (default 5). */
  recoverAfter?: number;
};

export type TAnomaly = {
  method: TAnomalyMethod;
  direction: TDirection;
  status: "OPEN" | "CLOSED";
  start: number;
  /** Time of the last point outside the limits; null while the anomaly is open. */
  end: number | null;
  /** Indices into the series the caller passed. */
  startIndex: number;
  endIndex: number;
  pointCount: number;
  peak: { t: number; index: number; shiftSigmas: number; estimatedValue: number; statistic: number; limit: number };
  baseline: TBaseline & { segment: string };
  explanation: string;
};

export type TAnomalyResult = {
  anomalies: TAnomaly[];
  /** Segments with no baseline: their points are not judged rather than judged against another segment. */
  unjudged: { segment: string; pointCount: number }[];
};

function checkOptions(options: TAnomalyOptions, baselines: ReadonlyMap<string, TBaseline>): void {
  const { lambda, width } = options.ewma ?? DEFAULT_EWMA;
  const { k, h } = options.cusum ?? DEFAULT_CUSUM;
  const recoverAfter = options.recoverAfter ?? 5;
  if (!(lambda > 0 && lambda <= 1)) throw new AppError("BAD_REQUEST", "EWMA λ must be above 0 and at most 1.");
  if (!(width > 0)) throw new AppError("BAD_REQUEST", "EWMA limit width L must be above 0.");
  if (!(k >= 0 && h > 0)) throw new AppError("BAD_REQUEST", "CUSUM needs k ≥ 0 and h > 0 (both in σ).");
  if (!(Number.isInteger(recoverAfter) && recoverAfter >= 1)) {
    throw new AppError("BAD_REQUEST", "Points to close an anomaly must be a whole number of at least 1.");
  }
  for (const [segment, baseline] of baselines) {
    if (!(baseline.sigma > 0 && Number.isFinite(baseline.mean))) {
      throw new AppError("BAD_REQUEST", `The baseline for segment "${segment}" needs a finite mean and a σ above 0.`);
    }
  }
}

/**
 * Change detection for one signal (one tag or count on one work center), in time order. Each point is
 * standardised against its own segment's baseline, so the detector sees one continuous σ-scaled series
 * across product and shift changes.
 */
export function detectAnomalies(
  points: readonly TSegmentedPoint[],
  baselines: ReadonlyMap<string, TBaseline>,
  options: TAnomalyOptions,
): TAnomalyResult {
  checkOptions(options, baselines);
  const judged: { position: number; point: TSegmentedPoint; segment: string; baseline: TBaseline }[] = [];
  const unjudgedCounts = new Map<string, number>();
  points.forEach((point, position) => {
    const segment = segmentOfPoint(point);
    const baseline = baselines.get(segment);
    if (baseline && Number.isFinite(point.value)) judged.push({ position, point, segment, baseline });
    else unjudgedCounts.set(segment, (unjudgedCounts.get(segment) ?? 0) + 1);
  });

  const zs = judged.map(({ point, baseline }) => (point.value - baseline.mean) / baseline.sigma);
  const steps: TDetectorStep[] =
    options.method === "EWMA"
      ? ewmaSteps(zs, options.ewma ?? DEFAULT_EWMA)
      : cusumSteps(zs, options.cusum ?? DEFAULT_CUSUM);

  const anomalies = foldAlarmsIntoEpisodes(steps, options.recoverAfter ?? 5).map((episode): TAnomaly => {
    const first = judged[episode.startIndex];
    const last = judged[episode.endIndex];
    const peakPoint = judged[episode.peakIndex];
    const peakStep = steps[episode.peakIndex];
    if (!first || !last || !peakPoint || !peakStep) throw new Error("Episode indices must lie inside the series.");
    const open = episode.recoveredIndex === null;
    const anomaly: Omit<TAnomaly, "explanation"> = {
      method: options.method,
      direction: episode.direction,
      status: open ? "OPEN" : "CLOSED",
      start: first.point.t,
      end: open ? null : last.point.t,
      startIndex: first.position,
      endIndex: last.position,
      pointCount: episode.endIndex - episode.startIndex + 1,
      peak: {
        t: peakPoint.point.t,
        index: peakPoint.position,
        shiftSigmas: peakStep.shiftSigmas,
        estimatedValue: peakPoint.baseline.mean + peakStep.shiftSigmas * peakPoint.baseline.sigma,
        statistic: peakStep.statistic,
        limit: peakStep.limit,
      },
      baseline: { ...first.baseline, segment: first.segment },
    };
    return { ...anomaly, explanation: explainAnomaly(anomaly, options.signal) };
  });
  return {
    anomalies,
    unjudged: [...unjudgedCounts].map(([segment, pointCount]) => ({ segment, pointCount })),
  };
}
