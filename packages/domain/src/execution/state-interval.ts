import type { TLossCategory } from "../reasons/default-reasons";

/**
 * What a work center is doing. RUNNING, IDLE, DOWN and PLANNED_STOP come from the machine (or the
 * calendar, for breaks and planned maintenance); NO_SHIFT from the calendar; UNKNOWN from silence.
 */
export const EXECUTION_STATES = ["RUNNING", "IDLE", "DOWN", "PLANNED_STOP", "NO_SHIFT", "UNKNOWN"] as const;
export type TExecutionState = (typeof EXECUTION_STATES)[number];

/** The states a machine stop can be in. */
export type TStopState = "DOWN" | "IDLE" | "PLANNED_STOP";

export function isStopState(state: TExecutionState): state is TStopState {
  return state === "DOWN" || state === "IDLE" || state === "PLANNED_STOP";
}

/** One piece of a work center's timeline. Epoch milliseconds, end exclusive. */
export type TStateInterval = {
  start: number;
  end: number;
  state: TExecutionState;
  /** Resolved reason: an operator's classification, else the machine's, else the calendar's (BREAK, …). */
  reasonCode: string | null;
  /** Inside planned production time (PPT): counts toward OEE. */
  scheduled: boolean;
  /** A DOWN or IDLE stop at least as long as the minor-stop threshold that nobody gave a reason. */
  unclassified: boolean;
  /** Part of a stop shorter than the minor-stop threshold (judged on the whole stop). */
  microStop: boolean;
  /** The big loss this time counts against; null for running, unknown and unplanned time. */
  lossCategory: TLossCategory | null;
  /**
   * When the machine stop this piece belongs to began: the key operators classify a stop by. The
   * same for every piece of one stop, even when a break or a shift change cuts it.
   */
  stopStart: number | null;
  /** The shift this time belongs to ("<local date>|<shift name>"), null outside shifts. */
  shiftKey: string | null;
};

/** The intervals' parts inside [from, to), in order. Assumes non-overlapping intervals. */
export function clipIntervals(intervals: readonly TStateInterval[], from: number, to: number): TStateInterval[] {
  return intervals
    .filter((interval) => interval.end > from && interval.start < to)
    .map((interval) => ({ ...interval, start: Math.max(interval.start, from), end: Math.min(interval.end, to) }))
    .sort((a, b) => a.start - b.start);
}

/** Milliseconds per state, all states present (zero when absent). */
export function sumStateMs(intervals: readonly TStateInterval[]): Record<TExecutionState, number> {
  const totals = emptyStateMs();
  for (const interval of intervals) totals[interval.state] += interval.end - interval.start;
  return totals;
}

export function emptyStateMs(): Record<TExecutionState, number> {
  return { RUNNING: 0, IDLE: 0, DOWN: 0, PLANNED_STOP: 0, NO_SHIFT: 0, UNKNOWN: 0 };
}
