/**
 * The active-period method (Roser, Nakano & Tanaka, 2001–2002): a work center is *active* while it
 * works or is being repaired, because either way the line waits on it; it is *inactive* while it
 * waits on others (starved or blocked). Time the line is not meant to run is no evidence either way.
 */
import type { TExecutionState, TStateInterval } from "../../execution/state-interval";

export type TActivity = "ACTIVE" | "INACTIVE" | "EXCLUDED";

/** Just what the detectors read of a state interval, so callers can pass stored rows as they are. */
export type TBottleneckInterval = Pick<TStateInterval, "state" | "start" | "end" | "reasonCode">;

export type TWorkCenterTimeline = { workCenterId: string; intervals: readonly TBottleneckInterval[] };

/** One uninterrupted stretch of activity, [start, end). */
export type TActivePeriod = { workCenterId: string; start: number; end: number };

export function activityOf(state: TExecutionState): TActivity {
  // DOWN is active: a broken machine is what the others wait for, which is the point of the method.
  if (state === "RUNNING" || state === "DOWN") return "ACTIVE";
  if (state === "IDLE") return "INACTIVE";
  return "EXCLUDED";
}

export type TWindow = { from: number; to: number };

export function assertWindow(window: TWindow): void {
  if (!Number.isFinite(window.from) || !Number.isFinite(window.to) || window.to <= window.from) {
    throw new Error(`The period to analyse must end after it starts (got ${window.from} to ${window.to}).`);
  }
}

/** The timeline's intervals clipped to the window, ordered; empty or reversed pieces dropped. */
export function clipToWindow(intervals: readonly TBottleneckInterval[], window: TWindow): TBottleneckInterval[] {
  return intervals
    .map((interval) => ({
      ...interval,
      start: Math.max(interval.start, window.from),
      end: Math.min(interval.end, window.to),
    }))
    .filter((interval) => interval.end > interval.start)
    .sort((a, b) => a.start - b.start);
}

/** Active and inactive milliseconds inside the window. */
export function sumActivity(intervals: readonly TBottleneckInterval[], window: TWindow) {
  let activeMs = 0;
  let inactiveMs = 0;
  for (const interval of clipToWindow(intervals, window)) {
    const activity = activityOf(interval.state);
    if (activity === "ACTIVE") activeMs += interval.end - interval.start;
    else if (activity === "INACTIVE") inactiveMs += interval.end - interval.start;
  }
  return { activeMs, inactiveMs };
}

/**
 * Maximal active stretches inside the window. RUNNING straight into DOWN is one period (the
 * machine never waited); an IDLE, an excluded state or a gap in the data ends it, because a
 * period we cannot see continuing must not be credited as one long one.
 */
export function activePeriodsOf(timeline: TWorkCenterTimeline, window: TWindow): TActivePeriod[] {
  const periods: TActivePeriod[] = [];
  let current: TActivePeriod | null = null;
  for (const interval of clipToWindow(timeline.intervals, window)) {
    if (activityOf(interval.state) !== "ACTIVE") {
      current = null;
      continue;
    }
    if (current && interval.start <= current.end) {
      current.end = Math.max(current.end, interval.end);
      continue;
    }
    current = { workCenterId: timeline.workCenterId, start: interval.start, end: interval.end };
    periods.push(current);
  }
  return periods;
}
