import { MS_PER_HOUR, offsetMinutesAt } from "@gemba/domain/calendar/zoned-time";
import { BUCKET_MS } from "@gemba/domain/execution/buckets";

export type THourlyCount = {
  hourStart: Date;
  hourEnd: Date;
  plannedMinutes: number;
  /** Units counted in planned time, and of those the good ones. */
  totalCount: number;
  goodCount: number;
  /** Units counted outside planned time (running through a break): made, but not part of OEE. */
  unscheduledCount: number;
  /**
   * Units the planned time of the hour allows at the ideal cycle of the order running then:
   * Σ per bucket plannedMs / ideal cycle. Null when part of the planned time has no known order.
   */
  targetCount: number | null;
};

export type TBucketCounts = {
  bucketStart: Date;
  plannedMs: number;
  totalCount: number;
  goodCount: number;
  unscheduledCount: number;
};

/** An order's run on the work center and the ideal cycle of its product. */
export type TOrderRun = { start: number; end: number; idealCycleTimeSeconds: number };

/** The start of the local hour containing an instant (zones offset by half hours keep their :30 hours). */
export function localHourStartOf(time: number, timeZone: string): number {
  const offsetMs = offsetMinutesAt(time, timeZone) * 60_000;
  return time - ((((time + offsetMs) % MS_PER_HOUR) + MS_PER_HOUR) % MS_PER_HOUR);
}

/**
 * Counts per local hour of [from, to), every hour present. A bucket's target uses the order running
 * at the bucket's middle (the latest one started by then and not yet completed).
 */
export function countsPerHour(input: {
  buckets: readonly TBucketCounts[];
  runs: readonly TOrderRun[];
  from: number;
  to: number;
  timeZone: string;
}): THourlyCount[] {
  const hours = new Map<number, THourlyCount>();
  for (let start = localHourStartOf(input.from, input.timeZone); start < input.to; start += MS_PER_HOUR) {
    hours.set(start, {
      hourStart: new Date(start),
      hourEnd: new Date(start + MS_PER_HOUR),
      plannedMinutes: 0,
      totalCount: 0,
      goodCount: 0,
      unscheduledCount: 0,
      targetCount: 0,
    });
  }
  const runs = [...input.runs].sort((a, b) => b.start - a.start);
  for (const bucket of input.buckets) {
    const bucketStart = bucket.bucketStart.getTime();
    const hour = hours.get(localHourStartOf(bucketStart, input.timeZone));
    if (!hour) continue;
    hour.plannedMinutes += bucket.plannedMs / 60_000;
    hour.totalCount += bucket.totalCount;
    hour.goodCount += bucket.goodCount;
    hour.unscheduledCount += bucket.unscheduledCount;
    if (bucket.plannedMs === 0 || hour.targetCount === null) continue;
    const middle = bucketStart + BUCKET_MS / 2;
    const run = runs.find((candidate) => candidate.start <= middle && middle < candidate.end);
    hour.targetCount =
      run && run.idealCycleTimeSeconds > 0
        ? hour.targetCount + bucket.plannedMs / (run.idealCycleTimeSeconds * 1000)
        : null;
  }
  return [...hours.values()];
}
