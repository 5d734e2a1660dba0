/**
 * How a tenant's feedback re-weights a detector. The weight is the posterior mean of "useful"
 * under a Beta(2, 2) prior (a handful of votes moves it, one vote does not), scaled so an unrated
 * detector keeps weight 1: weight = 2 × (useful + 2) / (useful + notUseful + 4), between 0 and 2.
 * A detector whose weight falls below SUPPRESS_BELOW after at least MIN_VOTES votes is suppressed:
 * its insights are still computed (and can be looked at) but no longer shown in the feed or fire rules.
 */
export const SUPPRESS_BELOW = 0.5;
export const MIN_VOTES = 5;

export type TFeedbackCounts = { useful: number; notUseful: number };

export function detectorWeight({ useful, notUseful }: TFeedbackCounts): number {
  return (2 * (useful + 2)) / (useful + notUseful + 4);
}

export function isSuppressed(counts: TFeedbackCounts): boolean {
  return counts.useful + counts.notUseful >= MIN_VOTES && detectorWeight(counts) < SUPPRESS_BELOW;
}

/** The confidence people see: the detector's own, times the tenant's weight, kept within 0–1. */
export function weightedConfidence(confidence: number, counts: TFeedbackCounts): number {
  return Math.min(1, Math.max(0, confidence * detectorWeight(counts)));
}
