/**
 * The bottleneck bucket by bucket (hours, shifts: any boundaries the caller gives), so a chart can
 * show it wander from one machine to another, and the moments it moved for good.
 */
import { assertWindow, type TWindow, type TWorkCenterTimeline } from "./active-periods";
import { findAverageBottleneck } from "./average-bottleneck";

export type TBottleneckBucket = {
  start: number;
  end: number;
  /** Null when no work center had comparable time in the bucket (no shift, no data). */
  bottleneckId: string | null;
  activeShare: number | null;
  runnerUpId: string | null;
  runnerUpShare: number | null;
};

export type TBottleneckMove = { fromId: string; toId: string; at: number };

export type TBottleneckOverTime = { buckets: TBottleneckBucket[]; moves: TBottleneckMove[] };

/** Boundaries every `stepMs` from the window's start; the last bucket may be shorter. */
export function evenBoundaries(window: TWindow, stepMs: number): number[] {
  assertWindow(window);
  if (!(stepMs > 0)) throw new Error(`The bucket length must be positive (got ${stepMs} ms).`);
  const boundaries: number[] = [];
  for (let edge = window.from; edge < window.to; edge += stepMs) boundaries.push(edge);
  boundaries.push(window.to);
  return boundaries;
}

/**
 * `minConsecutiveBuckets`: how many buckets in a row a new work center must lead before it counts
 * as a move. One noisy hour should not read as "the bottleneck moved" and back again.
 */
export function trackBottleneckOverTime(
  timelines: readonly TWorkCenterTimeline[],
  boundaries: readonly number[],
  options: { minConsecutiveBuckets?: number } = {},
): TBottleneckOverTime {
  const minConsecutive = Math.max(1, options.minConsecutiveBuckets ?? 2);
  for (let i = 0; i + 1 < boundaries.length; i++) {
    if (!((boundaries[i + 1] as number) > (boundaries[i] as number))) {
      throw new Error("Bucket boundaries must be strictly increasing.");
    }
  }
  const buckets: TBottleneckBucket[] = [];
  for (let i = 0; i + 1 < boundaries.length; i++) {
    const window = { from: boundaries[i] as number, to: boundaries[i + 1] as number };
    const average = findAverageBottleneck(timelines, window);
    const shareOf = (id: string | null) =>
      average.shares.find((share) => share.workCenterId === id)?.activeShare ?? null;
    buckets.push({
      start: window.from,
      end: window.to,
      bottleneckId: average.bottleneckId,
      activeShare: shareOf(average.bottleneckId),
      runnerUpId: average.runnerUpId,
      runnerUpShare: shareOf(average.runnerUpId),
    });
  }
  return { buckets, moves: detectMoves(buckets, minConsecutive) };
}

/** A work center leading bucket after bucket, not yet long enough to count as the bottleneck. */
type TStreak = { id: string; count: number };

/**
 * The move is dated from the first bucket the old bottleneck stopped leading, not from when the
 * new one's streak began: a noisy bucket in between should not make the move look later than it was.
 */
function detectMoves(buckets: readonly TBottleneckBucket[], minConsecutive: number): TBottleneckMove[] {
  const moves: TBottleneckMove[] = [];
  let established: string | null = null;
  let candidate: TStreak | null = null;
  let lostLeadAt: number | null = null;
  for (const bucket of buckets) {
    // Buckets without data say nothing about who leads: they neither confirm nor break a streak.
    if (bucket.bottleneckId === null) continue;
    if (bucket.bottleneckId === established) {
      candidate = null;
      lostLeadAt = null;
      continue;
    }
    lostLeadAt ??= bucket.start;
    const streak: TStreak =
      candidate?.id === bucket.bottleneckId
        ? { ...candidate, count: candidate.count + 1 }
        : { id: bucket.bottleneckId, count: 1 };
    candidate = streak;
    if (streak.count < minConsecutive) continue;
    if (established !== null) moves.push({ fromId: established, toId: streak.id, at: lostLeadAt });
    established = streak.id;
    candidate = null;
    lostLeadAt = null;
  }
  return moves;
}
