import { decimalsForSigma, formatMeasure, formatSigma } from "../spc/format-measure";
import type { TSignalLabel } from "../spc/western-electric-explanations";
import type { TAnomaly } from "./detect-anomalies";
import { ALL_SEGMENTS } from "./segment-baselines";

/**
 * One sentence a plant manager can check against the chart: which way, against which normal, how far
 * (in σ and in the signal's own unit), how long, and whether it is still going on.
 */
export function explainAnomaly(anomaly: Omit<TAnomaly, "explanation">, signal: TSignalLabel): string {
  const { baseline, peak } = anomaly;
  const format = { unit: signal.unit, decimals: signal.decimals ?? decimalsForSigma(baseline.sigma) };
  const show = (value: number) => formatMeasure(value, format);
  const side = anomaly.direction === "UP" ? "above" : "below";
  const segment = baseline.segment === ALL_SEGMENTS ? "" : ` for ${baseline.segment}`;
  const detector =
    anomaly.method === "EWMA"
      ? `its EWMA passed the ${formatSigma(peak.limit, false)} limit`
      : `its CUSUM passed the decision limit of ${formatSigma(peak.limit, false)}`;
  const points = anomaly.pointCount === 1 ? "1 point" : `${anomaly.pointCount} points`;
  const ending = anomaly.status === "OPEN" ? "and is still outside its limits" : "before returning inside its limits";
  return (
    `${signal.label} is running ${side} its baseline ${show(baseline.mean)} (σ ${show(baseline.sigma)})${segment}: ` +
    `${detector} and the estimated shift peaked at ${formatSigma(peak.shiftSigmas)} (about ${show(peak.estimatedValue)}) ` +
    `over ${points}, ${ending}.`
  );
}
