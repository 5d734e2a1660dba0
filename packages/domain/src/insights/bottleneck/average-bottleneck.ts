/**
 * Average bottleneck: over a period, the work center active for the largest share of the time it
 * could be compared (active + inactive). The margin to the runner-up is what makes it credible:
 * two machines at 91 % and 90 % are a balanced line, not a bottleneck.
 */
import { assertWindow, sumActivity, type TWindow, type TWorkCenterTimeline } from "./active-periods";

export type TActiveShare = {
  workCenterId: string;
  activeMs: number;
  inactiveMs: number;
  /** Active ÷ (active + inactive), 0–1; null when the work center has no comparable time. */
  activeShare: number | null;
};

export type TAverageBottleneck = {
  /** Every work center, largest active share first; those without comparable time last. */
  shares: TActiveShare[];
  bottleneckId: string | null;
  runnerUpId: string | null;
  /** Bottleneck's share minus the runner-up's (0–1); null without a runner-up to compare to. */
  margin: number | null;
  /** 0–1: the margin against MARGIN_FOR_FULL_CONFIDENCE; 0 with nothing to compare. */
  confidence: number;
};

/**
 * A lead of 15 points of active share is taken as beyond doubt: Roser et al. report typical
 * shifting lines differing by a few points, while a true constraint stands well clear.
 */
export const MARGIN_FOR_FULL_CONFIDENCE = 0.15;

export function findAverageBottleneck(timelines: readonly TWorkCenterTimeline[], window: TWindow): TAverageBottleneck {
  assertWindow(window);
  const shares = timelines.map((timeline): TActiveShare => {
    const { activeMs, inactiveMs } = sumActivity(timeline.intervals, window);
    const comparableMs = activeMs + inactiveMs;
    return {
      workCenterId: timeline.workCenterId,
      activeMs,
      inactiveMs,
      activeShare: comparableMs > 0 ? activeMs / comparableMs : null,
    };
  });
  shares.sort(compareShares);
  const ranked = shares.filter((share) => share.activeShare !== null);
  const top = ranked[0];
  const second = ranked[1];
  if (!top || top.activeShare === null) {
    return { shares, bottleneckId: null, runnerUpId: null, margin: null, confidence: 0 };
  }
  // One work center alone is trivially "the bottleneck"; with nothing to compare, claim nothing.
  if (!second || second.activeShare === null) {
    return { shares, bottleneckId: top.workCenterId, runnerUpId: null, margin: null, confidence: 0 };
  }
  const margin = top.activeShare - second.activeShare;
  return {
    shares,
    bottleneckId: top.workCenterId,
    runnerUpId: second.workCenterId,
    margin,
    confidence: Math.min(1, margin / MARGIN_FOR_FULL_CONFIDENCE),
  };
}

/** Largest share first; ties by more active time, then by id so results never depend on input order. */
function compareShares(a: TActiveShare, b: TActiveShare): number {
  if (a.activeShare === null || b.activeShare === null) {
    return (a.activeShare === null ? 1 : 0) - (b.activeShare === null ? 1 : 0);
  }
  return b.activeShare - a.activeShare || b.activeMs - a.activeMs || a.workCenterId.localeCompare(b.workCenterId);
}
