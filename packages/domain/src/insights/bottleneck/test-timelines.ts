/** Timelines for the bottleneck tests: compact to write, and seeded so every run sees the same line. */
import type { TExecutionState } from "../../execution/state-interval";
import type { TBottleneckInterval, TWorkCenterTimeline } from "./active-periods";

export const MIN = 60_000;
export const HOUR = 60 * MIN;

/** "A": [["RUNNING", 0, 60], ["IDLE", 60, 100]] with minutes as the unit. */
export function timeline(workCenterId: string, pieces: [TExecutionState, number, number][]): TWorkCenterTimeline {
  return {
    workCenterId,
    intervals: pieces.map(
      ([state, from, to]): TBottleneckInterval => ({
        state,
        start: from * MIN,
        end: to * MIN,
        reasonCode: null,
      }),
    ),
  };
}

/** mulberry32: a tiny seeded PRNG, good enough to make repeatable noise. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Alternating active/idle stretches with exponential lengths whose means depend on the time: a
 * bottleneck runs long and waits little; the others wait often. Some active time is DOWN, since a
 * machine under repair holds the line up just the same.
 */
export function randomTimeline(
  workCenterId: string,
  toMs: number,
  random: () => number,
  meansAt: (t: number) => { activeMin: number; idleMin: number },
): TWorkCenterTimeline {
  const intervals: TBottleneckInterval[] = [];
  // Capped at 4× the mean: one freak 4-hour stretch would move the planted switch, not test the detector.
  const draw = (meanMin: number) => Math.min(4, Math.max(1 / 60, -Math.log(1 - random()))) * meanMin * MIN;
  let t = 0;
  let active = random() < 0.5;
  while (t < toMs) {
    const means = meansAt(t);
    const end = Math.min(toMs, t + draw(active ? means.activeMin : means.idleMin));
    const state: TExecutionState = active ? (random() < 0.1 ? "DOWN" : "RUNNING") : "IDLE";
    intervals.push({ state, start: t, end, reasonCode: null });
    t = end;
    active = !active;
  }
  return { workCenterId, intervals };
}
