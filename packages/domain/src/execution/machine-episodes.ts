import type { TReportedMachineState } from "../events/canonical-events";

/** A machine.state event, reduced to what the derivation needs. Epoch milliseconds. */
export type TStateSignal = { time: number; state: TReportedMachineState; reasonCode?: string | null };

/**
 * A stretch during which the machine reported one state: one run, or one stop. `end` is the
 * next signal that changed it, null while it goes on.
 */
export type TMachineEpisode = {
  start: number;
  end: number | null;
  state: TReportedMachineState;
  signalReasonCode: string | null;
};

// Signals at the same millisecond have no order of their own. Sorting by this rank makes the
// result independent of arrival order, and the most severe state (sorted last) is the one kept.
const STATE_RANK: Readonly<Record<TReportedMachineState, number>> = { RUNNING: 0, IDLE: 1, PLANNED_STOP: 2, DOWN: 3 };

export function sortSignals(signals: readonly TStateSignal[]): TStateSignal[] {
  return [...signals].sort(
    (a, b) =>
      a.time - b.time ||
      STATE_RANK[a.state] - STATE_RANK[b.state] ||
      compareReasons(a.reasonCode ?? null, b.reasonCode ?? null),
  );
}

function compareReasons(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/**
 * Signals (any order) → consecutive episodes.
 *
 * - Repeating the current state continues the episode (connectors often re-send their state).
 * - A reason arriving for a stop that had none is adopted for the whole stop: machines often say
 *   "down" first and why a moment later.
 * - A different reason in the same stop state starts a new stop: CHANGEOVER followed by
 *   PLANNED_MAINTENANCE are two stops with different consequences.
 * - Of signals at the same millisecond, only the last in sorted order counts.
 */
export function buildMachineEpisodes(signals: readonly TStateSignal[]): TMachineEpisode[] {
  const episodes: TMachineEpisode[] = [];
  for (const signal of sortSignals(signals)) {
    const reason = signal.state === "RUNNING" ? null : (signal.reasonCode ?? null);
    let current = episodes[episodes.length - 1];
    if (current && current.start === signal.time) {
      // Superseded by a signal at the same instant: drop it and let its predecessor run on.
      episodes.pop();
      current = episodes[episodes.length - 1];
      if (current) current.end = null;
    }
    if (current && current.state === signal.state) {
      if (reason === null || reason === current.signalReasonCode) continue;
      if (current.signalReasonCode === null) {
        current.signalReasonCode = reason;
        continue;
      }
    }
    if (current) current.end = signal.time;
    episodes.push({ start: signal.time, end: null, state: signal.state, signalReasonCode: reason });
  }
  return episodes;
}

/**
 * Spans without any sign of life: from `timeoutMs` after an event until the next event (the last
 * one open-ended, `end` = Infinity). Any event counts, state signal or heartbeat.
 */
export function findSilentGaps(
  activityTimes: readonly number[],
  timeoutMs: number,
): Array<{ start: number; end: number }> {
  const times = [...new Set(activityTimes)].sort((a, b) => a - b);
  const gaps: Array<{ start: number; end: number }> = [];
  times.forEach((time, index) => {
    const next = times[index + 1] ?? Number.POSITIVE_INFINITY;
    if (time + timeoutMs < next) gaps.push({ start: time + timeoutMs, end: next });
  });
  return gaps;
}
