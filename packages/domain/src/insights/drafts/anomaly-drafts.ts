import type { TAnomaly } from "../anomaly/detect-anomalies";
import type { TInsightDraft } from "../insight";
import { formatSiteTime } from "../order-risk/format-order-risk";
import type { TSeriesPoint } from "../spc/control-limits";
import { decimalsForSigma, formatMeasure } from "../spc/format-measure";
import {
  clamp01,
  limitMarked,
  lineLabel,
  quarterHourKey,
  signalPlace,
  type TProductRef,
  type TSignalRef,
  type TWorkCenterRef,
  thinPoints,
  workCenterSubject,
} from "./draft-parts";
import { recommendSignalAction } from "./signal-advice";

export type BuildAnomalyDraftsInput = {
  workCenter: TWorkCenterRef;
  signal: TSignalRef;
  /** The evaluated window, in time order; the anomalies' indices point into it. */
  points: readonly TSeriesPoint[];
  anomalies: readonly TAnomaly[];
  /** The product each baseline segment belongs to (segments without one: null). */
  productOfSegment: (segment: string) => TProductRef | null;
  /** Closed anomalies that ended before this are old news and are not handed over again. */
  reportFrom: number;
  now: number;
  timeZone: string;
};

/**
 * One draft per anomaly episode, keyed by the work center, signal, direction and the quarter hour
 * the episode started: while it stays open every pass produces the same key, so the stored insight
 * is updated (its end, peak and chart move) instead of a new one being raised on every reading.
 */
export function buildAnomalyDrafts(input: BuildAnomalyDraftsInput): TInsightDraft[] {
  return input.anomalies
    .filter((anomaly) => anomaly.end === null || anomaly.end >= input.reportFrom)
    .map((anomaly) => anomalyDraft(input, anomaly));
}

function anomalyDraft(input: BuildAnomalyDraftsInput, anomaly: TAnomaly): TInsightDraft {
  const { workCenter, signal, points } = input;
  const { baseline, peak } = anomaly;
  const product = input.productOfSegment(baseline.segment);
  const show = (value: number) =>
    formatMeasure(value, { unit: signal.unit, decimals: decimalsForSigma(baseline.sigma) });
  const at = (time: number) => formatSiteTime(time, input.now, input.timeZone);
  const up = anomaly.direction === "UP";
  const open = anomaly.status === "OPEN";
  const since = at(anomaly.start);
  const place = signalPlace(signal, workCenter, product);
  const title = open
    ? `${place} ${up ? "rising above" : "falling below"} its normal since ${since}`
    : `${place} ran ${up ? "above" : "below"} its normal from ${since} to ${at(anomaly.end ?? anomaly.start)}`;
  // How far past its limit the statistic went, and how long the episode lasted: a statistic just over
  // the line for one point is weak evidence, one far past it over many points is strong.
  const overshoot = Math.abs(peak.statistic) / Math.max(peak.limit, Number.EPSILON);
  const baselineFactor = Math.sqrt(Math.min(1, (baseline.count ?? 50) / 50));
  const confidence = clamp01(
    (0.5 + 0.15 * Math.min(2, overshoot - 1) + 0.02 * Math.min(10, anomaly.pointCount)) * baselineFactor,
  );
  const episodeTimes = points.slice(anomaly.startIndex, anomaly.endIndex + 1).map((point) => point.t);
  const marked = limitMarked(episodeTimes);

  return {
    kind: "ANOMALY",
    subject: workCenterSubject(workCenter),
    dedupeKey: [
      "anomaly",
      workCenter.id,
      signal.key,
      anomaly.direction.toLowerCase(),
      quarterHourKey(anomaly.start),
    ].join(":"),
    title,
    explanation: `${anomaly.explanation} Detected with ${anomaly.method === "EWMA" ? "an EWMA" : "a CUSUM"} chart against the baseline of the same product and shift.`,
    recommendation: recommendSignalAction({ signal, direction: anomaly.direction, workCenter, product, since }),
    evidence: {
      figures: [
        { label: "Baseline mean", value: baseline.mean, unit: signal.unit },
        { label: "Baseline σ", value: baseline.sigma, unit: signal.unit },
        { label: "Estimated value at the peak", value: peak.estimatedValue, unit: signal.unit },
        { label: "Estimated shift at the peak", value: peak.shiftSigmas, unit: "σ" },
        { label: "Points in the anomaly", value: anomaly.pointCount },
        { label: "Baseline points", value: baseline.count ?? 0 },
      ],
      chart: {
        unit: signal.unit,
        points: thinPoints(points, new Set(marked)).map(({ t, value }) => ({ t, value })),
        lines: [
          { label: lineLabel(`Baseline ${show(baseline.mean)}`), value: baseline.mean },
          { label: "Baseline + 3σ", value: baseline.mean + 3 * baseline.sigma },
          { label: "Baseline − 3σ", value: baseline.mean - 3 * baseline.sigma },
          { label: "Estimated peak", value: peak.estimatedValue },
        ],
        marked,
      },
    },
    confidence,
    spanStart: anomaly.start,
    spanEnd: anomaly.end,
  };
}
