import { studentTCdf, studentTQuantile } from "./student-t";

/** What recent production says about the rate: per-bucket units per planned hour, summarised. */
export type TRateDistribution = {
  sampleCount: number;
  meanPerHour: number;
  /** Spread of single buckets: how much one 15-minute stretch differs from the next. */
  standardDeviation: number;
  /** Uncertainty of the mean itself: standard deviation ÷ √n. */
  standardError: number;
};

export function summarizeRateSamples(samplesPerHour: readonly number[]): TRateDistribution {
  for (const sample of samplesPerHour) {
    if (!Number.isFinite(sample) || sample < 0) {
      throw new RangeError(`Rate samples must be finite and not negative; got ${sample}.`);
    }
  }
  const n = samplesPerHour.length;
  const mean = n === 0 ? 0 : samplesPerHour.reduce((sum, x) => sum + x, 0) / n;
  const variance = n < 2 ? 0 : samplesPerHour.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (n - 1);
  const standardDeviation = Math.sqrt(variance);
  return {
    sampleCount: n,
    meanPerHour: mean,
    standardDeviation,
    standardError: n === 0 ? 0 : standardDeviation / Math.sqrt(n),
  };
}

/**
 * A t-based prediction band for the AVERAGE rate over the work still to do, which spans
 * `bucketsAhead` buckets. Its variance has two parts: the mean we estimated may be off
 * (s²/n) and the future buckets vary around the true mean (s²/k), so short remainders get a wide
 * band even from many samples, long ones converge to the standard-error band. Chosen over a
 * bootstrap because it is exact for normal buckets, deterministic and cheap; buckets are treated as
 * independent, which understates the spread when slow stretches cluster (a known, documented limit).
 */
export type TRateBand = {
  /** Standard deviation of the future average rate. */
  spread: number;
  degreesOfFreedom: number;
  /** Half-width of the two-sided band at the confidence level. */
  halfWidth: number;
};

export function rateBandFor(distribution: TRateDistribution, bucketsAhead: number, confidenceLevel: number): TRateBand {
  const n = distribution.sampleCount;
  const k = Math.max(1, bucketsAhead);
  const spread = distribution.standardDeviation * Math.sqrt(1 / n + 1 / k);
  const degreesOfFreedom = Math.max(1, n - 1);
  const halfWidth = spread * studentTQuantile((1 + confidenceLevel) / 2, degreesOfFreedom);
  return { spread, degreesOfFreedom, halfWidth };
}

/** P(future average rate ≥ requiredPerHour) under the same band: the chance to make a deadline. */
export function probabilityRateAtLeast(
  distribution: TRateDistribution,
  band: TRateBand,
  requiredPerHour: number,
): number {
  const margin = distribution.meanPerHour - requiredPerHour;
  // No spread seen: the samples agree exactly, so the answer is certain either way.
  if (band.spread === 0) return margin >= 0 ? 1 : 0;
  return studentTCdf(margin / band.spread, band.degreesOfFreedom);
}
