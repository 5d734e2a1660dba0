/**
 * The two change detectors, on values already standardised against their segment's baseline
 * (z = (value − mean) / σ), so every quantity here is in σ of the signal.
 *
 * EWMA remembers the past with weight (1 − λ) per step: small λ finds small, slow shifts; its limits
 * widen from the first point to their steady value. The tabular CUSUM adds up how far each point is
 * beyond a slack of k σ and alarms when the sum passes h σ; it is the fastest detector of a shift of 2k σ.
 */
export type TDirection = "UP" | "DOWN";

export type TDetectorStep = {
  /** EWMA value, or the larger CUSUM sum signed by its side. */
  statistic: number;
  limit: number;
  /** Set when the statistic is outside its limit. */
  alarm: TDirection | null;
  /** The detector's estimate of how far the mean has moved, in σ (signed). */
  shiftSigmas: number;
};

export type TEwmaOptions = { lambda: number; width: number };
export type TCusumOptions = { k: number; h: number };

/** λ 0.2, L 3: in-control average run length ≈ 560 points; a 1σ shift is found in ≈ 10. */
export const DEFAULT_EWMA: TEwmaOptions = { lambda: 0.2, width: 3 };
/** k 0.5, h 5: tuned for a 1σ shift, in-control average run length ≈ 465 points (both sides). */
export const DEFAULT_CUSUM: TCusumOptions = { k: 0.5, h: 5 };

export function ewmaSteps(zs: readonly number[], { lambda, width }: TEwmaOptions): TDetectorStep[] {
  let ewma = 0;
  return zs.map((z, index) => {
    ewma = lambda * z + (1 - lambda) * ewma;
    const i = index + 1;
    const limit = width * Math.sqrt((lambda / (2 - lambda)) * (1 - (1 - lambda) ** (2 * i)));
    const alarm = ewma > limit ? "UP" : ewma < -limit ? "DOWN" : null;
    return { statistic: ewma, limit, alarm, shiftSigmas: ewma };
  });
}

export function cusumSteps(zs: readonly number[], { k, h }: TCusumOptions): TDetectorStep[] {
  let high = 0;
  let low = 0;
  // Points since each sum was last zero: the sum over them estimates the shift as k + S / n.
  let highRun = 0;
  let lowRun = 0;
  return zs.map((z) => {
    high = Math.max(0, high + z - k);
    low = Math.max(0, low - z - k);
    highRun = high > 0 ? highRun + 1 : 0;
    lowRun = low > 0 ? lowRun + 1 : 0;
    const upward = high >= low;
    const alarm = high > h ? "UP" : low > h ? "DOWN" : null;
    const shiftSigmas = upward ? (highRun > 0 ? k + high / highRun : 0) : -(k + low / lowRun);
    return { statistic: upward ? high : -low, limit: h, alarm, shiftSigmas };
  });
}
