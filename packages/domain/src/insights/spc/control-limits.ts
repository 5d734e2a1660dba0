import type { TMeasureFormat } from "./format-measure";
import { decimalsForSigma } from "./format-measure";

export type TSeriesPoint = { t: number; value: number };

export type TControlLimits = {
  mean: number;
  sigma: number;
  /** How σ was estimated: moving ranges (the individuals-chart standard) or the sample std fallback. */
  sigmaMethod: "MOVING_RANGE" | "SAMPLE_STD";
  upper: number;
  lower: number;
  baselineCount: number;
};

export type TLimitsResult = { ok: true; limits: TControlLimits } | { ok: false; reason: string };

/** Fewer points than this give limits so uncertain that the rules would flag noise as special causes. */
export const MIN_BASELINE_POINTS = 20;

/** d2 for subgroups of 2: the expected moving range of two normal draws is 1.128σ. */
const D2_FOR_MOVING_RANGE = 1.128;

export function meanOf(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return values.length === 0 ? Number.NaN : sum / values.length;
}

export function sampleStdOf(values: readonly number[]): number {
  if (values.length < 2) return Number.NaN;
  const mean = meanOf(values);
  let squares = 0;
  for (const value of values) squares += (value - mean) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}

/**
 * σ from the average moving range rather than the sample std: a slow drift inside the baseline
 * inflates the sample std (and so widens the limits that should catch it) but barely moves the
 * point-to-point ranges. With fewer than 2 points there is no range, so fall back to the sample std.
 */
export function estimateSigma(values: readonly number[]): { sigma: number; method: TControlLimits["sigmaMethod"] } {
  if (values.length < 2) return { sigma: sampleStdOf(values), method: "SAMPLE_STD" };
  let rangeSum = 0;
  for (let i = 1; i < values.length; i++) rangeSum += Math.abs((values[i] ?? 0) - (values[i - 1] ?? 0));
  return { sigma: rangeSum / (values.length - 1) / D2_FOR_MOVING_RANGE, method: "MOVING_RANGE" };
}

/** Centre line and 3σ limits from a baseline window the plant considers "normal", in time order. */
export function computeControlLimits(
  baseline: readonly TSeriesPoint[],
  minPoints = MIN_BASELINE_POINTS,
): TLimitsResult {
  const values = baseline.map((point) => point.value);
  if (values.some((value) => !Number.isFinite(value))) {
    return { ok: false, reason: "The baseline contains values that are not numbers; clean the source data first." };
  }
  if (values.length < minPoints) {
    return {
      ok: false,
      reason: `The baseline has ${values.length} points; control limits need at least ${minPoints}. Widen the baseline window.`,
    };
  }
  const mean = meanOf(values);
  const { sigma, method } = estimateSigma(values);
  if (!(sigma > 0)) {
    return {
      ok: false,
      reason:
        "Every baseline value is the same, so the spread is zero and any change would alarm. Check the signal's resolution or pick another window.",
    };
  }
  return {
    ok: true,
    limits: {
      mean,
      sigma,
      sigmaMethod: method,
      upper: mean + 3 * sigma,
      lower: mean - 3 * sigma,
      baselineCount: values.length,
    },
  };
}

export type TSide = "ABOVE" | "BELOW";
/** Zones of the chart: C within 1σ of the centre, B 1–2σ, A 2–3σ, BEYOND past the 3σ limit. */
export type TZone = "C" | "B" | "A" | "BEYOND";

export function sigmasFromMean(value: number, limits: TControlLimits): number {
  return (value - limits.mean) / limits.sigma;
}

export function zoneOf(value: number, limits: TControlLimits): { zone: TZone; side: TSide | null } {
  const sigmas = sigmasFromMean(value, limits);
  const distance = Math.abs(sigmas);
  const side = sigmas > 0 ? "ABOVE" : sigmas < 0 ? "BELOW" : null;
  const zone = distance > 3 ? "BEYOND" : distance > 2 ? "A" : distance > 1 ? "B" : "C";
  return { zone, side };
}

export function defaultFormatFor(limits: TControlLimits, unit?: string): TMeasureFormat {
  return { unit, decimals: decimalsForSigma(limits.sigma) };
}
