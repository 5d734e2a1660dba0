import { MS_PER_DAY, MS_PER_HOUR } from "@gemba/domain/calendar/zoned-time";

/** What "normal" is learned from: the two weeks before the evaluated window. */
export const BASELINE_MS = 14 * MS_PER_DAY;
/** Findings that ended before the last day are old news; a pass only hands over what touches it. */
export const REPORT_MS = 24 * MS_PER_HOUR;
/**
 * The evaluated window starts on a 12-hour grid, 36–48 h before the pass. Starting it at a fixed
 * instant (not at "now − 24 h") keeps the baseline, the limits and the start of every pattern the
 * same from one 15-minute pass to the next, so a finding keeps its dedupe key; the 12–24 h before
 * the report window give the rules and the EWMA their lead-in.
 */
const GRID_MS = 12 * MS_PER_HOUR;

export type TDetectionWindows = {
  baselineFrom: number;
  /** Baseline is [baselineFrom, evaluateFrom); evaluated is [evaluateFrom, now]. */
  evaluateFrom: number;
  reportFrom: number;
  now: number;
};

export function detectionWindows(now: number): TDetectionWindows {
  const reportFrom = now - REPORT_MS;
  const evaluateFrom = Math.floor((reportFrom - GRID_MS) / GRID_MS) * GRID_MS;
  return { baselineFrom: evaluateFrom - BASELINE_MS, evaluateFrom, reportFrom, now };
}
