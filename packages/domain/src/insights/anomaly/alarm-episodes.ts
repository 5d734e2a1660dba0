import type { TDetectorStep, TDirection } from "./change-statistics";

/**
 * One finding per excursion, not one per point: once a signal alarms, further alarms in the same
 * direction are folded into the open episode until the statistic has been back inside its limits for
 * `recoverAfter` consecutive points. Without this a drift would raise an insight on every reading.
 */
export type TAlarmEpisode = {
  direction: TDirection;
  startIndex: number;
  /** Last point outside the limits. */
  endIndex: number;
  /** The point that confirmed the recovery, or null while the episode is still open. */
  recoveredIndex: number | null;
  peakIndex: number;
};

export function foldAlarmsIntoEpisodes(steps: readonly TDetectorStep[], recoverAfter: number): TAlarmEpisode[] {
  const episodes: TAlarmEpisode[] = [];
  let open: TAlarmEpisode | null = null;
  let insideFor = 0;
  steps.forEach((step, index) => {
    if (open && step.alarm && step.alarm !== open.direction) {
      // The mean swung to the other side: a different finding, so close this one where it last alarmed.
      open.recoveredIndex = index;
      open = null;
    }
    if (!step.alarm) {
      if (!open) return;
      insideFor += 1;
      if (insideFor >= recoverAfter) {
        open.recoveredIndex = index;
        open = null;
      }
      return;
    }
    insideFor = 0;
    if (!open) {
      open = { direction: step.alarm, startIndex: index, endIndex: index, recoveredIndex: null, peakIndex: index };
      episodes.push(open);
      return;
    }
    open.endIndex = index;
    const peak = steps[open.peakIndex];
    if (peak && Math.abs(step.shiftSigmas) > Math.abs(peak.shiftSigmas)) open.peakIndex = index;
  });
  return episodes;
}
