import { resolveExecutionSettings, type TExecutionSettings } from "./execution-settings";

/**
 * The span to derive again after events arrive late or change (a new or corrected signal or
 * heartbeat, a classification) somewhere in [earliest, latest]:
 *
 * - `changedFrom`: where the stop or run in progress at the earliest change began — the stopStart
 *   of the stored interval there, or else the time of the previous state signal. A change can
 *   alter a whole stop (its length decides minor stop vs failure; its start is its key).
 * - `changedTo`: the next state signal after the latest change that starts a new stop or run (the
 *   end of the stored stop or run there), or `now` when there is none yet.
 * - A new classification changes only its stop: pass the stop's start and end.
 *
 * The window ends `unknownTimeoutMs` after `changedTo`, because an event at `changedTo` itself
 * decides whether an UNKNOWN interval starts up to that long after it. Beyond the window the
 * stored intervals stay as they are; load signals and heartbeats as deriveStateIntervals asks.
 */
export function rederiveWindow(
  changedFrom: number,
  changedTo: number,
  settings?: Partial<TExecutionSettings>,
): { from: number; to: number } {
  const { unknownTimeoutMs } = resolveExecutionSettings(settings);
  return { from: Math.min(changedFrom, changedTo), to: Math.max(changedFrom, changedTo) + unknownTimeoutMs };
}
