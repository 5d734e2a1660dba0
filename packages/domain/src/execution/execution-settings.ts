import { MS_PER_MINUTE } from "../calendar/zoned-time";

/** Per-tenant (or per-work-center) knobs of the state derivation. */
export type TExecutionSettings = {
  /** A stop shorter than this is a minor stop (performance loss), a longer one waits for a reason. */
  microStopThresholdMs: number;
  /** Silence longer than this (no event at all from the work center) opens an UNKNOWN interval. */
  unknownTimeoutMs: number;
};

export const DEFAULT_EXECUTION_SETTINGS: Readonly<TExecutionSettings> = {
  microStopThresholdMs: 2 * MS_PER_MINUTE,
  unknownTimeoutMs: 10 * MS_PER_MINUTE,
};

/** Fills in the defaults; rejects values that would make the derivation meaningless. */
export function resolveExecutionSettings(settings: Partial<TExecutionSettings> = {}): TExecutionSettings {
  const resolved = { ...DEFAULT_EXECUTION_SETTINGS, ...settings };
  if (!(resolved.microStopThresholdMs >= 0)) throw new RangeError("microStopThresholdMs must be 0 or more");
  if (!(resolved.unknownTimeoutMs > 0)) throw new RangeError("unknownTimeoutMs must be positive");
  return resolved;
}
