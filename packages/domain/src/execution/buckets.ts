/**
 * Rollups per work center and 15-minute UTC bucket: what the worker stores so dashboards can sum
 * any range (shift, day, week; line or site) without re-reading events. A bucket holds the same
 * components computeOeeComponents gives for its quarter hour, so summing buckets reproduces the
 * range exactly (sum first, divide last).
 *
 * Shifts and local days are mapped to whole buckets: their boundaries are assumed to lie on
 * quarter hours (UTC offsets are multiples of 15 minutes nearly everywhere, and shift patterns
 * almost always start on one). findMisalignedBoundaries reports where that does not hold.
 */
import { formatLocalDate, MS_PER_MINUTE, utcToZoned } from "../calendar/zoned-time";
import type { TCalendarSegment } from "./calendar-timeline";
import {
  computeOeeComponents,
  type TCountEvent,
  type TIdealCycleAt,
  type TOeeComponents,
  type TScrapEvent,
} from "./oee";
import type { TReasonLookup } from "./reason-lookup";
import { clipIntervals, sumStateMs, type TExecutionState, type TStateInterval } from "./state-interval";

export const BUCKET_MS = 15 * MS_PER_MINUTE;

/** The start of the bucket containing an instant. */
export function bucketStartOf(time: number): number {
  return Math.floor(time / BUCKET_MS) * BUCKET_MS;
}

/**
 * The bucket a count or scrap event at `time` belongs to: it reports units made up to `time`, so
 * an event exactly on a bucket edge closes the earlier bucket (start < time ≤ start + BUCKET_MS).
 */
export function bucketOfEvent(time: number): number {
  return Math.ceil(time / BUCKET_MS) * BUCKET_MS - BUCKET_MS;
}

/** Starts of the buckets overlapping [from, to). */
export function bucketRange(from: number, to: number): number[] {
  const starts: number[] = [];
  for (let start = bucketStartOf(from); start < to; start += BUCKET_MS) starts.push(start);
  return starts;
}

/** [from, to) widened to whole buckets: re-derive and re-bucket this span after a change. */
export function alignToBuckets(from: number, to: number): { from: number; to: number } {
  return { from: bucketStartOf(from), to: Math.ceil(to / BUCKET_MS) * BUCKET_MS };
}

export type TBucket = {
  start: number;
  end: number;
  components: TOeeComponents;
  /** Time per state in the bucket, scheduled or not. */
  stateMs: Record<TExecutionState, number>;
};

export type BucketizeInput = {
  intervals: readonly TStateInterval[];
  counts: readonly TCountEvent[];
  scrap: readonly TScrapEvent[];
  idealCycleAt: TIdealCycleAt;
  reasons?: TReasonLookup;
  from: number;
  to: number;
};

/**
 * One bucket per 15-minute UTC start overlapping [from, to). Intervals are cut at bucket edges
 * and at from/to (a bucket at an unaligned edge holds only the part inside the range; use
 * alignToBuckets to avoid partial buckets).
 */
export function bucketize(input: BucketizeInput): TBucket[] {
  const { from, to } = input;
  const intervals = clipIntervals(input.intervals, from, to);
  const countsByBucket = groupByBucket(input.counts);
  const scrapByBucket = groupByBucket(input.scrap);

  let first = 0;
  return bucketRange(from, to).map((start) => {
    const end = start + BUCKET_MS;
    while ((intervals[first]?.end ?? Number.POSITIVE_INFINITY) <= start) first += 1;
    const pieces: TStateInterval[] = [];
    for (let index = first; ; index += 1) {
      const interval = intervals[index];
      if (!interval || interval.start >= end) break;
      pieces.push({ ...interval, start: Math.max(interval.start, start), end: Math.min(interval.end, end) });
    }
    const components = computeOeeComponents({
      intervals: pieces,
      counts: countsByBucket.get(start) ?? [],
      scrap: scrapByBucket.get(start) ?? [],
      idealCycleAt: input.idealCycleAt,
      reasons: input.reasons,
    });
    return { start, end, components, stateMs: sumStateMs(pieces) };
  });
}

function groupByBucket<T extends { time: number }>(events: readonly T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const event of events) {
    const key = bucketOfEvent(event.time);
    const group = groups.get(key);
    if (group) group.push(event);
    else groups.set(key, [event]);
  }
  return groups;
}

/**
 * The local day (site zone, "2026-03-08") and shift a bucket is rolled up into: those at its
 * start. A shift's key carries the date the shift began, so a night shift's buckets after
 * midnight belong to the next local day but still to that shift.
 */
export function shiftAndDayKeys(
  bucketStart: number,
  calendar: readonly TCalendarSegment[],
  timeZone: string,
): { localDay: string; shiftKey: string | null } {
  const segment = calendar.find((s) => s.start <= bucketStart && bucketStart < s.end);
  return { localDay: formatLocalDate(utcToZoned(bucketStart, timeZone)), shiftKey: segment?.shift?.key ?? null };
}

export type TMisalignedBoundary = { time: number; kind: "SHIFT" | "DAY"; message: string };

/**
 * Shift changes and local midnights inside [from, to) that do not fall on a bucket edge: the
 * time between the boundary and the edge would be rolled up into the wrong shift or day. Show
 * these to the admin who set up the calendar; rollups by bucket are only exact when there are none.
 */
export function findMisalignedBoundaries(input: {
  calendar: readonly TCalendarSegment[];
  timeZone: string;
  from: number;
  to: number;
}): TMisalignedBoundary[] {
  const problems: TMisalignedBoundary[] = [];
  const segments = [...input.calendar].sort((a, b) => a.start - b.start);
  segments.forEach((segment, index) => {
    const previous = segments[index - 1];
    const boundary = segment.start;
    if (!previous || boundary <= input.from || boundary >= input.to || boundary % BUCKET_MS === 0) return;
    if ((previous.shift?.key ?? null) === (segment.shift?.key ?? null)) return;
    problems.push({
      time: boundary,
      kind: "SHIFT",
      message: `Shift boundary at ${new Date(boundary).toISOString()} is not on a quarter hour`,
    });
  });
  for (const start of bucketRange(input.from, input.to)) {
    const dayAtStart = formatLocalDate(utcToZoned(start, input.timeZone));
    const dayAtEnd = formatLocalDate(utcToZoned(start + BUCKET_MS - 1, input.timeZone));
    if (dayAtStart !== dayAtEnd) {
      problems.push({
        time: start,
        kind: "DAY",
        message: `Local midnight (${input.timeZone}) falls inside the bucket starting ${new Date(start).toISOString()}`,
      });
    }
  }
  return problems.sort((a, b) => a.time - b.time);
}
