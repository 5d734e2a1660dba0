/** What the API allows per threshold, in seconds (reasons.workCenterThresholds returns it). */
export type TThresholdLimits = {
  microStopThresholdSeconds: { min: number; max: number };
  unknownTimeoutSeconds: { min: number; max: number };
};

export type TThresholds = { microStopThresholdSeconds: number; unknownTimeoutSeconds: number };

/** The two inputs as typed: kept as text so a half-typed value is not turned into 0. */
export type TThresholdDraft = { micro: string; unknown: string };

export type TThresholdErrors = { micro?: string; unknown?: string };

export function draftOf(values: TThresholds): TThresholdDraft {
  return { micro: String(values.microStopThresholdSeconds), unknown: String(values.unknownTimeoutSeconds) };
}

function wholeSeconds(text: string): number | null {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}

/** The values to save, or the problem with each input (the same limits and wording as the API). */
export function readThresholds(
  draft: TThresholdDraft,
  limits: TThresholdLimits,
): { values: TThresholds | null; errors: TThresholdErrors } {
  const errors: TThresholdErrors = {};
  const micro = wholeSeconds(draft.micro);
  const unknown = wholeSeconds(draft.unknown);
  const microLimits = limits.microStopThresholdSeconds;
  const unknownLimits = limits.unknownTimeoutSeconds;
  if (micro === null) errors.micro = "Enter whole seconds, e.g. 120.";
  else if (micro > microLimits.max) {
    errors.micro = `At most ${formatDuration(microLimits.max)} (${microLimits.max} s): longer stops are downtime, not minor stops.`;
  } else if (micro < microLimits.min) errors.micro = `At least ${microLimits.min} s.`;
  if (unknown === null) errors.unknown = "Enter whole seconds, e.g. 600.";
  else if (unknown < unknownLimits.min) {
    errors.unknown = `At least ${unknownLimits.min} s: shorter gaps between events are normal.`;
  } else if (unknown > unknownLimits.max) {
    errors.unknown = `At most ${formatDuration(unknownLimits.max)} (${unknownLimits.max} s).`;
  }
  if (micro === null || unknown === null || errors.micro || errors.unknown) return { values: null, errors };
  return { values: { microStopThresholdSeconds: micro, unknownTimeoutSeconds: unknown }, errors };
}

export function sameThresholds(a: TThresholds, b: TThresholds): boolean {
  return (
    a.microStopThresholdSeconds === b.microStopThresholdSeconds && a.unknownTimeoutSeconds === b.unknownTimeoutSeconds
  );
}

/** 90 → "1 min 30 s", 1200 → "20 min", 3600 → "1 h", 0 → "0 s". */
export function formatDuration(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const parts = [hours > 0 ? `${hours} h` : "", minutes > 0 ? `${minutes} min` : "", rest > 0 ? `${rest} s` : ""];
  return parts.filter(Boolean).join(" ") || "0 s";
}

/** What an input's value means, under the input: "= 2 min", whether it is the default, or what 0 does. */
export function describeMicroStop(text: string, defaultSeconds?: number): string {
  const seconds = wholeSeconds(text);
  if (seconds === null) return "";
  if (seconds === 0) return "Off: every stop waits for a reason";
  return durationNote(seconds, defaultSeconds);
}

export function describeTimeout(text: string, defaultSeconds?: number): string {
  const seconds = wholeSeconds(text);
  return seconds === null ? "" : durationNote(seconds, defaultSeconds);
}

const durationNote = (seconds: number, defaultSeconds: number | undefined) =>
  `= ${formatDuration(seconds)}${seconds === defaultSeconds ? " (default)" : ""}`;
